/**
 * Turn a file's bytes into text: UTF-8 with or without BOM, or windows-1252
 * (what older Excel saves). Spreadsheets saved in their own format are refused.
 */
import iconv from 'iconv-lite';
import { error, info, warning, type Problem } from '../model/problems.ts';
import { CONTROL_CHARACTERS, controlCodes } from '../lib/text.ts';

export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'windows-1252';
  problems: Problem[];
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

export function decodeText(bytes: Uint8Array, file: string): Decoded {
  const at = { file, line: 1, column: 1 };
  if (startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, OLE_MAGIC)) {
    return {
      text: '',
      encoding: 'utf-8',
      problems: [error('file-not-csv', at, {})],
    };
  }
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    return { text, encoding: 'utf-8', problems: [] };
  } catch {
    const text = iconv.decode(body, 'windows-1252');
    return {
      text,
      encoding: 'windows-1252',
      problems: [warning('encoding-windows-1252', at, {})],
    };
  }
}

/**
 * Text of a .bib file or a page made safe to publish: control characters
 * (which make the Atom feed and XHTML not well-formed) removed, with a warning
 * per line, and composed letters (NFC), with a notice at the first line that
 * had decomposed ones. CSV cells get the same, per cell, in check/cells.ts.
 */
export function cleanText(text: string, file: string): { text: string; problems: Problem[] } {
  const problems: Problem[] = [];
  const lines = text.split('\n');
  let nfdReported = false;
  const cleaned = lines.map((line, i) => {
    let out = line;
    const codes = controlCodes(out);
    if (codes.length > 0) {
      const column = out.search(CONTROL_CHARACTERS) + 1;
      problems.push(warning('control-character', { file, line: i + 1, column }, { codes }));
      out = out.replace(new RegExp(CONTROL_CHARACTERS.source, 'gu'), '');
    }
    const composed = out.normalize('NFC');
    if (composed !== out && !nfdReported) {
      nfdReported = true;
      problems.push(info('unicode-normalised', { file, line: i + 1, column: 1 }, {}));
    }
    return composed;
  });
  return { text: cleaned.join('\n'), problems };
}
