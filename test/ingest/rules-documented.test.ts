/**
 * Every rule the pipeline can report (the typed list in model/rules.ts, which
 * error() and warning() accept) is explained, with its severity and how to fix
 * it, in the librarians' guide (docs/for-bibliotekarer.md, table «Alle regler»),
 * and the guide documents no rule that does not exist.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES, type RuleId } from '../../pipeline/model/rules.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const SEVERITY_IN_GUIDE = { error: 'feil', warning: 'advarsel', info: 'info', 'error or warning': 'feil / advarsel' } as const;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sources(path.join(dir, d.name)) : /\.(ts|js)$/.test(d.name) ? [path.join(dir, d.name)] : [],
  );
}

/** The rule table's rows: rule id → severity as the guide writes it. */
function documentedRules(guide: string): Map<string, string> {
  const rows = [...guide.matchAll(/^\|\s*`([a-z][a-z0-9-]*)`\s*\|\s*(feil \/ advarsel|feil|advarsel|info)\s*\|/gm)];
  return new Map(rows.map((m) => [m[1]!, m[2]!]));
}

describe('the rule table in docs/for-bibliotekarer.md', () => {
  const documented = documentedRules(readFileSync(path.join(ROOT, 'docs', 'for-bibliotekarer.md'), 'utf8'));
  const ids = Object.keys(RULES) as RuleId[];

  it.each(ids)('explains %s with its severity', (id) => {
    expect(documented.get(id)).toBe(SEVERITY_IN_GUIDE[RULES[id]]);
  });

  it('documents no rule that does not exist', () => {
    expect([...documented.keys()].filter((id) => !(id in RULES))).toEqual([]);
  });

  it('lists no rule that the pipeline never reports', () => {
    const code = sources(path.join(ROOT, 'pipeline'))
      .filter((f) => !f.endsWith(path.join('model', 'rules.ts')))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    expect(ids.filter((id) => !code.includes(`'${id}'`))).toEqual([]);
  });
});
