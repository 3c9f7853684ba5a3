/** The Nu Html Checker (vnu-jar, on the system Java) over a built site. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import vnuJar from 'vnu-jar';
import { htmlFiles } from './site-files.ts';

interface VnuMessage {
  type: string;
  url: string;
  message: string;
  lastLine?: number;
}

/** The Nu Html Checker's errors for every page of a built site. */
export async function vnuErrors(dist: string): Promise<string[]> {
  const files = await htmlFiles(dist);
  const { stderr } = await promisify(execFile)('java', ['-jar', String(vnuJar), '--errors-only', '--format', 'json', ...files], {
    maxBuffer: 64 * 1024 * 1024,
  }).catch((e: { stderr: string }) => e);
  const { messages } = JSON.parse(stderr || '{"messages":[]}') as { messages: VnuMessage[] };
  return messages.map((m) => `${m.url.replace(`file:${dist}`, '')}:${m.lastLine ?? '?'}: ${m.message}`);
}
