/**
 * The pipeline's tree shows its flow: one folder per stage in flow order, plus
 * `model/` and `lib/` that every stage may use. A stage imports only from
 * itself, from earlier stages, and from model/ and lib/; never from a later one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const PIPELINE = path.resolve('pipeline');
const STAGES = ['read', 'check', 'normalise', 'link', 'enrich', 'cite', 'emit', 'build'] as const;
const SHARED = ['model', 'lib'] as const;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(p);
    return /\.(ts|js|mjs)$/.test(d.name) ? [p] : [];
  });
}

/** Relative imports of a file: static, dynamic and `new URL(…, import.meta.url)`. */
export function relativeImports(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/(?:from\s*|import\s*\(\s*|import\s+|new URL\(\s*)['"](\.\.?\/[^'"]+)['"]/g)) found.push(m[1]!);
  return found;
}

/** The part of the pipeline a file belongs to: a stage, `model`, `lib`, `run` or `cli`. */
function partOf(file: string): string {
  const rel = path.relative(PIPELINE, file).split(path.sep);
  return rel.length === 1 ? rel[0]!.replace(/\.ts$/, '') : rel[0]!;
}

/**
 * Rank in the flow; shared parts rank below every stage. `run.ts` runs the
 * stages up to the dataset (read … cite), so emit and build may call it;
 * `cli.ts` comes last.
 */
function rank(part: string): number {
  if ((SHARED as readonly string[]).includes(part)) return -1;
  if (part === 'run') return STAGES.indexOf('cite') + 0.5;
  if (part === 'cli') return STAGES.length;
  return (STAGES as readonly string[]).indexOf(part);
}

/** Every import that runs against the flow, as "from → to". */
export function backwardImports(files: string[]): string[] {
  const wrong: string[] = [];
  for (const file of files) {
    const from = partOf(file);
    for (const spec of relativeImports(readFileSync(file, 'utf8'))) {
      const target = path.resolve(path.dirname(file), spec);
      if (!target.startsWith(PIPELINE + path.sep)) continue;
      const to = partOf(target);
      const sharedImportsStage = rank(from) === -1 && rank(to) !== -1;
      const modelImportsLib = from === 'model' && to === 'lib';
      if (sharedImportsStage || modelImportsLib || rank(to) > rank(from))
        wrong.push(`${path.relative(PIPELINE, file)} → ${path.relative(PIPELINE, target)}`);
    }
  }
  return wrong;
}

describe('the pipeline tree', () => {
  it('holds only cli.ts and run.ts at the top, and one folder per stage plus model/ and lib/', () => {
    const entries = readdirSync(PIPELINE, { withFileTypes: true });
    expect(
      entries
        .filter((e) => e.isFile())
        .map((e) => e.name)
        .sort(),
    ).toEqual(['cli.ts', 'run.ts']);
    expect(
      entries
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort(),
    ).toEqual([...STAGES, ...SHARED].sort());
  });

  it('has no import that runs backwards between stages', () => {
    expect(backwardImports(sourceFiles(PIPELINE))).toEqual([]);
  });

  it('would notice a backward import (the check itself works)', () => {
    const file = path.join(PIPELINE, 'read', 'csv.ts');
    expect(relativeImports(`import { x } from '../link/link.ts';\nconst y = await import('../emit/json.ts');`)).toEqual([
      '../link/link.ts',
      '../emit/json.ts',
    ]);
    // A read-stage file importing the link stage is reported; importing model/ is not.
    const fake = (src: string) => {
      const wrong: string[] = [];
      for (const spec of relativeImports(src)) {
        const to = partOf(path.resolve(path.dirname(file), spec));
        if (rank(to) > rank('read')) wrong.push(to);
      }
      return wrong;
    };
    expect(fake(`import '../link/link.ts'; import '../model/types.ts';`)).toEqual(['link']);
  });
});
