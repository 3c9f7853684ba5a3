/** The messages in English (`--lang en`, or an English locale): one per rule id. */
import type { BibtexReason, Catalogue, Frame, Need } from './messages.ts';

const maybe = (suggestion: string | undefined) => (suggestion ? ` Did you mean '${suggestion}'?` : '');
const or = (items: readonly string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`);

const TOKENS: Record<string, string> = {
  lbrace: "'{'",
  rbrace: "'}'",
  comma: "','",
  equals: "'='",
  quote: "'\"'",
  hash: "'#'",
  identifier: 'a name',
  label: 'a key',
  number: 'a number',
  text: 'text',
  whitespace: 'a space',
  at: "'@'",
  EOF: 'the end of the file',
};
const token = (t: string) => (Object.hasOwn(TOKENS, t) ? TOKENS[t]! : `'${t}'`);

function reason(r: BibtexReason): string {
  switch (r.code) {
    case 'no-key':
      return "the entry has no key (write one right after the opening brace, as in '@report{loga-2016,')";
    case 'comma':
      return 'a comma is missing between two fields (or after the key)';
    case 'equals':
      return "a field name is not followed by '='";
    case 'expected':
      return `${token(r.expected)} was expected here, but there is ${token(r.got)}; check the braces and commas`;
    case 'not-entry':
      return 'it does not look like a BibTeX entry: check the comma after the key and the braces';
    case 'not-closed':
      return "a '}' is missing";
    case 'other':
      return r.detail;
  }
}

const NEEDS: Record<Need, string> = {
  year: 'a year',
  responsible: 'someone responsible for it (an author, a corporate author, a performer or a publisher)',
  author: 'an author (a person or a corporate author)',
  url: 'a URL',
};
const NOTE_EXAMPLE: Record<Need, string> = { year: 'Årstall', responsible: 'Forfatter', author: 'Forfatter', url: 'URL' };

export const EN_FRAME: Frame = {
  context: (row, record, bib) => {
    const id = record ? `${record.column} '${record.id}'` : '';
    if (bib) return record ? `Entry '${record.id}'` : '';
    if (row === undefined) return id;
    return id ? `Row ${row} (${id})` : `Row ${row}`;
  },
  severity: { error: 'error', warning: 'warning', info: 'info' },
  column: (name, bib) => (bib ? `(field '${name}')` : `(column '${name}')`),
  summary: (errors, warnings, infos) =>
    `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${infos > 0 ? `, ${infos} info` : ''}`,
  or,
};

export const EN: Catalogue = {
  'data-folder-empty': (p) =>
    `The data folder '${p.folder}' is missing or empty. Run the command in the Kildebank folder (the one with package.json), with the files in data/, or name the folder with --data.`,
  'unknown-file': (p) => {
    if (p.variant === 'csv')
      return `Kildebank does not know the file '${p.name}'.${maybe(p.suggestion)} The CSV files are: ${p.known.join(', ')}. Rename the file, or move it (a backup copy, say) out of data/.`;
    if (p.variant === 'other')
      return `'${p.name}' is not read: Kildebank reads .csv and .bib files here, and Markdown pages in '${p.pagesFolder}/'. Move the file out of data/.`;
    return `'${p.name}' is not read: pages are Markdown files ending in .md. Give the file that ending, or move it out.`;
  },
  'file-missing': (p) => {
    if (p.variant === 'missing')
      return `The file '${p.name}' is missing from the data folder, so the site would be built without its content. Restore the file (from the previous version, say), or copy it back in.`;
    if (p.variant === 'directory')
      return `'${p.name}' is a folder, not a file, and cannot be read. Put the CSV file itself here under this name.`;
    if (p.variant === 'link')
      return `'${p.name}' is a symbolic link${p.target ? ` to '${p.target}'` : ''}, not the file itself, and is not read: a copy of the data folder (OneDrive, zip, Windows) loses it. Copy the file itself into data/.`;
    return `'${p.name}' is not an ordinary file and cannot be read. Put the CSV file itself here under this name.`;
  },
  'spreadsheet-ignored': (p) =>
    `'${p.name}' is a spreadsheet file and is not read. Save it as CSV UTF-8 with one of the names ${p.known.join(', ')}, and move the spreadsheet out of data/.`,
  'file-not-csv': () =>
    'This file is an Excel workbook (.xlsx/.xls), not CSV. Open it in Excel or LibreOffice and use "Save as" → "CSV UTF-8 (comma delimited)" instead of renaming the file.',
  'encoding-windows-1252': () =>
    'The file is not UTF-8; it was read as windows-1252 (older Excel). It works, but saving it as "CSV UTF-8" keeps Norwegian letters safe.',
  'file-empty': () =>
    'The file is empty: it needs at least the header row. Restore the previous version of the file (or copy the header row from docs/data-model.md).',
  'control-character': (p) =>
    `Removed invisible control characters (${p.codes.join(', ')}) that would make the news feed and the pages invalid; they often come with text copied from other programs. Correct the cell in the file to silence this notice.`,
  'unicode-normalised': () =>
    'The text had letters made of two characters (such as å as a + ring, common from macOS and PDFs); they were turned into ordinary letters. Nothing needs doing, but typing the letters again silences this notice.',
  'csv-syntax': (p) => {
    if (p.code === 'other') return `The CSV file could not be read: ${p.detail}. Open it in Excel or LibreOffice and save it again as CSV.`;
    if (p.code === 'quote-not-closed')
      return 'A quoted cell is never closed: the `"` at the start of this cell opens a cell that runs to the end of the file, so the file cannot be read. Add the closing `"` or remove the stray one.';
    if (p.code === 'opening-quote')
      return 'A `"` appears in the middle of a cell. Put the whole cell in quotes and double the inner quote (`""`), or remove it.';
    return 'A quoted cell has text after its closing `"`. Double inner quotes (`""`) or remove the stray text.';
  },
  'header-empty': (p) =>
    `Column ${p.column} has no header, so its cells are not read. Give it a name from docs/data-model.md, or delete the column.`,
  'unknown-column': (p) =>
    `Unknown column '${p.name}'.${maybe(p.suggestion)} Write the header exactly as in docs/data-model.md, or delete the column.`,
  'duplicate-column': (p) => `The column '${p.name}' appears twice (also column ${p.other}). Keep one.`,
  'single-column': (p) =>
    `The header row was read as a single column${p.guess ? ` (the columns seem to be separated by '${p.guess}')` : ''}. ` +
    `Separate the columns with ';' or ',': in Excel use "Save as" → "CSV UTF-8 (comma delimited)"; in LibreOffice choose ';' as field delimiter. If every line is wrapped in quotes, remove them.`,
  'missing-column': (p) =>
    `The required column '${p.header}' is missing from the header row, so no row of ${p.file} is read (and links to them are not reported one by one). Add it, spelt exactly like this.`,
  'optional-column-missing': (p) =>
    p.headers.length === 1
      ? `The column '${p.headers[0]}' is missing from the header row, so no row of ${p.file} shows a '${p.headers[0]}' on the site. If it was deleted by mistake, put it back (with its cells); if it is not used, keep it with empty cells.`
      : `The columns ${p.headers.map((h) => `'${h}'`).join(', ')} are missing from the header row, so no row of ${p.file} shows these facts on the site. If they were deleted by mistake, put them back (with their cells); if they are not used, keep them with empty cells.`,
  'ragged-row': (p) => {
    const d = p.delimiter === '\t' ? 'tab' : `'${p.delimiter}'`;
    if (p.variant === 'long')
      return `This row has ${p.cells} cells but the header has ${p.header}, so the row is left out. Probably a ${d} inside a cell is not in quotes: put that cell in quotes ("…"), or fix the row in Excel or LibreOffice and save again (they quote by themselves). Delete anything to the right of the last column.`;
    return `This row has only ${p.cells} cells but the header has ${p.header}: the cells from '${p.last}' on are missing, so those facts are lost. The row was probably cut short (or a line break splits it); fix the row in Excel or LibreOffice and save again.`;
  },
  'required-empty': (p) =>
    p.variant === 'csv'
      ? `'${p.header}' is required but empty. Fill it in; until then the row is left out.`
      : 'The entry has no title. Add title = {…} (in Zotero: fill in Title and export again).',
  'required-for-type': (p) =>
    `'${p.key}' is a ${p.type} and needs ${NEEDS[p.need]}: fill in ${or(p.fill.map((f) => `'${f}'`))}. ` +
    `If it cannot be found, say so in '${p.noteColumn}' (e.g. "${NOTE_EXAMPLE[p.need]} er ikke funnet.").`,
  whitespace: (p) => {
    const words = {
      'zero-width': 'removed invisible zero-width characters',
      nbsp: 'replaced non-breaking spaces with ordinary spaces',
      spaces: 'removed extra spaces',
    };
    return `Cleaned the cell: ${p.changes.map((c) => words[c]).join(', ')}. Correct the cell in the file to silence this warning.`;
  },
  'spreadsheet-formula': (p) =>
    `The cell holds a spreadsheet formula (${p.formula}). Replace it with the value itself (copy, then paste as values).`,
  'spreadsheet-error': (p) => `The cell holds the spreadsheet error value ${p.value}. Type the real value.`,
  'spreadsheet-date': (p) =>
    `'${p.value}' looks like Excel turned ${p.original} into a date. Format the column as text and type ${p.original} again.`,
  'leading-zero-lost': (p) =>
    `'${p.value}' seems to have lost a leading zero (other rows have e.g. '${p.example}'): the spreadsheet turned it into a number. Format the column as text and write '${p.padded}'.`,
  mojibake: (p) =>
    `The text looks like UTF-8 read as Windows-1252: '${p.bad}' should be '${p.good}'. Type the cell again, e.g. as '${p.fixed}', and open the file as UTF-8 next time.`,
  'line-break': (p) =>
    p.variant === 'text'
      ? 'The cell contains a line break, which would be printed in the references. Put the text on one line (remove the Alt+Enter or Ctrl+Enter).'
      : 'The cell contains a line break. Put the value on one line (remove the Alt+Enter or Ctrl+Enter).',
  'latex-leftover': (p) =>
    p.bib
      ? `The text contains the LaTeX command ${p.command}, which Kildebank cannot turn into a letter. Write the text itself (å, ø, æ …), or in Zotero export as BibLaTeX with the character set UTF-8.`
      : `The text contains a LaTeX command (${p.command}). Write the letter itself (å, ø, æ …) instead of the command.`,
  'invalid-id': (p) => {
    if (p.variant === 'bib-no-key') return "The entry has no key. Write one right after the opening brace, as in '@report{loga-2016,'.";
    return p.variant === 'id'
      ? `'${p.value}' is not a valid id. Use lower-case letters a–z, digits and hyphens (æ → ae, ø → o, å → a), e.g. 'loga-2016'.`
      : `'${p.value}' is not a valid id. Use lower-case letters a–z, digits and hyphens (æ → ae, ø → o, å → a), and separate ids with ';'.`;
  },
  'id-reserved-name': (p) =>
    p.variant === 'id'
      ? `'${p.id}' cannot be used as an id: Windows reserves the name '${p.reserved}' for a device, so no folder can have it and the record's page could not be written or copied there. Add a word or a year, e.g. '${p.id}-2016'.`
      : `The page file name '${p.name}' would give the page the folder /tema/${p.slug}/, but Windows reserves the name '${p.reserved}' for a device. Rename the file, e.g. '${p.number}-${p.slug}-side.md'.`,
  'id-too-long': (p) =>
    p.variant === 'id'
      ? `The id '${p.id.slice(0, 40)}…' has ${p.length} characters, more than the ${p.max} allowed: it becomes a folder name in the site, and Windows limits a whole file path to 260 characters. Shorten it, e.g. to the author's surname and the year.`
      : `The page file name '${p.name.slice(0, 40)}…' gives the page a name of ${p.length} characters, more than the ${p.max} allowed for a folder in the site. Shorten the file name.`,
  'author-format': (p) =>
    `'${p.value}' is not written as "Etternavn, Fornavn".${maybe(p.suggestion)} Write each person as "Etternavn, Fornavn" and separate persons with ';'. An organisation as author goes in 'Korporativ forfatter'.`,
  'excel-date-serial': (p) =>
    `'${p.value}' looks like a date that the spreadsheet turned into a number. Format the column as text and ${p.what === 'year' ? 'type the year with four digits' : 'write the date as YYYY-MM-DD'}.`,
  'invalid-year': (p) =>
    p.variant === 'csv'
      ? `'${p.value}' is not a plausible year. Write four digits between ${p.min} and ${p.max}, e.g. 2016.`
      : `'${p.value}' is not a year or date: write ${p.field} = {2016} (or a date as 2016-04-08).`,
  'invalid-date': (p) =>
    `'${p.value}' is not a date in the form YYYY, YYYY-MM or YYYY-MM-DD, or no such day exists. Format the column as text and write e.g. 2016-04-08.`,
  'invalid-url': (p) =>
    `'${p.value}' is not a whole web address starting with http:// or https://. Copy the address from the browser's address bar.`,
  'isbn-scientific': (p) =>
    `'${p.value}' is an ISBN that the spreadsheet turned into a number. Format the column as text and type the ISBN again, with hyphens.`,
  'invalid-isbn': (p) => {
    const why =
      p.trouble === 'check-digit'
        ? 'the check digit (the last one) does not match the others, so a digit is wrong or two are swapped.'
        : p.trouble === 'prefix'
          ? 'an ISBN-13 starts with 978 or 979.'
          : `it has ${p.digits} digits where an ISBN has 10 or 13.`;
    return `'${p.value}' is not a valid ISBN-10 or ISBN-13: ${why} Check it against the colophon page; separate several ISBNs with ';'.`;
  },
  'isbn-normalised': (p) => `The ISBN '${p.value}' was written as '${p.normalised}'. Write it so in the file to silence this notice.`,
  'invalid-issn': (p) =>
    `'${p.value}' is not a valid ISSN: ${p.trouble === 'check-digit' ? 'the check digit (the last one) does not match the others.' : `it has ${p.digits} characters where an ISSN has 8.`} An ISSN is written NNNN-NNNC (the last character may be X); check it against the source.`,
  'invalid-org-number': (p) =>
    `'${p.value}' is not a valid organisation number: ${p.trouble === 'check-digit' ? 'the check digit (the last one) does not match the others.' : `it has ${p.digits} digits where an organisation number has 9.`} Look it up in the Central Coordinating Register (brreg.no) and write all nine digits; format the column as text.`,
  'invalid-doi': (p) =>
    `'${p.value}' is not a DOI: a DOI starts with '10.', then digits, a '/' and the rest, e.g. 10.6027/TN2015-502. Write only the DOI (https://doi.org/ in front is allowed).`,
  'unknown-language': (p) =>
    `'${p.value}' is not a known language. Use a code such as nb (bokmål), nn (nynorsk) or en (English).${maybe(p.suggestion)}`,
  'language-normalised': (p) => `Language '${p.value}' was read as '${p.tag}' (${p.label}). Write '${p.tag}' to silence this note.`,
  'unknown-type': (p) =>
    p.variant === 'csv'
      ? `'${p.value}' is not an allowed value.${maybe(p.suggestion)} Allowed: ${p.allowed.join(', ')}.`
      : `The entry has type @${p.type}, which Kildebank does not know. Use @report, @book, @booklet, @article, @online or @movie (or @misc with a url), or add the source to bibliografi.csv.`,
  'invalid-value': (p) => `'${p.value}' is not an allowed value.${maybe(p.suggestion)} Allowed: ${p.allowed.join(', ')}.`,
  'duplicate-key': (p) => {
    switch (p.variant) {
      case 'row':
        return `The id '${p.id}' is used twice: also in ${p.other}. Every row needs its own id: give this one another id, or delete the row if it is a copy.`;
      case 'two-works':
        return `The key '${p.key}' is used for two different works: '${p.title}' here and '${p.otherTitle}' in ${p.where}. Give one of them another key. If they are the same work, make the titles agree.`;
      case 'twice':
        return `The key '${p.key}' is used twice: also in ${p.where}. Every record needs its own key: give this one another key, or delete it if it is a copy.`;
      case 'page':
        return `Two pages have the slug '${p.slug}' (also ${p.other}). Rename one file.`;
    }
  },
  'duplicate-work': (p) => {
    const same =
      p.same === 'doi' ? `DOI (${p.value})` : p.same === 'isbn' ? `ISBN (${p.value})` : `title and year (${p.value}) for a ${p.type}`;
    const fix = p.same === 'title' ? 'title or year' : p.same.toUpperCase();
    return `'${p.key}' looks like the same work as '${p.otherKey}' (${p.where}): same ${same}. Delete one of them; if they really are two works, correct the ${fix}.`;
  },
  'merge-conflict': (p) =>
    `'${p.key}' is also in ${p.where}, and the two differ: ${p.here} here, ${p.there} there. The CSV value is kept; if the .bib value is right, correct the CSV cell.`,
  'editor-ignored': (p) =>
    `The editor${p.plural ? 's are' : ' is'} not kept, because Kildebank records authors only. If the work should be cited under its editor${p.plural ? 's' : ''}, write them as author.`,
  'bibtex-syntax': (p) => {
    if (p.variant === 'unclosed')
      return `The entry${p.key ? ` '${p.key}'` : ''} is not closed: a '}' is missing. It was skipped; the rest of the file was read. Add the missing '}' (or export again from Zotero).`;
    if (p.variant === 'string')
      return `The @string definition could not be read (${reason(p.reason)}). Write it as @string{name = {Value}}.`;
    return `The entry${p.key ? ` '${p.key}'` : ''} (starting on line ${p.line}) could not be read: ${reason(p.reason)}. It was skipped; the rest of the file was read. Fix the entry, or export it again from Zotero.`;
  },
  'undefined-macro': (p) =>
    `The entry '${p.key}' uses '${p.name}'${p.field ? ` in '${p.field}'` : ''} without braces, and no @string defines it. Put the value in braces (${p.field || 'field'} = {${p.name}}) or add @string{${p.name} = {…}} at the top of the file.`,
  'bibtex-empty': () =>
    'No BibTeX entries (@type{key, …}) were found in this file. Export again from Zotero, or remove the file from data/.',
  'page-name': (p) =>
    `The page file name '${p.name}' must be a number, a hyphen and a slug in lower case. Rename it, e.g. '01-hva-gjor-sosiale-entreprenorer.md'.`,
  'page-title': () => 'The page must start with its title as a level-1 heading. Write "# Title" on the first line.',
  'unknown-reference': (p) => {
    if (p.variant === 'id')
      return `'${p.id}' does not exist in ${p.file}.${maybe(p.suggestion)} Check the spelling, or add it to ${p.file}.`;
    if (p.variant === 'link')
      return `The link '${p.target}' points to a record that does not exist.${maybe(p.suggestion)} Check the key or id after the colon (lower case), or add the record.`;
    return `'${p.id}' does not exist in begreper.csv.${maybe(p.suggestion)} Check the spelling or add the concept there.`;
  },
  'reference-to-left-out': (p) =>
    `'${p.id}' in ${p.file} is left out because of the error at ${p.cause}. Fix that error first, and this message goes away.`,
  'external-image': (p) =>
    `The image '${p.url}' is on another website and has been left out: an image from there would let that website see every visitor. Put the image among the site's own files and refer to it with a path starting with /, or remove it.`,
  'self-reference': (p) => `The concept '${p.id}' refers to itself. Remove '${p.id}' from this column.`,
  'relation-one-way': (p) =>
    `'${p.id}' lists '${p.other}' here, but '${p.other}' does not list '${p.id}' in its '${p.column}' column. Add it there too.`,
};
