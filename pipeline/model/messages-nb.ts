/**
 * The messages in Norwegian bokmål, the default: one per rule id. The guide's
 * rule table (docs/for-bibliotekarer.md) explains the same rules.
 */
import type { BibtexReason, Catalogue, Frame, Need } from './messages.ts';

const maybe = (suggestion: string | undefined) => (suggestion ? ` Mente du '${suggestion}'?` : '');
const and = (items: readonly string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} og ${items.at(-1)}`);
const or = (items: readonly string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} eller ${items.at(-1)}`);

const TOKENS: Record<string, string> = {
  lbrace: "'{'",
  rbrace: "'}'",
  comma: "','",
  equals: "'='",
  quote: "'\"'",
  hash: "'#'",
  identifier: 'et navn',
  label: 'en nøkkel',
  number: 'et tall',
  text: 'tekst',
  whitespace: 'et mellomrom',
  at: "'@'",
  EOF: 'slutten av filen',
};
const token = (t: string) => (Object.hasOwn(TOKENS, t) ? TOKENS[t]! : `'${t}'`);

function reason(r: BibtexReason): string {
  switch (r.code) {
    case 'no-key':
      return "posten har ingen nøkkel (skriv den rett etter den første klammeparentesen, som i '@report{loga-2016,')";
    case 'comma':
      return 'det mangler et komma mellom to felt (eller etter nøkkelen)';
    case 'equals':
      return "et feltnavn står uten '=' etter seg";
    case 'expected':
      return `her skulle det stått ${token(r.expected)}, men det står ${token(r.got)}; se over klammeparentesene og kommaene`;
    case 'not-entry':
      return 'det ser ikke ut som en BibTeX-post: se over kommaet etter nøkkelen og klammeparentesene';
    case 'not-closed':
      return "en '}' mangler";
    case 'other':
      return r.detail;
  }
}

const NEEDS: Record<Need, string> = {
  year: 'et år',
  responsible: 'en ansvarlig (en forfatter, en korporativ forfatter, en oppdragsutfører eller en utgiver)',
  author: 'en forfatter (en person eller en korporativ forfatter)',
  url: 'en URL',
};
const NOTE_EXAMPLE: Record<Need, string> = { year: 'Årstall', responsible: 'Forfatter', author: 'Forfatter', url: 'URL' };

export const NB_FRAME: Frame = {
  context: (row, record, bib) => {
    const id = record ? `${record.column} '${record.id}'` : '';
    if (bib) return record ? `Post '${record.id}'` : '';
    if (row === undefined) return id;
    return id ? `Rad ${row} (${id})` : `Rad ${row}`;
  },
  severity: { error: 'feil', warning: 'advarsel', info: 'info' },
  column: (name, bib) => (bib ? `(felt '${name}')` : `(kolonne '${name}')`),
  summary: (errors, warnings, infos) =>
    `${errors} feil, ${warnings} ${warnings === 1 ? 'advarsel' : 'advarsler'}${infos > 0 ? `, ${infos} info` : ''}`,
  or,
};

export const NB: Catalogue = {
  'data-folder-empty': (p) =>
    `Datamappen '${p.folder}' finnes ikke eller er tom. Kjør kommandoen i Kildebank-mappen (den med package.json) med filene i data/, eller oppgi mappen med --data.`,
  'unknown-file': (p) => {
    if (p.variant === 'csv')
      return `Kildebank kjenner ikke filen '${p.name}'.${maybe(p.suggestion)} CSV-filene er: ${p.known.join(', ')}. Gi filen riktig navn, eller flytt den (for eksempel en sikkerhetskopi) ut av data/.`;
    if (p.variant === 'other')
      return `'${p.name}' blir ikke lest: Kildebank leser .csv- og .bib-filer her, og Markdown-sider i '${p.pagesFolder}/'. Flytt filen ut av data/.`;
    return `'${p.name}' blir ikke lest: sidene er Markdown-filer som ender på .md. Gi filen riktig endelse, eller flytt den ut.`;
  },
  'file-missing': (p) => {
    if (p.variant === 'missing')
      return `Filen '${p.name}' mangler i datamappen, så nettstedet ville blitt bygget uten innholdet. Hent tilbake filen (for eksempel fra forrige versjon), eller kopier den inn igjen.`;
    if (p.variant === 'directory')
      return `'${p.name}' er en mappe, ikke en fil, og kan ikke leses. Legg CSV-filen selv her under dette navnet.`;
    if (p.variant === 'link')
      return `'${p.name}' er en snarvei (symbolsk lenke)${p.target ? ` til '${p.target}'` : ''}, ikke selve filen, og blir ikke lest: en kopi av datamappen (OneDrive, zip, Windows) mister den. Kopier selve filen inn i data/.`;
    return `'${p.name}' er ikke en vanlig fil og kan ikke leses. Legg CSV-filen selv her under dette navnet.`;
  },
  'spreadsheet-ignored': (p) =>
    `'${p.name}' er en regnearkfil og blir ikke lest. Lagre den som CSV UTF-8 med et av navnene ${p.known.join(', ')}, og flytt regnearket ut av data/.`,
  'file-not-csv': () =>
    'Filen er en Excel-arbeidsbok (.xlsx/.xls), ikke CSV. Åpne den i Excel eller LibreOffice og bruk «Lagre som» → «CSV UTF-8 (kommadelt)» i stedet for å gi filen nytt navn.',
  'encoding-windows-1252': () =>
    'Filen er ikke UTF-8 og er lest som windows-1252 (eldre Excel). Det virker, men lagrer du den som «CSV UTF-8», er æ, ø og å trygge.',
  'file-empty': () =>
    'Filen er tom: den må minst ha overskriftsraden. Hent tilbake forrige versjon av filen (eller kopier overskriftsraden fra docs/data-model.md).',
  'control-character': (p) =>
    `Fjernet usynlige kontrolltegn (${p.codes.join(', ')}) som ville gjort nyhetsstrømmen og sidene ugyldige; de kommer ofte med ved kopiering fra andre programmer. Rett cellen i filen, så forsvinner meldingen.`,
  'unicode-normalised': () =>
    'Teksten hadde bokstaver satt sammen av to tegn (for eksempel å som a + ring, vanlig fra macOS og PDF-er) og er gjort om til vanlige bokstaver. Ingenting må gjøres, men skriver du bokstavene på nytt, forsvinner meldingen.',
  'csv-syntax': (p) => {
    if (p.code === 'other')
      return `CSV-filen kan ikke leses: ${p.detail}. Åpne den i Excel eller LibreOffice og lagre den på nytt som CSV.`;
    if (p.code === 'quote-not-closed')
      return 'En celle i anførselstegn blir aldri lukket: `"` i starten av denne cellen åpner en celle som går til slutten av filen, så filen kan ikke leses. Legg til `"` der cellen slutter, eller fjern det som står for mye.';
    if (p.code === 'opening-quote')
      return 'Det står `"` midt i en celle. Sett hele cellen i anførselstegn og skriv det indre anførselstegnet dobbelt (`""`), eller fjern det.';
    return 'En celle i anførselstegn har tekst etter det avsluttende `"`. Skriv indre anførselstegn dobbelt (`""`), eller fjern teksten.';
  },
  'header-empty': (p) =>
    `Kolonne ${p.column} har ikke noe navn i overskriftsraden, så cellene i den blir ikke lest. Gi den et navn fra docs/data-model.md, eller slett kolonnen.`,
  'unknown-column': (p) =>
    `Ukjent kolonne '${p.name}'.${maybe(p.suggestion)} Skriv kolonnenavnet nøyaktig som i docs/data-model.md, eller slett kolonnen.`,
  'duplicate-column': (p) => `Kolonnen '${p.name}' står to ganger (også i kolonne ${p.other}). Behold den ene.`,
  'single-column': (p) =>
    `Overskriftsraden ble lest som én eneste kolonne${p.guess ? ` (kolonnene ser ut til å være skilt med '${p.guess}')` : ''}. ` +
    'Skill kolonnene med semikolon eller komma: i Excel «Lagre som» → «CSV UTF-8 (kommadelt)»; i LibreOffice velg `;` som feltskilletegn. Står hver linje i anførselstegn, fjern dem.',
  'missing-column': (p) =>
    `Den påkrevde kolonnen '${p.header}' mangler i overskriftsraden, så ingen rader i ${p.file} blir med (og lenker til dem meldes ikke hver for seg). Legg til kolonnen, stavet nøyaktig slik.`,
  'optional-column-missing': (p) =>
    p.headers.length === 1
      ? `Kolonnen '${p.headers[0]}' mangler i overskriftsraden, så ingen rad i ${p.file} får '${p.headers[0]}' på nettstedet. Er den slettet ved en feil, legg den inn igjen (med cellene); brukes den ikke, kan den stå med tomme celler.`
      : `Kolonnene ${and(p.headers.map((h) => `'${h}'`))} mangler i overskriftsraden, så ingen rad i ${p.file} får disse opplysningene på nettstedet. Er de slettet ved en feil, legg dem inn igjen (med cellene); brukes de ikke, kan de stå med tomme celler.`,
  'ragged-row': (p) => {
    const d = p.delimiter === '\t' ? 'tabulator' : `'${p.delimiter}'`;
    if (p.variant === 'long')
      return `Raden har ${p.cells} celler, men overskriftsraden har ${p.header}, så raden blir ikke med. Trolig står det ${d} i en celle uten anførselstegn: sett den cellen i anførselstegn («"…"»), eller rett raden i Excel eller LibreOffice og lagre på nytt (de setter anførselstegn selv). Slett det som står til høyre for siste kolonne.`;
    return `Raden har bare ${p.cells} celler, men overskriftsraden har ${p.header}: cellene fra og med '${p.last}' mangler, så de opplysningene kommer ikke med. Raden er trolig kuttet (eller et linjeskift deler den i to); rett raden i Excel eller LibreOffice og lagre på nytt.`;
  },
  'required-empty': (p) =>
    p.variant === 'csv'
      ? `'${p.header}' er påkrevd, men tom. Fyll den ut; til da blir raden ikke med.`
      : 'Posten har ingen tittel. Legg til title = {…} (i Zotero: fyll ut Tittel og eksporter på nytt).',
  'required-for-type': (p) =>
    `'${p.key}' er av typen ${p.type} og må ha ${NEEDS[p.need]}: fyll ut ${or(p.fill.map((f) => `'${f}'`))}. ` +
    `Finnes ikke opplysningen, skriv det i '${p.noteColumn}' (for eksempel «${NOTE_EXAMPLE[p.need]} er ikke funnet.»).`,
  whitespace: (p) => {
    const words = {
      'zero-width': 'fjernet usynlige nullbreddetegn',
      nbsp: 'byttet harde mellomrom med vanlige',
      spaces: 'fjernet mellomrom for mye',
    };
    return `Cellen er renset: ${p.changes.map((c) => words[c]).join(', ')}. Rett cellen i filen, så forsvinner advarselen.`;
  },
  'spreadsheet-formula': (p) =>
    `Cellen inneholder en regnearkformel (${p.formula}). Erstatt den med selve verdien (kopier, og lim inn som verdier).`,
  'spreadsheet-error': (p) => `Cellen inneholder regnearkets feilverdi ${p.value}. Skriv inn den riktige verdien.`,
  'spreadsheet-date': (p) =>
    `'${p.value}' ser ut som Excel har gjort ${p.original} om til en dato. Sett kolonnen til Tekst og skriv ${p.original} på nytt.`,
  'leading-zero-lost': (p) =>
    `'${p.value}' ser ut til å ha mistet en null foran (andre rader har for eksempel '${p.example}'): regnearket gjorde det om til et tall. Sett kolonnen til Tekst og skriv '${p.padded}'.`,
  mojibake: (p) =>
    `Teksten ser ut som UTF-8 som er lest som windows-1252: '${p.bad}' skal være '${p.good}'. Skriv cellen på nytt, for eksempel som '${p.fixed}', og åpne filen som UTF-8 neste gang.`,
  'line-break': (p) =>
    p.variant === 'text'
      ? 'Cellen har et linjeskift, som ville blitt med i referansene. Sett teksten på én linje (fjern Alt+Enter eller Ctrl+Enter).'
      : 'Cellen har et linjeskift. Sett verdien på én linje (fjern Alt+Enter eller Ctrl+Enter).',
  'latex-leftover': (p) =>
    p.bib
      ? `Teksten inneholder LaTeX-kommandoen ${p.command}, som Kildebank ikke kan gjøre om til en bokstav. Skriv teksten selv (å, ø, æ …), eller eksporter fra Zotero som BibLaTeX med tegnsettet UTF-8.`
      : `Teksten inneholder en LaTeX-kommando (${p.command}). Skriv selve bokstaven (å, ø, æ …) i stedet for kommandoen.`,
  'invalid-id': (p) => {
    if (p.variant === 'bib-no-key')
      return "Posten har ingen nøkkel. Skriv den rett etter den første klammeparentesen, som i '@report{loga-2016,'.";
    return p.variant === 'id'
      ? `'${p.value}' er ikke en gyldig ID. Bruk små bokstaver a–z, sifre og bindestreker (æ → ae, ø → o, å → a), for eksempel 'loga-2016'.`
      : `'${p.value}' er ikke en gyldig ID. Bruk små bokstaver a–z, sifre og bindestreker (æ → ae, ø → o, å → a), og skill ID-ene med ';'.`;
  },
  'id-reserved-name': (p) =>
    p.variant === 'id'
      ? `'${p.id}' kan ikke brukes som ID: Windows holder av navnet '${p.reserved}' for en enhet, så ingen mappe kan hete det, og siden kunne ikke blitt skrevet eller kopiert dit. Legg til et ord eller et år, for eksempel '${p.id}-2016'.`
      : `Filnavnet '${p.name}' ville gitt siden mappen /tema/${p.slug}/, men Windows holder av navnet '${p.reserved}' for en enhet. Gi filen nytt navn, for eksempel '${p.number}-${p.slug}-side.md'.`,
  'id-too-long': (p) =>
    p.variant === 'id'
      ? `ID-en '${p.id.slice(0, 40)}…' har ${p.length} tegn, mer enn de ${p.max} som er lov: den blir navnet på en mappe i nettstedet, og Windows godtar høyst 260 tegn i hele stien. Gjør den kortere, for eksempel etternavn og år.`
      : `Filnavnet '${p.name.slice(0, 40)}…' gir siden et navn på ${p.length} tegn, mer enn de ${p.max} som er lov for en mappe i nettstedet. Gjør filnavnet kortere.`,
  'author-format': (p) =>
    `'${p.value}' er ikke skrevet som «Etternavn, Fornavn».${maybe(p.suggestion)} Skriv hver person som «Etternavn, Fornavn» og skill personer med ';'. En organisasjon som forfatter står i 'Korporativ forfatter'.`,
  'excel-date-serial': (p) =>
    `'${p.value}' ser ut som en dato regnearket har gjort om til et tall. Sett kolonnen til Tekst og skriv ${p.what === 'year' ? 'året med fire sifre' : 'datoen som ÅÅÅÅ-MM-DD'}.`,
  'invalid-year': (p) =>
    p.variant === 'csv'
      ? `'${p.value}' er ikke et mulig år. Skriv fire sifre mellom ${p.min} og ${p.max}, for eksempel 2016.`
      : `'${p.value}' er ikke et år eller en dato: skriv ${p.field} = {2016} (eller en dato som 2016-04-08).`,
  'invalid-date': (p) =>
    `'${p.value}' er ikke en dato på formen ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD, eller dagen finnes ikke. Sett kolonnen til Tekst og skriv for eksempel 2016-04-08.`,
  'invalid-url': (p) =>
    `'${p.value}' er ikke en hel nettadresse som begynner med http:// eller https://. Kopier adressen fra nettleserens adresselinje.`,
  'isbn-scientific': (p) =>
    `'${p.value}' er et ISBN som regnearket har gjort om til et tall. Sett kolonnen til Tekst og skriv ISBN-et på nytt, med bindestreker.`,
  'invalid-isbn': (p) => {
    const why =
      p.trouble === 'check-digit'
        ? 'kontrollsifferet (det siste) stemmer ikke med de andre, så et siffer er feil eller to har byttet plass.'
        : p.trouble === 'prefix'
          ? 'et ISBN-13 begynner med 978 eller 979.'
          : `det har ${p.digits} sifre, men et ISBN har 10 eller 13.`;
    return `'${p.value}' er ikke et gyldig ISBN-10 eller ISBN-13: ${why} Sjekk det mot kolofonsiden; skill flere ISBN med ';'.`;
  },
  'isbn-normalised': (p) => `ISBN-et '${p.value}' er skrevet som '${p.normalised}'. Skriv det slik i filen, så forsvinner meldingen.`,
  'invalid-issn': (p) =>
    `'${p.value}' er ikke et gyldig ISSN: ${p.trouble === 'check-digit' ? 'kontrollsifferet (det siste) stemmer ikke med de andre.' : `det har ${p.digits} tegn, men et ISSN har 8.`} Et ISSN skrives NNNN-NNNC (siste tegn kan være X); sjekk det mot kilden.`,
  'invalid-org-number': (p) =>
    `'${p.value}' er ikke et gyldig organisasjonsnummer: ${p.trouble === 'check-digit' ? 'kontrollsifferet (det siste) stemmer ikke med de andre.' : `det har ${p.digits} sifre, men et organisasjonsnummer har 9.`} Slå det opp i Enhetsregisteret (brreg.no) og skriv alle ni sifrene; sett kolonnen til Tekst.`,
  'invalid-doi': (p) =>
    `'${p.value}' er ikke en DOI: en DOI begynner med '10.', så sifre, en '/' og resten, for eksempel 10.6027/TN2015-502. Skriv bare DOI-en (https://doi.org/ foran er lov).`,
  'unknown-language': (p) =>
    `'${p.value}' er ikke et kjent språk. Bruk en kode som nb (bokmål), nn (nynorsk) eller en (engelsk).${maybe(p.suggestion)}`,
  'language-normalised': (p) => `Språket '${p.value}' er lest som '${p.tag}' (${p.label}). Skriv '${p.tag}', så forsvinner meldingen.`,
  'unknown-type': (p) =>
    p.variant === 'csv'
      ? `'${p.value}' er ikke en tillatt verdi.${maybe(p.suggestion)} Tillatt: ${p.allowed.join(', ')}.`
      : `Posten har typen @${p.type}, som Kildebank ikke kjenner. Bruk @report, @book, @booklet, @article, @online eller @movie (eller @misc med url), eller legg kilden inn i bibliografi.csv.`,
  'invalid-value': (p) => `'${p.value}' er ikke en tillatt verdi.${maybe(p.suggestion)} Tillatt: ${p.allowed.join(', ')}.`,
  'duplicate-key': (p) => {
    switch (p.variant) {
      case 'row':
        return `ID-en '${p.id}' brukes to ganger: også i ${p.other}. Hver rad må ha sin egen ID: gi denne en annen, eller slett raden hvis den er en kopi.`;
      case 'two-works':
        return `Nøkkelen '${p.key}' brukes for to ulike verk: '${p.title}' her og '${p.otherTitle}' i ${p.where}. Gi det ene en annen nøkkel. Er de samme verk, gjør titlene like.`;
      case 'twice':
        return `Nøkkelen '${p.key}' brukes to ganger: også i ${p.where}. Hver kilde må ha sin egen nøkkel: gi denne en annen, eller slett den hvis den er en kopi.`;
      case 'page':
        return `To sider har navnet '${p.slug}' (også ${p.other}). Gi den ene filen nytt navn.`;
    }
  },
  'duplicate-work': (p) => {
    const same =
      p.same === 'doi' ? `DOI (${p.value})` : p.same === 'isbn' ? `ISBN (${p.value})` : `tittel og år (${p.value}) for en ${p.type}`;
    const fix = p.same === 'title' ? 'tittelen eller året' : p.same.toUpperCase();
    return `'${p.key}' ser ut til å være samme verk som '${p.otherKey}' (${p.where}): samme ${same}. Slett den ene; er de virkelig to verk, rett ${fix}.`;
  },
  'merge-conflict': (p) =>
    `'${p.key}' står også i ${p.where}, og de to er ulike: ${p.here} her, ${p.there} der. CSV-verdien beholdes; er .bib-verdien riktig, retter du CSV-cellen.`,
  'editor-ignored': (p) =>
    `${p.plural ? 'Redaktørene' : 'Redaktøren'} kommer ikke med, fordi Kildebank bare tar vare på forfattere. Skal verket siteres under ${p.plural ? 'redaktørene' : 'redaktøren'}, skriv ${p.plural ? 'dem' : 'den'} som author.`,
  'bibtex-syntax': (p) => {
    if (p.variant === 'unclosed')
      return `Posten${p.key ? ` '${p.key}'` : ''} er ikke lukket: en '}' mangler. Den er hoppet over; resten av filen er lest. Legg til '}' (eller eksporter på nytt fra Zotero).`;
    if (p.variant === 'string') return `@string-definisjonen kan ikke leses (${reason(p.reason)}). Skriv den som @string{navn = {Verdi}}.`;
    return `Posten${p.key ? ` '${p.key}'` : ''} (som begynner på linje ${p.line}) kan ikke leses: ${reason(p.reason)}. Den er hoppet over; resten av filen er lest. Rett posten, eller eksporter den på nytt fra Zotero.`;
  },
  'undefined-macro': (p) =>
    `Posten '${p.key}' bruker '${p.name}'${p.field ? ` i '${p.field}'` : ''} uten klammer, og ingen @string definerer det. Sett verdien i klammer (${p.field || 'felt'} = {${p.name}}) eller legg til @string{${p.name} = {…}} øverst i filen.`,
  'bibtex-empty': () => 'Filen har ingen BibTeX-poster (@type{nøkkel, …}). Eksporter på nytt fra Zotero, eller fjern filen fra data/.',
  'page-name': (p) =>
    `Sidens filnavn '${p.name}' må være et tall, en bindestrek og et navn med små bokstaver. Gi filen nytt navn, for eksempel '01-hva-gjor-sosiale-entreprenorer.md'.`,
  'page-title': () => 'Siden må begynne med tittelen som overskrift på nivå 1. Skriv «# Tittel» på første linje.',
  'unknown-reference': (p) => {
    if (p.variant === 'id')
      return `'${p.id}' finnes ikke i ${p.file}.${maybe(p.suggestion)} Sjekk stavemåten, eller legg den til i ${p.file}.`;
    if (p.variant === 'link')
      return `Lenken '${p.target}' peker på noe som ikke finnes.${maybe(p.suggestion)} Sjekk nøkkelen eller ID-en etter kolon (små bokstaver), eller legg til posten.`;
    return `'${p.id}' finnes ikke i begreper.csv.${maybe(p.suggestion)} Sjekk stavemåten, eller legg til begrepet der.`;
  },
  'reference-to-left-out': (p) =>
    `'${p.id}' i ${p.file} er utelatt på grunn av feilen i ${p.cause}. Rett den feilen først, så forsvinner denne meldingen.`,
  'external-image': (p) =>
    `Bildet '${p.url}' ligger på et annet nettsted og er tatt ut: et bilde derfra ville la det nettstedet se hver besøkende. Legg bildet i nettstedets egne filer og vis til det med en sti som begynner med /, eller ta det bort.`,
  'self-reference': (p) => `Begrepet '${p.id}' viser til seg selv. Fjern '${p.id}' fra denne kolonnen.`,
  'relation-one-way': (p) =>
    `'${p.id}' har '${p.other}' her, men '${p.other}' har ikke '${p.id}' i kolonnen '${p.column}'. Legg den til der også.`,
};
