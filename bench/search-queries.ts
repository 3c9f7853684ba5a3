/**
 * The queries the search is tuned and measured with (`npm run search-quality`,
 * ./search-quality.ts), each with the page that should come first. The
 * answers were judged by hand: for the shipped site from `data/*.csv`, for the
 * generated site from the data ./generate.ts writes for 1,000 entries with
 * BENCH_SEED (the generator is deterministic, so the answers stay right as long
 * as it does not change; the script says so loudly when an answer page is
 * missing). Where two pages are equally right, both are listed.
 */

export type QueryKind =
  | 'misspelling'
  | 'no æøå'
  | 'question'
  | 'phrase'
  | 'inflected'
  | 'nynorsk'
  | 'English'
  | 'name'
  | 'organisation'
  | 'number'
  | 'title'
  | 'page';

export interface JudgedQuery {
  query: string;
  kind: QueryKind;
  /** Site paths of the right answers ('/begrep/innovasjon/'). */
  answers: string[];
}

const q = (query: string, kind: QueryKind, ...answers: string[]): JudgedQuery => ({ query, kind, answers });

/** For the shipped data (`data/`). */
export const SHIPPED_QUERIES: JudgedQuery[] = [
  q('entrepenør', 'misspelling', '/begrep/sosiale-entreprenorer/'),
  q('innvoasjon', 'misspelling', '/begrep/innovasjon/'),
  q('arbeidsinkluderng', 'misspelling', '/begrep/arbeidsinkludering/'),
  q('utviklingskontrackt', 'misspelling', '/begrep/utviklingskontrakt/'),
  q('aksjeselskab', 'misspelling', '/begrep/aksjeselskap/'),
  q('sivilsamfun', 'misspelling', '/begrep/sivilsamfunn/'),
  q('partnerskapsavtal', 'misspelling', '/begrep/partnerskapsavtale/'),
  q('entreprenorer', 'no æøå', '/begrep/sosiale-entreprenorer/'),
  q('Baerum', 'no æøå', '/organisasjon/baerum-kommune/'),
  q('entreprenorskap', 'no æøå', '/begrep/sosialt-entreprenorskap/'),
  q('Oppegard kommune', 'no æøå', '/organisasjon/oppegard-kommune/'),
  q('Nordisk ministerrad', 'no æøå', '/organisasjon/nordisk-ministerrad/'),
  q('Paadriv', 'no æøå', '/organisasjon/padriv/', '/bibliografi/padriv/'),
  q('hva er sosialt entreprenørskap', 'question', '/begrep/sosialt-entreprenorskap/'),
  q('hva er sosial innovasjon', 'question', '/begrep/sosial-innovasjon/'),
  q('hva betyr tredje sektor', 'question', '/begrep/frivillig-sektor/'),
  q('hva er et samvirkeforetak', 'question', '/begrep/samvirkeforetak/'),
  q('hvordan kan kommunen samarbeide med frivillig sektor', 'question', '/bibliografi/schanche-2014/'),
  q('"velferd i nytt terreng"', 'phrase', '/bibliografi/schanche-2014/'),
  q('"sosiale entreprenører som samarbeidspartnere"', 'phrase', '/bibliografi/sosiale-entreprenorer-som-samarbeidspartnere/'),
  q('"sosial innovasjon"', 'phrase', '/begrep/sosial-innovasjon/'),
  q('"blikk for muligheter"', 'phrase', '/bibliografi/asker-kommune-2015/'),
  q('kommunenes', 'inflected', '/tema/samarbeid-med-kommunen/'),
  q('stiftelsene', 'inflected', '/begrep/stiftelse/'),
  q('samarbeidsavtalen', 'inflected', '/begrep/samarbeidsavtale/'),
  q('innovasjonsstrategien', 'inflected', '/begrep/innovasjonsstrategi/'),
  q('entreprenørar', 'nynorsk', '/begrep/sosiale-entreprenorer/'),
  q('offentlege anskaffingar', 'nynorsk', '/begrep/offentlige-anskaffelser/'),
  q('stifting', 'nynorsk', '/begrep/stiftelse/'),
  q('tenesteinnovasjon', 'nynorsk', '/begrep/tjenesteinnovasjon/'),
  q('samvirkeføretak', 'nynorsk', '/begrep/samvirkeforetak/'),
  q('partnarskapsavtale', 'nynorsk', '/begrep/partnerskapsavtale/'),
  q('social entrepreneurship', 'English', '/begrep/sosialt-entreprenorskap/'),
  q('social entrepreneurs', 'English', '/begrep/sosiale-entreprenorer/'),
  q('public procurement', 'English', '/begrep/offentlige-anskaffelser/'),
  q('civil society', 'English', '/begrep/sivilsamfunn/'),
  q('foundation', 'English', '/begrep/stiftelse/'),
  q('cooperative', 'English', '/begrep/samvirkeforetak/'),
  q('service innovation', 'English', '/begrep/tjenesteinnovasjon/'),
  q('Schanche', 'name', '/bibliografi/schanche-2014/'),
  q('Winsvold', 'name', '/bibliografi/loga-2016/'),
  q('KS', 'organisation', '/organisasjon/ks/'),
  q('Rokkansenteret', 'organisation', '/organisasjon/uni-research-rokkansenteret/'),
  q('Mikrofinans Norge', 'organisation', '/organisasjon/mikrofinans-norge/'),
  q('NIBR', 'organisation', '/organisasjon/nibr/'),
  q('Steinkjer', 'organisation', '/organisasjon/steinkjer-kommune/'),
  q('Nordic Council of Ministers', 'organisation', '/organisasjon/nordisk-ministerrad/', '/bibliografi/nordic-council-2015/'),
  q('R7940', 'number', '/bibliografi/schanche-2014/'),
  q('TemaNord 2015:502', 'number', '/bibliografi/nordisk-ministerrad-2015/'),
  q('2015:562', 'number', '/bibliografi/nordic-council-2015/'),
  q('978-82-8095-104-5', 'number', '/bibliografi/loga-2016/'),
  q('Veier til samarbeid', 'title', '/bibliografi/kmd-2017/'),
  q('Generasjonsparken', 'title', '/bibliografi/oppegard-mikrofinans-partnerskapsavtale/'),
  q('fagseminar', 'title', '/bibliografi/ks-2016-fagseminar/'),
  q('velferdsstaten', 'title', '/bibliografi/tankesmien-agenda-2016/'),
  q('organisering og finansiering', 'page', '/tema/organisering-og-finansiering/'),
  q('samarbeid med kommunen', 'page', '/tema/samarbeid-med-kommunen/'),
  q('tilgjengelighetserklæring', 'page', '/om/'),
];

/** For the data ./generate.ts writes for 1,000 entries (BENCH_SEED). */
export const GENERATED_QUERIES: JudgedQuery[] = [
  q('samfunsregnskap', 'misspelling', '/begrep/samfunnsregnskap/'),
  q('kontraktforvaltning', 'misspelling', '/begrep/kontraktsforvaltning/'),
  q('helhetlig verdiskapning', 'misspelling', '/begrep/helhetlig-verdiskaping/'),
  q('boligsosialt arbied', 'misspelling', '/begrep/boligsosialt-arbeid/'),
  q('sirkulær finansirering', 'misspelling', '/begrep/sirkulaer-finansiering/'),
  q('gronn omsorg', 'no æøå', '/begrep/gronn-omsorg/'),
  q('sirkulaer finansiering', 'no æøå', '/begrep/sirkulaer-finansiering/'),
  q('okonomisk effektmaling', 'no æøå', '/begrep/okonomisk-effektmaling/'),
  q('apen tillitsreform', 'no æøå', '/begrep/apen-tillitsreform/'),
  q('strategisk naermiljo', 'no æøå', '/begrep/strategisk-naermiljo/'),
  q('Baerum kommune', 'no æøå', '/organisasjon/baerum-kommune/'),
  q('Tromso kommune', 'no æøå', '/organisasjon/tromso-kommune/'),
  q('Alesund', 'no æøå', '/organisasjon/alesund-kommune/'),
  q('Odegard Ingrid', 'no æøå', '/bibliografi/strand-2012/'),
  q('hva er boligsosialt arbeid', 'question', '/begrep/boligsosialt-arbeid/'),
  q('hva er kommunal fattigdom', 'question', '/begrep/kommunal-fattigdom/'),
  q('hva betyr målrettet tillitsreform', 'question', '/begrep/malrettet-tillitsreform/'),
  q('hva er et samfunnsregnskap', 'question', '/begrep/samfunnsregnskap/'),
  q('"nordisk entreprenørskap"', 'phrase', '/begrep/nordisk-entreprenorskap/'),
  q('"felles ombudsrolle"', 'phrase', '/begrep/felles-ombudsrolle/'),
  q('"status for offentlig idrett"', 'phrase', '/bibliografi/ringsaker-kommune-2018/'),
  q('samfunnsregnskapet', 'inflected', '/begrep/samfunnsregnskap/'),
  q('kontraktsforvaltningen', 'inflected', '/begrep/kontraktsforvaltning/'),
  q('brukerstyrt effektmålingen', 'inflected', '/begrep/brukerstyrt-effektmaling/'),
  q('langsiktig tjenestedesignsarbeid', 'inflected', '/begrep/langsiktig-tjenestedesign/'),
  q('nordisk sirkulærøkonomisarbeid', 'inflected', '/begrep/nordisk-sirkulaerokonomi/'),
  q('Trætteberg Lars', 'name', '/bibliografi/traetteberg-2016/'),
  q('Sivesind Pål', 'name', '/bibliografi/sivesind-2013/'),
  q('Knut Enjolras', 'name', '/bibliografi/enjolras-2000/'),
  q('Husbanken', 'organisation', '/organisasjon/husbanken/'),
  q('Fafo', 'organisation', '/organisasjon/fafo/'),
  q('NAV', 'organisation', '/organisasjon/nav/'),
  q('OsloMet', 'organisation', '/organisasjon/oslomet/'),
  q('Digdir', 'organisation', '/organisasjon/digdir/'),
  q('DFØ', 'organisation', '/organisasjon/dfo/'),
  q('Frivillighet Norge', 'organisation', '/organisasjon/frivillighet-norge/'),
  q('Sopra Steria', 'organisation', '/organisasjon/sopra-steria/'),
  q('R8395', 'number', '/bibliografi/husbanken-2006/'),
  q('TemaNord 2013:527', 'number', '/bibliografi/kristoffersen-2013/'),
  q('Fafo-rapport 2025:48', 'number', '/bibliografi/halvorsen-2025/'),
  q('ISF-rapport 2016:58', 'number', '/bibliografi/karlsen-2016/'),
  q('Erfaringer med kulturell velferd', 'title', '/bibliografi/moss-kommune-2016/'),
  q('Muligheter og hindringer for boligsosialt arbeid', 'title', '/bibliografi/harstad-kommune-2023/'),
  q('Rammer for privat finansiering', 'title', '/bibliografi/hansen-2005/'),
  q('organisering og finansiering', 'page', '/tema/organisering-og-finansiering/'),
  q('videre lesning', 'page', '/tema/videre-lesning/'),
  q('tilgjengelighetserklæring', 'page', '/om/'),
];
