// Computed data as functions, not template strings: Eleventy then need not
// compile a template per page for them.
export default {
  /** @param {{ facet: { url: string } }} data */
  permalink: (data) => data.facet.url,
  eleventyComputed: {
    /** @param {{ facet: { label: string } }} data */
    title: (data) => `${data.facet.label}: bibliografi`,
  },
};
