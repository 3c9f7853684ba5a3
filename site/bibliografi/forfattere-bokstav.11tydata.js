// One page per letter of the author index (the pipeline's facets.authorLetters). Computed data as functions, not
// template strings: Eleventy then need not compile a template per page for them.
export default {
  /** @param {{ group: { url: string } }} data */
  permalink: (data) => data.group.url,
  eleventyComputed: {
    /** @param {{ group: { letter: string } }} data */
    title: (data) => `Forfattere: ${data.group.letter}`,
  },
};
