// The part of n3 (which ships no type declarations) that Kildebank uses, typed with
// the RDF/JS interfaces. Referenced from skos.js; the tests use it through that file.
declare module 'n3' {
  import type {
    BlankNode,
    DefaultGraph,
    Literal,
    NamedNode,
    Quad,
    Quad_Graph,
    Quad_Object,
    Quad_Predicate,
    Quad_Subject,
  } from '@rdfjs/types';

  export const DataFactory: {
    namedNode(iri: string): NamedNode;
    blankNode(name?: string): BlankNode;
    literal(value: string, languageOrDatatype?: string | NamedNode): Literal;
    defaultGraph(): DefaultGraph;
    quad(subject: Quad_Subject, predicate: Quad_Predicate, object: Quad_Object, graph?: Quad_Graph): Quad;
  };

  export class Writer {
    constructor(options?: { format?: string; prefixes?: Record<string, string>; baseIRI?: string });
    addQuad(quad: Quad): void;
    addQuads(quads: Quad[]): void;
    end(done?: (error: Error | null | undefined, result: string) => void): void;
  }

  export class Parser {
    constructor(options?: { format?: string; baseIRI?: string; blankNodePrefix?: string });
    /** Synchronous: all quads of a complete document; throws on a syntax error. */
    parse(input: string): Quad[];
  }
}
