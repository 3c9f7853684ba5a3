import { stat } from 'node:fs/promises';

/** What is at a path: a folder, a file, or something else (a socket, a device, a pipe). */
export type PathKind = 'folder' | 'file' | 'other';

/** What is at `p` (links followed), or undefined when nothing is there or it cannot be looked at. */
export const kindOf = (p: string): Promise<PathKind | undefined> =>
  stat(p).then(
    (s) => (s.isDirectory() ? 'folder' : s.isFile() ? 'file' : 'other'),
    () => undefined,
  );
