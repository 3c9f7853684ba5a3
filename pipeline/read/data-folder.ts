/**
 * Find and read the librarians' files in a data folder: the known CSV files,
 * every .bib file, and the Markdown pages in `sider/`. Reading only: the
 * pipeline never writes into the data folder. Which file is read and which is
 * reported is decided in ./data-files.ts, shared with the browser's check page.
 */
import { readdir, readFile, readlink } from 'node:fs/promises';
import path from 'node:path';
import { PAGES_FOLDER, sortDataFiles, type DataFiles, type OtherEntry } from './data-files.ts';

export { PAGES_FOLDER, type DataFiles, type SourceFile } from './data-files.ts';

/** The files of a folder, and the entries that are not plain files (folders, links), by name. */
async function listFiles(dir: string): Promise<{ files: string[]; others: Map<string, OtherEntry> }> {
  const others = new Map<string, OtherEntry>();
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

export async function readDataFolder(dataDir: string): Promise<DataFiles> {
  const { files, others } = await listFiles(dataDir);
  return sortDataFiles({
    label: path.basename(path.resolve(dataDir)),
    folder: dataDir,
    files,
    others,
    pages: (await listFiles(path.join(dataDir, PAGES_FOLDER))).files,
    linkTarget: (name) => readlink(path.join(dataDir, name)).catch(() => undefined),
    read: (relative) => readFile(path.join(dataDir, ...relative.split('/'))),
  });
}
