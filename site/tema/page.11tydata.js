// Computed data as functions, not template strings: Eleventy then need not
// compile a template per page for them.
export default {
  /** @param {{ intro: { url: string } }} data */
  permalink: (data) => data.intro.url,
  eleventyComputed: {
    /** @param {{ intro: { title: string } }} data */
    title: (data) => data.intro.title,
  },
};
