/**
 * The global `Buffer` that csv-parse and iconv-lite use, for the check page's
 * bundle (./check-page.ts, esbuild's `inject`): the npm package `buffer`,
 * which esbuild takes for `buffer` when it bundles for the browser.
 */
export { Buffer } from 'buffer';
