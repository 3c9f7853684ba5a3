/** schema.org JSON-LD for an entry page (search engines; the page's URL is added by the site). */
import { dateString, nameDisplay } from '../model/facts.ts';
import { publicationType } from '../model/publication-types.ts';
import type { LinkedEntry } from '../model/types.ts';

export function jsonLd(e: LinkedEntry): Record<string, unknown> {
  const type = publicationType(e.type).schemaOrg;
  const doc: Record<string, unknown> = { '@context': 'https://schema.org', '@type': type, '@id': `#${e.key}`, name: e.fullTitle };
  const set = (key: string, value: unknown) => {
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) doc[key] = value;
  };
  set('headline', e.title);
  set('alternativeHeadline', e.subtitle);
  set('author', [
    ...e.persons.map((p) => ({
      '@type': 'Person',
      familyName: p.family,
      ...(p.given ? { givenName: p.given } : {}),
      name: nameDisplay(p),
    })),
    ...e.corporateAuthors.map((name) => ({ '@type': 'Organization', name })),
  ]);
  const date = dateString(e);
  set(type === 'Event' ? 'startDate' : 'datePublished', date);
  set(
    'publisher',
    e.issuedBy.map((name) => ({ '@type': 'Organization', name })),
  );
  set('funder', e.commissioners.length > 0 ? e.commissioners.map((p) => ({ '@type': 'Organization', name: p.label })) : undefined);
  set('contributor', e.performers.length > 0 ? e.performers.map((p) => ({ '@type': 'Organization', name: p.label })) : undefined);
  if (type === 'Report') set('reportNumber', e.number);
  if (type === 'Book') set('isbn', e.isbn[0]);
  set('isPartOf', e.series ? { '@type': 'CreativeWorkSeries', name: e.series, ...(e.issn[0] ? { issn: e.issn[0] } : {}) } : undefined);
  set('inLanguage', e.language);
  set('abstract', e.abstract?.text);
  set('keywords', e.keywords.length > 0 ? e.keywords.join(', ') : undefined);
  set('numberOfPages', e.pages && /^\d+$/.test(e.pages) ? Number(e.pages) : undefined);
  set('sameAs', [...(e.doi ? [`https://doi.org/${e.doi}`] : []), ...(e.fullTextUrl ? [e.fullTextUrl] : [])]);
  if (e.pdfUrl) set('encoding', { '@type': 'MediaObject', contentUrl: e.pdfUrl, encodingFormat: 'application/pdf' });
  return doc;
}
