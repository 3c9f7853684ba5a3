/**
 * Read → parse → check → normalise: from a data folder on disk to validated
 * drafts and every problem found on the way. No output is written here. What
 * happens after reading is in ./ingest-files.ts, shared with the browser.
 */
import { readDataFolder } from '../read/data-folder.ts';
import { ingestFiles, type Ingested } from './ingest-files.ts';

export { ingestFiles, type Drafts, type Ingested, type NotRead } from './ingest-files.ts';

export async function ingest(dataDir: string): Promise<Ingested> {
  return ingestFiles(await readDataFolder(dataDir));
}
