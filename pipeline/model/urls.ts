/** The site's URLs of records and lists, as the pipeline writes them into the data (the site makes them relative). */
import type { PublicationType } from './publication-types.ts';

export const URLS = {
  entry: (key: string) => `/bibliografi/${key}/`,
  concept: (id: string) => `/begrep/${id}/`,
  organisation: (id: string) => `/organisasjon/${id}/`,
  page: (slug: string) => `/tema/${slug}/`,
  type: (type: PublicationType) => `/bibliografi/type/${type}/`,
};
