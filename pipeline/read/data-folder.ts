/**
 * Find and read the librarians' files in a data folder: the known CSV files,
 * every .bib file, and the Markdown pages in `sider/`. Reading only: the
 * pipeline never writes into the data folder.
 */
import { readdir, readFile, readlink } from 'node:fs/promises';
import path from 'node:path';
import { CSV_FILES, type CsvFileName } from '../model/columns.ts';
import { error, warning, type Problem } from '../model/problems.ts';
import { suggestion } from '../lib/closest.ts';

export interface SourceFile {
  /** Path shown in messages: the data folder's name and the file's path in it. */
  display: string;
  bytes: Uint8Array;
}

export interface DataFiles {
  csv: Partial<Record<CsvFileName, SourceFile>>;
  bib: SourceFile[];
  pages: SourceFile[];
  problems: Problem[];
}

export const PAGES_FOLDER = 'sider';
const IGNORED = /^(\.|~\$|README)/i;

/** The files of a folder, and the entries that are not plain files (folders, links), by name. */
async function listFiles(dir: string): Promise<{ files: string[]; others: Map<string, 'directory' | 'link' | 'special'> }> {
  const others = new Map<string, 'directory' | 'link' | 'special'>();
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const d of entries) {
      if (!d.isFile()) others.set(d.name, d.isDirectory() ? 'directory' : d.isSymbolicLink() ? 'link' : 'special');
    }
    return {
      files: entries
        .filter((d) => d.isFile())
        .map((d) => d.name)
        .sort(),
      others,
    };
  } catch {
    return { files: [], others };
  }
}

/** The file without which the site loses most: reported when it is missing, a folder or a link. */
const MAIN_FILE: CsvFileName = 'bibliografi.csv';

export async function readDataFolder(dataDir: string): Promise<DataFiles> {
  const label = path.basename(path.resolve(dataDir));
  const problems: Problem[] = [];
  const out: DataFiles = { csv: {}, bib: [], pages: [], problems };
  const { files: names, others } = await listFiles(dataDir);
  if (names.length === 0 && others.size === 0) {
    problems.push(error('data-folder-empty', { file: label, line: 1, column: 1 }, { folder: dataDir }));
    return out;
  }
  const known = Object.keys(CSV_FILES);
  // A known CSV name that is a folder or a link (which copies of the folder lose) is not read, and said so.
  for (const [name, variant] of [...others].sort(([a], [b]) => a.localeCompare(b))) {
    if (!known.includes(name)) continue;
    const target = variant === 'link' ? await readlink(path.join(dataDir, name)).catch(() => undefined) : undefined;
    problems.push(
      error('file-missing', { file: `${label}/${name}`, line: 1, column: 1 }, { name, variant, ...(target ? { target } : {}) }),
    );
  }
  if (!names.includes(MAIN_FILE) && !others.has(MAIN_FILE))
    problems.push(warning('file-missing', { file: `${label}/${MAIN_FILE}`, line: 1, column: 1 }, { name: MAIN_FILE, variant: 'missing' }));
  for (const name of names) {
    if (IGNORED.test(name)) continue;
    const display = `${label}/${name}`;
    const at = { file: display, line: 1, column: 1 };
    const ext = path.extname(name).toLowerCase();
    const read = async (): Promise<SourceFile> => ({ display, bytes: await readFile(path.join(dataDir, name)) });
    if (ext === '.csv') {
      if (known.includes(name)) out.csv[name as CsvFileName] = await read();
      else problems.push(error('unknown-file', at, { variant: 'csv', name, ...suggestion(name, known), known }));
    } else if (ext === '.bib') {
      out.bib.push(await read());
    } else if (ext === '.xlsx' || ext === '.xls' || ext === '.ods') {
      problems.push(warning('spreadsheet-ignored', at, { name, known }));
    } else if (ext !== '.md' && ext !== '.txt') {
      problems.push(warning('unknown-file', at, { variant: 'other', name, pagesFolder: PAGES_FOLDER }));
    }
  }
  for (const name of (await listFiles(path.join(dataDir, PAGES_FOLDER))).files) {
    if (IGNORED.test(name)) continue;
    const display = `${label}/${PAGES_FOLDER}/${name}`;
    if (path.extname(name).toLowerCase() === '.md')
      out.pages.push({ display, bytes: await readFile(path.join(dataDir, PAGES_FOLDER, name)) });
    else problems.push(warning('unknown-file', { file: display, line: 1, column: 1 }, { variant: 'page', name }));
  }
  return out;
}
