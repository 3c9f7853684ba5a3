/** RDF helpers for the SKOS tests: parsing, comparing graphs, SHACL validation. */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Quad, Term } from '@rdfjs/types';
import rdf from '@zazuko/env-node';
import { Parser } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { PREFIXES } from '../../site/_config/skos.js';

/**
 * The official SKOS-AP-NO-Begrep v2 shapes, read from the shared reference folder next to
 * the repository (never copied into it). Tests that need them skip, loudly, when absent.
 */
export const SHAPES_FILE = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'reference', 'skos-ap-no-begrep-v2.shacl.ttl');
export const HAVE_SHAPES = existsSync(SHAPES_FILE);
if (!HAVE_SHAPES) {
  console.warn(`\n*** SKIPPING the SKOS-AP-NO-Begrep SHACL validation: ${SHAPES_FILE} is not there. ***\n`);
}

export const ns = Object.fromEntries(Object.entries(PREFIXES).map(([p, iri]) => [p, (local: string) => iri + local])) as Record<
  keyof typeof PREFIXES,
  (local: string) => string
>;

export function parseTurtle(text: string, baseIRI: string): Quad[] {
  return new Parser({ baseIRI }).parse(text);
}

export async function parseJsonLd(text: string, baseIRI: string): Promise<Quad[]> {
  const stream = rdf.formats.parsers.import('application/ld+json', Readable.from([text]), { baseIRI });
  if (!stream) throw new Error('no JSON-LD parser');
  return [...(await rdf.dataset().import(stream))];
}

/** A term as N-Triples-like text, for comparing graphs without blank nodes. */
export function termKey(t: Term): string {
  if (t.termType === 'Literal') return `${JSON.stringify(t.value)}${t.language ? `@${t.language}` : `^^<${t.datatype.value}>`}`;
  if (t.termType === 'NamedNode') return `<${t.value}>`;
  return `${t.termType}:${t.value}`;
}
export const quadKey = (q: Quad) => `${termKey(q.subject)} ${termKey(q.predicate)} ${termKey(q.object)}`;
export const graphKeys = (quads: Quad[]) => new Set(quads.map(quadKey));

/** A small index over a parsed graph. */
export class Graph {
  constructor(readonly quads: Quad[]) {}
  objects(subject: string, predicate: string): Term[] {
    return this.quads.filter((q) => q.subject.value === subject && q.predicate.value === predicate).map((q) => q.object);
  }
  values(subject: string, predicate: string): string[] {
    return this.objects(subject, predicate).map((o) => o.value);
  }
  subjectsOfType(type: string): string[] {
    return [
      ...new Set(this.quads.filter((q) => q.predicate.value === ns.rdf('type') && q.object.value === type).map((q) => q.subject.value)),
    ];
  }
  isA(subject: string, type: string): boolean {
    return this.values(subject, ns.rdf('type')).includes(type);
  }
}

export interface ShaclOutcome {
  conforms: boolean;
  violations: string[];
}

let shapes: ReturnType<typeof rdf.dataset> | undefined;
/** Validate quads against the official shapes (call only when HAVE_SHAPES). */
export async function validateShacl(quads: Quad[]): Promise<ShaclOutcome> {
  shapes ??= rdf.dataset(parseTurtle(await readFile(SHAPES_FILE, 'utf8'), `file://${SHAPES_FILE}`));
  const report = await new SHACLValidator(shapes, { factory: rdf }).validate(rdf.dataset(quads));
  const violations = report.results.map(
    (r) =>
      `${r.severity?.value.replace(/.*#/, '')} on ${r.focusNode?.value} ${r.path?.value ?? ''}: ${r.message.map((m) => m.value).join(' / ')}`,
  );
  return { conforms: report.conforms, violations };
}
