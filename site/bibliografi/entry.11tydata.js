// Computed data for entry pages as functions, not template strings: Eleventy
// then need not compile and render a template per page for them.
export default {
  /** @param {{ entry: { url: string } }} data */
  permalink: (data) => data.entry.url,
  eleventyComputed: {
    /** @param {{ entry: { fullTitle: string } }} data */
    title: (data) => data.entry.fullTitle,
    /** @param {{ entry: { fullTitle: string, abstract?: { text: string } } }} data */
    description: (data) => data.entry.abstract?.text ?? data.entry.fullTitle,
  },
};
