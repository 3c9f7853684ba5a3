/**
 * Give memory back before the long child stages: once the dataset is written
 * as JSON, the build process holds nothing it still needs, but V8 only
 * collects when it allocates, and an idle parent waiting for Eleventy never
 * does. A full collection here keeps the parent's gigabyte of dataset from
 * adding to Eleventy's and Pagefind's peak.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

export function releaseMemory(): void {
  v8.setFlagsFromString('--expose_gc');
  const gc = vm.runInNewContext('gc') as (() => void) | undefined;
  gc?.();
}
