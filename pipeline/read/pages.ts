/**
 * An introduction page in Markdown: `NN-slug.md`, whose number gives the order
 * and whose first line is the `# Title`.
 */
import { error, type Problem } from '../model/problems.ts';
import { MAX_ID_LENGTH, windowsReservedName } from '../lib/identifiers.ts';
import type { PageDraft } from '../model/drafts.ts';

const NAME = /^(\d+)-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/;

export function readPage(text: string, file: string): { page?: PageDraft; problems: Problem[] } {
  const name = file.split('/').pop()!;
  const at = { file, line: 1, column: 1 };
  const m = NAME.exec(name);
  if (!m) {
    return {
      problems: [error('page-name', at, { name })],
    };
  }
  // The slug names the page's folder (/tema/<slug>/), so it must be a folder name on every system.
  const reserved = windowsReservedName(m[2]!);
  if (reserved !== undefined) {
    return {
      problems: [error('id-reserved-name', at, { variant: 'page', name, slug: m[2]!, number: m[1]!, reserved })],
    };
  }
  if (m[2]!.length > MAX_ID_LENGTH) {
    return {
      problems: [error('id-too-long', at, { variant: 'page', name, length: m[2]!.length, max: MAX_ID_LENGTH })],
    };
  }
  const normalised = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  const lines = normalised.split('\n');
  const first = lines.findIndex((l) => l.trim() !== '');
  const heading = first >= 0 ? /^#\s+(.+?)\s*#*\s*$/.exec(lines[first]!) : null;
  if (!heading) {
    return {
      problems: [error('page-title', { file, line: first + 1 || 1, column: 1 }, {})],
    };
  }
  // Keep the body's line numbers: blank lines stand in for the title.
  const body = [...lines.slice(0, first + 1).map(() => ''), ...lines.slice(first + 1)].join('\n');
  return { page: { slug: m[2]!, order: Number(m[1]), title: heading[1]!, body, sources: [{ file, line: 1 }] }, problems: [] };
}
