// Minimal types for the parts of citation-js 0.8 that Kildebank uses (it ships none).
declare module '@citation-js/core' {
  export class Cite {
    constructor(data?: unknown, options?: Record<string, unknown>);
    static async(data: unknown, options?: Record<string, unknown>): Promise<Cite>;
    get(options?: Record<string, unknown>): unknown;
    format(format: string, options?: Record<string, unknown>): string;
  }
  export const plugins: {
    add(name: string, plugin: unknown): void;
    config: { get(name: string): any };
    input: {
      chain(input: unknown, options?: Record<string, unknown>): any;
      chainLink(input: unknown, options?: Record<string, unknown>): any;
    };
    output: { format(name: string, data: unknown, ...options: unknown[]): any };
  };
  export const logger: { level: string; _output: (...args: unknown[]) => void };
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-ris';
// plugin-bibtex's decoder for one field value (imported statically, so that it bundles for the browser's check page).
declare module '@citation-js/plugin-bibtex/lib/input/value.js' {
  export function parse(value: string, field: string): unknown;
}
// citeproc-js, the engine inside @citation-js/plugin-csl, bundled for the reference list (see cite/reference-list.ts).
declare module 'citeproc' {
  const CSL: unknown;
  export default CSL;
}
