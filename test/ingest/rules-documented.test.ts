/**
 * Every rule id the pipeline can report is explained, with how to fix it, in
 * the librarians' guide (docs/for-bibliotekarer.md, table «Alle regler»).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sources(path.join(dir, d.name)) : /\.(ts|js)$/.test(d.name) ? [path.join(dir, d.name)] : [],
  );
}

/** Rule ids as the code writes them: error('rule', …), warning('rule', …), fail('rule', …), and `rule = … ? 'a' : 'b'`. */
function ruleIds(): string[] {
  const ids = new Set<string>();
  for (const file of sources(path.join(ROOT, 'pipeline'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\b(?:error|warning|fail)\(\s*'([a-z][a-z0-9-]*)'/g)) ids.add(m[1]!);
    for (const m of text.matchAll(/\brule = [^;?]*\?\s*'([a-z][a-z0-9-]*)'\s*:\s*'([a-z][a-z0-9-]*)'/g)) ids.add(m[1]!).add(m[2]!);
  }
  return [...ids].sort();
}

describe('the rule table in docs/for-bibliotekarer.md', () => {
  const guide = readFileSync(path.join(ROOT, 'docs', 'for-bibliotekarer.md'), 'utf8');
  const documented = new Set([...guide.matchAll(/^\| `([a-z][a-z0-9-]*)` \| (feil|advarsel|feil \/ advarsel) \|/gm)].map((m) => m[1]!));
  const ids = ruleIds();

  it('finds the rules in the code', () => {
    expect(ids).toEqual(expect.arrayContaining(['required-for-type', 'merge-conflict', 'undefined-macro', 'unknown-type', 'invalid-value', 'single-column']));
  });

  it.each(ids)('explains %s', (id) => {
    expect(documented.has(id)).toBe(true);
  });
});
