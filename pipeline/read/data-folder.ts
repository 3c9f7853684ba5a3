/**
 * Find and read the librarians' files in a data folder: the known CSV files,
 * every .bib file, and the Markdown pages in `sider/`. Reading only: the
 * pipeline never writes into the data folder.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { CSV_FILES, type CsvFileName } from '../model/columns.ts';
import { error, warning, type Problem } from '../model/problems.ts';
import { didYouMean } from '../lib/closest.ts';

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

async function listFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { withFileTypes: true }))
      .filter((d) => d.isFile())
      .map((d) => d.name)
      .sort();
  } catch {
    return [];
  }
}

export async function readDataFolder(dataDir: string): Promise<DataFiles> {
  const label = path.basename(path.resolve(dataDir));
  const problems: Problem[] = [];
  const out: DataFiles = { csv: {}, bib: [], pages: [], problems };
  const names = await listFiles(dataDir);
  if (names.length === 0) {
    problems.push(
      error(
        'data-folder-empty',
        { file: label, line: 1, column: 1 },
        `The data folder '${dataDir}' is missing or empty. Run the command in the Kildebank folder (the one with package.json), with the files in data/, or name the folder with --data.`,
      ),
    );
    return out;
  }
  const known = Object.keys(CSV_FILES);
  for (const name of names) {
    if (IGNORED.test(name)) continue;
    const display = `${label}/${name}`;
    const at = { file: display, line: 1, column: 1 };
    const ext = path.extname(name).toLowerCase();
    const read = async (): Promise<SourceFile> => ({ display, bytes: await readFile(path.join(dataDir, name)) });
    if (ext === '.csv') {
      if (known.includes(name)) out.csv[name as CsvFileName] = await read();
      else
        problems.push(
          error(
            'unknown-file',
            at,
            `Kildebank does not know the file '${name}'.${didYouMean(name, known)} The CSV files are: ${known.join(', ')}. Rename the file, or move it (a backup copy, say) out of data/.`,
          ),
        );
    } else if (ext === '.bib') {
      out.bib.push(await read());
    } else if (ext === '.xlsx' || ext === '.xls' || ext === '.ods') {
      problems.push(
        warning(
          'spreadsheet-ignored',
          at,
          `'${name}' is a spreadsheet file and is not read. Save it as CSV UTF-8 with one of the names ${known.join(', ')}, and move the spreadsheet out of data/.`,
        ),
      );
    } else if (ext !== '.md' && ext !== '.txt') {
      problems.push(
        warning(
          'unknown-file',
          at,
          `'${name}' is not read: Kildebank reads .csv and .bib files here, and Markdown pages in '${PAGES_FOLDER}/'.`,
        ),
      );
    }
  }
  for (const name of await listFiles(path.join(dataDir, PAGES_FOLDER))) {
    if (IGNORED.test(name)) continue;
    const display = `${label}/${PAGES_FOLDER}/${name}`;
    if (path.extname(name).toLowerCase() === '.md')
      out.pages.push({ display, bytes: await readFile(path.join(dataDir, PAGES_FOLDER, name)) });
    else
      problems.push(
        warning('unknown-file', { file: display, line: 1, column: 1 }, `'${name}' is not read: pages are Markdown files ending in .md.`),
      );
  }
  return out;
}
