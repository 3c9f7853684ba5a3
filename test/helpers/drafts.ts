/** A minimal bibliography draft for stage tests, with the given fields over the defaults. */
import type { BibDraft } from '../../pipeline/model/drafts.ts';

/** An entry's list fields, empty: a draft's defaults, and what a test entry without facts has. */
export const emptyLists = () => ({
  persons: [],
  corporateAuthors: [],
  performers: [],
  commissioners: [],
  publishers: [],
  publisherNames: [],
  isbn: [],
  issn: [],
  keywords: [],
});

export function bibDraft(over: Partial<BibDraft>, file = 'data/bibliografi.csv', line = 2): BibDraft {
  return {
    key: 'k',
    type: 'rapport',
    title: 'Tittel',
    ...emptyLists(),
    sources: [{ file, line }],
    at: {},
    ...over,
  };
}
