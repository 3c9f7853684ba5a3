// Computed data as functions, not template strings: Eleventy then need not
// compile a template per page for them.
export default {
  /** @param {{ concept: { url: string } }} data */
  permalink: (data) => `${data.concept.url}begrep.ttl`,
};
