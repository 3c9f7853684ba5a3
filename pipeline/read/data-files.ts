/**
 * Sort the librarians' files of a data folder into what the pipeline reads:
 * the known CSV files, every .bib file, and the Markdown pages in `sider/`,
 * with a problem for each file that is not read. Works on a listing and a way
 * to read a file, so that the same rules serve the folder on disk
 * (./data-folder.ts) and files chosen in a browser (`readDataFiles`, used by
 * the page /sjekk/). No Node module here: this file is bundled for the browser.
 */
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

export type OtherEntry = 'directory' | 'link' | 'special';

/** What a data folder holds: its plain files and other entries by name, and the plain files of `sider/`. */
export interface DataListing {
  /** The folder's name, shown in front of every file ("data"). */
  label: string;
  /** The folder as the user named it, for the message that it is empty. */
  folder: string;
  files: string[];
  others: Map<string, OtherEntry>;
  pages: string[];
  /** Where a link points, for the message that a known file is one. */
  linkTarget(name: string): Promise<string | undefined>;
  /** The bytes of a file, by its path in the folder (`bibliografi.csv`, `sider/om.md`). */
  read(relative: string): Promise<Uint8Array>;
}

/** The file without which the site loses most: reported when it is missing, a folder or a link. */
const MAIN_FILE: CsvFileName = 'bibliografi.csv';

/** `.csv` of `bibliografi.csv`, lower-case; empty without a dot (as Node's path.extname). */
function extname(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot).toLowerCase();
}

export async function sortDataFiles(listing: DataListing): Promise<DataFiles> {
  const { label, files: names, others } = listing;
  const problems: Problem[] = [];
  const out: DataFiles = { csv: {}, bib: [], pages: [], problems };
  if (names.length === 0 && others.size === 0) {
    problems.push(error('data-folder-empty', { file: label, line: 1, column: 1 }, { folder: listing.folder }));
    return out;
  }
  const known = Object.keys(CSV_FILES);
  // A known CSV name that is a folder or a link (which copies of the folder lose) is not read, and said so.
  for (const [name, variant] of [...others].sort(([a], [b]) => a.localeCompare(b))) {
    if (!known.includes(name)) continue;
    const target = variant === 'link' ? await listing.linkTarget(name) : undefined;
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
    const ext = extname(name);
    const read = async (): Promise<SourceFile> => ({ display, bytes: await listing.read(name) });
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
  for (const name of listing.pages) {
    if (IGNORED.test(name)) continue;
    const display = `${label}/${PAGES_FOLDER}/${name}`;
    if (extname(name) === '.md') out.pages.push({ display, bytes: await listing.read(`${PAGES_FOLDER}/${name}`) });
    else problems.push(warning('unknown-file', { file: display, line: 1, column: 1 }, { variant: 'page', name }));
  }
  return out;
}

/** A file chosen in a browser: its path in the data folder (`bibliografi.csv`, `sider/om.md`) and its bytes. */
export interface GivenFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * The same as reading a data folder from disk, from files given in memory
 * (chosen or dropped in a browser). A name with a folder in it is a file in a
 * subfolder: `sider/…` are pages, and a known CSV name used as a folder
 * (`bibliografi.csv/bibliografi.csv`, an unzipped copy) is reported as on disk.
 * A browser cannot tell links or empty folders, so those are never reported.
 */
export async function readDataFiles(files: readonly GivenFile[], label = 'data'): Promise<DataFiles> {
  const bytes = new Map<string, Uint8Array>();
  const others = new Map<string, OtherEntry>();
  const top: string[] = [];
  const pages: string[] = [];
  for (const file of files) {
    const parts = file.name.split('/').filter((p) => p !== '');
    if (parts.length === 0) continue;
    bytes.set(parts.join('/'), file.bytes);
    if (parts.length === 1) top.push(parts[0]!);
    else {
      others.set(parts[0]!, 'directory');
      if (parts[0] === PAGES_FOLDER && parts.length === 2) pages.push(parts[1]!);
    }
  }
  const sort = (names: string[]) => [...new Set(names)].sort();
  return sortDataFiles({
    label,
    folder: label,
    files: sort(top),
    others,
    pages: sort(pages),
    linkTarget: async () => undefined,
    read: async (relative) => bytes.get(relative)!,
  });
}
