// Computed data as functions, not template strings: Eleventy then need not
// compile a template per page for them.
export default {
  /** @param {{ org: { url: string } }} data */
  permalink: (data) => data.org.url,
  eleventyComputed: {
    /** @param {{ org: { name: string } }} data */
    title: (data) => data.org.name,
  },
};
