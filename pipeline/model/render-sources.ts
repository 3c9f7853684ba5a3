/**
 * The parts of the dataset the site renders one unit per item: each item's
 * pages (an entry's page; a concept's page, Turtle and JSON-LD; …) read only
 * that item, so a build can render the items that changed and reuse the rest
 * (pipeline/build/render-plan.ts). `path` leads to the list in the dataset,
 * `key` names an item. The site's templates paginate over
 * `kildebank.render.<name>`; the manifest carries this table to the site.
 */
export interface RenderSource {
  name: string;
  path: readonly string[];
  key: string;
  /** The entries an item's pages list with their COinS (the dataset's `coins`): `item[list][n][key]`. */
  shows?: { list: string; key: string };
}

export const RENDER_SOURCES: readonly RenderSource[] = [
  { name: 'bibliography', path: ['bibliography'], key: 'key' },
  { name: 'glossary', path: ['glossary'], key: 'id', shows: { list: 'usedIn', key: 'id' } },
  { name: 'organisations', path: ['organisations'], key: 'id', shows: { list: 'works', key: 'id' } },
  { name: 'pages', path: ['pages'], key: 'slug' },
  { name: 'types', path: ['facets', 'types'], key: 'id', shows: { list: 'items', key: 'key' } },
];
