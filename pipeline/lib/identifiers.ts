/** Check digits and shapes of ISBN, ISSN, DOI, URL, years and dates. */

const digitsOf = (s: string) => s.replace(/[\s-]/g, '').toUpperCase();

export function isValidIsbn(value: string): boolean {
  const d = digitsOf(value);
  if (/^\d{9}[\dX]$/.test(d)) {
    const sum = [...d].reduce((acc, ch, i) => acc + (ch === 'X' ? 10 : Number(ch)) * (10 - i), 0);
    return sum % 11 === 0;
  }
  if (/^97[89]\d{10}$/.test(d)) {
    const sum = [...d].reduce((acc, ch, i) => acc + Number(ch) * (i % 2 === 0 ? 1 : 3), 0);
    return sum % 10 === 0;
  }
  return false;
}

export function isValidIssn(value: string): boolean {
  const d = digitsOf(value);
  if (!/^\d{7}[\dX]$/.test(d)) return false;
  const sum = [...d].reduce((acc, ch, i) => acc + (ch === 'X' ? 10 : Number(ch)) * (8 - i), 0);
  return sum % 11 === 0;
}

/** An ISBN that a spreadsheet turned into a number in scientific notation. */
export const looksLikeScientificNumber = (value: string) => /^\d+([.,]\d+)?E\+?\d+$/i.test(value.trim());

export const DOI_PATTERN = /^10\.\d{4,9}\/\S+$/;

/** Strip a resolver prefix: "https://doi.org/10.1/x" → "10.1/x". */
export function bareDoi(value: string): string {
  return value.replace(/^(https?:\/\/(dx\.)?doi\.org\/|doi:\s*)/i, '');
}

/** Characters a web address may not hold as typed (RFC 3986): they must be percent-encoded. */
const NOT_IN_URLS = /[\s"<>`{}|\\^]/;

export function isHttpUrl(value: string): boolean {
  if (NOT_IN_URLS.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

export const MIN_YEAR = 1500;
export const MAX_YEAR = 2100;

export function isPlausibleYear(value: string): boolean {
  return /^\d{4}$/.test(value) && Number(value) >= MIN_YEAR && Number(value) <= MAX_YEAR;
}

/** YYYY, YYYY-MM or YYYY-MM-DD, and a real calendar date. */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m || !isPlausibleYear(m[1]!)) return false;
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  const days = new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
  return day >= 1 && day <= days;
}

/** A whole number in the range Excel uses for dates between 1955 and 2064. */
export const looksLikeExcelSerialDate = (value: string) => /^\d{5}$/.test(value) && Number(value) >= 20000 && Number(value) <= 60000;

/**
 * The longest id, key or page slug. Each becomes a folder name in the site
 * (`/bibliografi/<key>/index.html`) and in every copy of it, and Windows
 * without long-path support limits a whole path to 260 characters: 100 leaves
 * 160 for the folder the site is copied to, the build's staging folder and
 * the rest of the path (`bibliografi/`, `/index.html`). Linux and macOS allow
 * 255 bytes per name, which 100 ASCII characters never reach. And an address
 * of 100 characters is already more than anyone types or reads.
 */
export const MAX_ID_LENGTH = 100;

/** Device names Windows reserves in every folder, also with an extension ('con.txt'); COM0 and LPT0 as in current Windows documentation. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i;

/** The Windows device name a file or folder name stands for ('nul' for 'nul' or 'nul.txt'), if any: such a name cannot be created on Windows. */
export function windowsReservedName(name: string): string | undefined {
  return WINDOWS_RESERVED.exec(name)?.[1]?.toLowerCase();
}
