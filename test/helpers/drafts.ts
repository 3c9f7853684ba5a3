/** A minimal bibliography draft for stage tests, with the given fields over the defaults. */
import type { BibDraft } from '../../pipeline/model/drafts.ts';

export function bibDraft(over: Partial<BibDraft>, file = 'data/bibliografi.csv', line = 2): BibDraft {
  return {
    key: 'k',
    type: 'rapport',
    title: 'Tittel',
    persons: [],
    corporateAuthors: [],
    performers: [],
    commissioners: [],
    publishers: [],
    publisherNames: [],
    isbn: [],
    issn: [],
    keywords: [],
    sources: [{ file, line }],
    at: {},
    ...over,
  };
}
