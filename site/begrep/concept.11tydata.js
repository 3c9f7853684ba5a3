// Computed data as functions, not template strings: Eleventy then need not
// compile a template per page for them.
export default {
  /** @param {{ concept: { url: string } }} data */
  permalink: (data) => data.concept.url,
  eleventyComputed: {
    /** @param {{ concept: { termNb: string } }} data */
    title: (data) => data.concept.termNb,
    /** @param {{ concept: { definition: { text: string } } }} data */
    description: (data) => data.concept.definition.text,
    /** @param {{ concept: { url: string } }} data */
    rdfAlternates: (data) => ({ turtle: `${data.concept.url}begrep.ttl`, jsonld: `${data.concept.url}begrep.jsonld` }),
  },
};
