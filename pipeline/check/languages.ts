/** Language names and codes that librarians write, mapped to one BCP 47 tag each. */

export const LANGUAGE_LABELS: Record<string, string> = {
  nb: 'Norsk (bokmål)',
  nn: 'Norsk (nynorsk)',
  en: 'Engelsk',
  sv: 'Svensk',
  da: 'Dansk',
  fi: 'Finsk',
  is: 'Islandsk',
  se: 'Nordsamisk',
  de: 'Tysk',
  fr: 'Fransk',
};

const ALIASES: Record<string, string> = {
  norsk: 'nb',
  bokmål: 'nb',
  bokmal: 'nb',
  no: 'nb',
  'nb-no': 'nb',
  norwegian: 'nb',
  norsk_bokmål: 'nb',
  nynorsk: 'nn',
  'nn-no': 'nn',
  engelsk: 'en',
  english: 'en',
  'en-gb': 'en',
  'en-us': 'en',
  svensk: 'sv',
  swedish: 'sv',
  dansk: 'da',
  danish: 'da',
  finsk: 'fi',
  samisk: 'se',
  nordsamisk: 'se',
};

/** The BCP 47 tag for what was written, or undefined when it is not a known language. */
export function languageTag(value: string): string | undefined {
  const v = value.trim().toLocaleLowerCase('nb');
  if (Object.hasOwn(ALIASES, v)) return ALIASES[v];
  if (Object.hasOwn(LANGUAGE_LABELS, v)) return v;
  // The labels the site shows ("Norsk (bokmål)") are understood too.
  return Object.keys(LANGUAGE_LABELS).find((tag) => LANGUAGE_LABELS[tag]!.toLocaleLowerCase('nb') === v);
}
