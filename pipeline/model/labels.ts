/** Norwegian labels and CSL types for the publication types of the model. */
import type { PublicationType } from './columns.ts';

export const TYPE_LABELS: Record<PublicationType, string> = {
  rapport: 'Rapport',
  notat: 'Notat',
  hefte: 'Hefte',
  bok: 'Bok',
  artikkel: 'Artikkel',
  film: 'Film',
  strategi: 'Strategi',
  avtale: 'Avtale',
  nettside: 'Nettside',
  arrangement: 'Arrangement',
  presentasjon: 'Presentasjon',
};

export const CSL_TYPES: Record<PublicationType, string> = {
  rapport: 'report',
  notat: 'report',
  hefte: 'pamphlet',
  bok: 'book',
  artikkel: 'article',
  film: 'motion_picture',
  strategi: 'report',
  avtale: 'document',
  nettside: 'webpage',
  arrangement: 'event',
  presentasjon: 'speech',
};

/** Reports, notes and strategies: the types cited as reports (CSL `report`), issued by an institution. */
export const isReport = (type: PublicationType): boolean => CSL_TYPES[type] === 'report';

export const ROLE_LABELS = {
  author: 'Forfatter',
  performer: 'Oppdragsutfører',
  commissioner: 'Oppdragsgiver',
  publisher: 'Utgiver',
} as const;

export const URLS = {
  entry: (key: string) => `/bibliografi/${key}/`,
  concept: (id: string) => `/begrep/${id}/`,
  organisation: (id: string) => `/organisasjon/${id}/`,
  page: (slug: string) => `/tema/${slug}/`,
};
