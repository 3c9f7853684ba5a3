/** Norwegian words and names for the synthetic benchmark data. */

export const GIVEN_NAMES = [
  'Anne', 'Kari', 'Ingrid', 'Marit', 'Liv', 'Eva', 'Hilde', 'Solveig', 'Randi', 'Berit', 'Silje', 'Ida', 'Nora',
  'Ingvild', 'Åse', 'Ragnhild', 'Sigrid', 'Tone', 'Turid', 'Gunn', 'Jill M.', 'Marte', 'Eline L.', 'Kjersti', 'Siri',
  'Ole', 'Per', 'Jan', 'Lars', 'Knut', 'Arne', 'Bjørn', 'Geir', 'Terje', 'Øystein', 'Ivar', 'Håkon', 'Torbjørn',
  'Eirik', 'Magnus', 'Jørgen', 'Sindre', 'Trond', 'Asbjørn', 'Steinar', 'Håvard', 'Ørjan', 'Espen', 'Kåre', 'Pål',
];

export const FAMILY_NAMES = [
  'Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen', 'Jensen', 'Karlsen',
  'Johnsen', 'Pettersen', 'Eriksen', 'Berg', 'Haugen', 'Hagen', 'Johannessen', 'Andreassen', 'Jacobsen', 'Dahl',
  'Jørgensen', 'Halvorsen', 'Henriksen', 'Lund', 'Sørensen', 'Jakobsen', 'Moen', 'Gundersen', 'Iversen', 'Strand',
  'Solberg', 'Svendsen', 'Eide', 'Knutsen', 'Martinsen', 'Paulsen', 'Bakken', 'Kristoffersen', 'Mathisen', 'Lie',
  'Loga', 'Eimhjellen', 'Eschweiler', 'Ingstad', 'Stokstad', 'Winsvold', 'Skjærvø', 'Aasland', 'Ødegård', 'Sæther',
  'Bjørnstad', 'Grønli', 'Åsheim', 'Vestby', 'Fløtten', 'Trætteberg', 'Wollebæk', 'Sivesind', 'Enjolras', 'Ærø',
];

export const MUNICIPALITIES = [
  'Oslo', 'Bergen', 'Trondheim', 'Stavanger', 'Bærum', 'Kristiansand', 'Drammen', 'Asker', 'Lillestrøm', 'Fredrikstad',
  'Sandnes', 'Tromsø', 'Skien', 'Bodø', 'Ålesund', 'Sandefjord', 'Larvik', 'Arendal', 'Tønsberg', 'Karmøy',
  'Indre Østfold', 'Nordre Follo', 'Ringsaker', 'Porsgrunn', 'Haugesund', 'Hamar', 'Moss', 'Gjøvik', 'Lillehammer',
  'Harstad', 'Molde', 'Kongsberg', 'Halden', 'Ås', 'Steinkjer', 'Alta', 'Narvik', 'Elverum', 'Førde', 'Voss',
  'Røros', 'Vågå', 'Bø', 'Øygarden', 'Sørreisa', 'Værøy', 'Åmot', 'Levanger', 'Stjørdal', 'Kvinnherad',
];

export const PLACES = ['Oslo', 'Bergen', 'Trondheim', 'Stavanger', 'Tromsø', 'Kristiansand', 'Bodø', 'Lillehammer', 'København', 'Stockholm'];

/** Nouns for concept terms and titles. */
export const NOUNS = [
  'innovasjon', 'entreprenørskap', 'samarbeid', 'partnerskap', 'anskaffelse', 'tjenesteutvikling', 'inkludering',
  'arbeidsinkludering', 'frivillighet', 'velferd', 'omsorg', 'eldreomsorg', 'oppvekst', 'folkehelse', 'boligsosialt arbeid',
  'medvirkning', 'samskaping', 'nærmiljø', 'lokalsamfunn', 'næringsutvikling', 'sysselsetting', 'integrering',
  'kvalifisering', 'finansiering', 'investering', 'gevinstrealisering', 'effektmåling', 'evaluering', 'forvaltning',
  'styring', 'tillitsreform', 'digitalisering', 'bærekraft', 'sirkulærøkonomi', 'utenforskap', 'fattigdom',
  'rusomsorg', 'psykisk helse', 'kulturliv', 'idrett', 'utdanning', 'mentorordning', 'arbeidstrening', 'lavterskeltilbud',
  'brukermedvirkning', 'tjenestedesign', 'ombudsrolle', 'kommuneplan', 'innovasjonsstrategi', 'samfunnsregnskap',
  'sosialt utbytte', 'ideell virksomhet', 'sosial økonomi', 'kontraktsforvaltning', 'rammeavtale', 'pilotprosjekt',
  'tilskuddsordning', 'verdiskaping', 'nettverksstyring', 'offentlig sektor',
];

/** Adjectives for concept terms ("sosial innovasjon"), in the form used before a noun. */
export const ADJECTIVES = [
  'sosial', 'kommunal', 'offentlig', 'frivillig', 'ideell', 'lokal', 'regional', 'nasjonal', 'nordisk', 'grønn',
  'digital', 'inkluderende', 'bærekraftig', 'helhetlig', 'tverrfaglig', 'tverrsektoriell', 'strategisk', 'resultatbasert',
  'brukerstyrt', 'forebyggende', 'samfunnsøkonomisk', 'innovativ', 'kollektiv', 'privat', 'statlig', 'sirkulær',
  'langsiktig', 'fleksibel', 'åpen', 'systematisk', 'felles', 'praktisk', 'økonomisk', 'kulturell', 'rettighetsbasert',
  'stedsbasert', 'relasjonell', 'målrettet', 'samordnet', 'utforskende',
];

export const SUBJECTS = [
  'Sosialt entreprenørskap', 'Innovasjon', 'Organisasjonsformer', 'Offentlig forvaltning', 'Offentlige anskaffelser',
  'Frivillighet og sivilsamfunn', 'Arbeid og velferd',
];

export const TITLE_OPENINGS = [
  'Sosiale entreprenører som samarbeidspartnere for', 'Samarbeid mellom kommuner og sosiale entreprenører om',
  'Erfaringer med', 'Nye veier til', 'Kartlegging av', 'Evaluering av', 'Veileder for', 'Kunnskapsstatus om',
  'Partnerskap for', 'Muligheter og hindringer for', 'Fra prosjekt til drift:', 'Velferd i nytt terreng:',
  'Hvordan lykkes med', 'Rammer for', 'Et kunnskapsgrunnlag om', 'Strategi for', 'Handlingsplan for', 'Status for',
];

export const SENTENCES = [
  'Rapporten beskriver hvordan {place} kommune samarbeider med sosiale entreprenører om {noun}.',
  'Forfatterne har intervjuet ledere og ansatte i {n} kommuner og {m} sosiale virksomheter.',
  'Studien viser at samarbeidet ofte starter som et {adj} prosjekt og sjelden blir en varig del av tjenestene.',
  'Et hovedfunn er at {noun} krever tid, tillit og en tydelig fordeling av ansvar mellom partene.',
  'Dokumentet gir råd om {noun} og om hvordan kommunen kan legge til rette for {noun2}.',
  'Notatet drøfter hvilke virkemidler staten har for å fremme {adj} {noun}.',
  'Undersøkelsen bygger på en spørreundersøkelse blant {n} kommuner høsten {year}.',
  'Materialet viser store forskjeller mellom små og store kommuner i {region}.',
  'Anbefalingene retter seg mot politikere, rådmenn og fagfolk som arbeider med {noun}.',
  'Heftet presenterer eksempler fra {place}, {place2} og andre kommuner.',
  'Evalueringen finner at deltakerne har fått bedre livskvalitet og større tilknytning til arbeidslivet.',
  'Rapporten peker på at regelverket for offentlige anskaffelser oppleves som et hinder for {noun}.',
  'Arbeidet er gjort på oppdrag fra {org}.',
  'Forskerne anbefaler at {adj} {noun} tas inn i kommuneplanens samfunnsdel.',
  'Boken gir en innføring i begreper, modeller og erfaringer fra Norden.',
  'Filmen viser hvordan ungdom, frivillige og kommunen sammen har skapt nye tilbud i nærmiljøet.',
  'Avtalen regulerer ansvar, finansiering og rapportering i partnerskapet.',
  'Presentasjonen ble holdt på et fagseminar om {noun} i {place}.',
];

export const REGIONS = ['Nord-Norge', 'Trøndelag', 'Vestlandet', 'Sørlandet', 'Østlandet', 'Innlandet', 'Agder'];

export const GENERAL_KEYWORDS = [
  'kommuner', 'samarbeid', 'Norden', 'velferdsstaten', 'sivilsamfunn', 'arbeidsliv', 'ungdom', 'eldre', 'innvandrere',
  'lokalsamfunn', 'finansiering', 'evaluering', 'forskning', 'politikk', 'forvaltning',
];

export const SERIES = [
  { name: 'Rapport', number: (y: number, n: number) => `${n}-${y}` },
  { name: 'NIBR-rapport', number: (y: number, n: number) => `${y}:${n}` },
  { name: 'Fafo-rapport', number: (y: number, n: number) => `${y}:${String(n).padStart(2, '0')}` },
  { name: 'TemaNord', number: (y: number, n: number) => `${y}:${500 + n}` },
  { name: 'NOVA Rapport', number: (_y: number, n: number) => `${n}/${String(_y).slice(2)}` },
  { name: 'ISF-rapport', number: (y: number, n: number) => `${y}:${n}` },
  { name: 'Notat', number: (y: number, n: number) => `${n}-${y}` },
] as const;

/** Kinds of organisations, with words to build their names. */
export const ORGANISATION_PATTERNS = [
  { type: 'kommune', name: (x: string) => `${x} kommune` },
  { type: 'forskningsinstitutt', name: (x: string) => `Senter for ${x}forskning` },
  { type: 'stiftelse', name: (x: string) => `Stiftelsen ${x}` },
  { type: 'sosial entreprenør', name: (x: string) => `${x} AS` },
  { type: 'frivillig organisasjon', name: (x: string) => `${x}foreningen` },
  { type: 'nettverk', name: (x: string) => `Nettverk for ${x}` },
  { type: 'interesseorganisasjon', name: (x: string) => `Forbundet for ${x}` },
  { type: 'selskap', name: (x: string) => `${x} Utvikling AS` },
] as const;

export const ORGANISATION_STEMS = [
  'Lys', 'Fjell', 'Fjord', 'Bro', 'Vekst', 'Nabolag', 'Kraft', 'Spire', 'Havn', 'Linje', 'Tråd', 'Nøkkel', 'Vei',
  'Grønn', 'Trygg', 'Åpen', 'Ny', 'Sammen', 'Mestring', 'Jobb', 'Aktiv', 'Bærekraft', 'Kunnskap', 'Framtid', 'Lokal',
];

export const FIXED_ORGANISATIONS = [
  { id: 'ks', name: 'KS – Kommunesektorens organisasjon', shortName: 'KS', type: 'interesseorganisasjon' },
  { id: 'kommunal-og-distriktsdepartementet', name: 'Kommunal- og distriktsdepartementet', shortName: 'KDD', type: 'departement' },
  { id: 'arbeids-og-inkluderingsdepartementet', name: 'Arbeids- og inkluderingsdepartementet', shortName: 'AID', type: 'departement' },
  { id: 'kultur-og-likestillingsdepartementet', name: 'Kultur- og likestillingsdepartementet', shortName: '', type: 'departement' },
  { id: 'nordisk-ministerrad', name: 'Nordisk ministerråd', shortName: '', type: 'mellomstatlig organisasjon' },
  { id: 'nav', name: 'Arbeids- og velferdsetaten', shortName: 'NAV', type: 'statlig virksomhet' },
  { id: 'husbanken', name: 'Husbanken', shortName: '', type: 'statlig virksomhet' },
  { id: 'fafo', name: 'Fafo', shortName: '', type: 'forskningsinstitutt' },
  { id: 'nibr', name: 'By- og regionforskningsinstituttet NIBR', shortName: 'NIBR', type: 'forskningsinstitutt' },
  { id: 'institutt-for-samfunnsforskning', name: 'Institutt for samfunnsforskning', shortName: 'ISF', type: 'forskningsinstitutt' },
  { id: 'nova', name: 'Velferdsforskningsinstituttet NOVA', shortName: 'NOVA', type: 'forskningsinstitutt' },
  { id: 'tankesmien-agenda', name: 'Tankesmien Agenda', shortName: '', type: 'tankesmie' },
  { id: 'ferd', name: 'Ferd', shortName: '', type: 'selskap' },
  { id: 'sopra-steria', name: 'Sopra Steria', shortName: '', type: 'selskap' },
  { id: 'oslomet', name: 'OsloMet – storbyuniversitetet', shortName: 'OsloMet', type: 'forskningsinstitutt' },
  { id: 'uni-research-rokkansenteret', name: 'Uni Research Rokkansenteret', shortName: '', type: 'forskningsinstitutt' },
  { id: 'emes', name: 'EMES International Research Network', shortName: 'EMES', type: 'forskernettverk' },
  { id: 'digdir', name: 'Digitaliseringsdirektoratet', shortName: 'Digdir', type: 'statlig virksomhet' },
  { id: 'dfo', name: 'Direktoratet for forvaltning og økonomistyring', shortName: 'DFØ', type: 'statlig virksomhet' },
  { id: 'frivillighet-norge', name: 'Frivillighet Norge', shortName: '', type: 'interesseorganisasjon' },
] as const;
