/**
 * Turn a file's bytes into text: UTF-8 with or without BOM, or windows-1252
 * (what older Excel saves). Spreadsheets saved in their own format are refused.
 */
import iconv from 'iconv-lite';
import { error, warning, type Problem } from '../model/problems.ts';

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
      problems: [
        error(
          'file-not-csv',
          at,
          'This file is an Excel workbook (.xlsx/.xls), not CSV. Open it in Excel or LibreOffice and use ' +
            '"Save as" → "CSV UTF-8 (comma delimited)" instead of renaming the file.',
        ),
      ],
    };
  }
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    return { text, encoding: 'utf-8', problems: [] };
  } catch {
    const text = iconv.decode(Buffer.from(body), 'windows-1252');
    return {
      text,
      encoding: 'windows-1252',
      problems: [
        warning(
          'encoding-windows-1252',
          at,
          'The file is not UTF-8; it was read as windows-1252 (older Excel). It works, but saving it as ' +
            '"CSV UTF-8" keeps Norwegian letters safe.',
        ),
      ],
    };
  }
}
