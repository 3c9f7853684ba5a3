/**
 * The entry point that emit bundles for the browser (with esbuild, as an
 * IIFE) into `/referanseliste/referanseliste.js`: citeproc-js and the list
 * formatter, as the global `KildebankReferenceList`, which the page's script
 * (site/assets/reference-list.js) uses. Loaded on the list page only.
 */
import CSL from 'citeproc';
import { bucketOf, formatReferenceList, type Citeproc, type ListStyles } from './reference-list.ts';
import type { CslItem, ReferenceStyleId } from './reference-rules.ts';

(globalThis as unknown as Record<string, unknown>)['KildebankReferenceList'] = {
  bucketOf,
  format: (styles: ListStyles, styleId: ReferenceStyleId, items: readonly CslItem[]) =>
    formatReferenceList(CSL as Citeproc, styles, styleId, items),
};
