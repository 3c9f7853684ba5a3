/**
 * Stands in for node-fetch in the check page's bundle (./check-page.ts).
 * citation-js requires node-fetch for reading URLs, which the check never
 * does; in a browser citation-js would use the browser's own fetch anyway.
 * The stand-in fetches nothing, so the check cannot send a request.
 */
function noFetch(): never {
  throw new Error('The Kildebank check page fetches nothing.');
}

export default noFetch;
export const Headers = class {};
