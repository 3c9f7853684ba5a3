// The glossary as SKOS, following SKOS-AP-NO-Begrep v2 (the Norwegian profile the
// national data catalogue harvests). Pure functions: glossary JSON + site settings
// → RDF quads → Turtle (written with n3) or JSON-LD. The two serialisations are made
// from the same quads, in the same order, with no timestamps: equal input, equal bytes.
//
// IRIs are the site's own URLs (a concept is its page, '/begrep/<id>/'). With a
// configured SITE_URL they are absolute; without one they are written relative to
// the file that holds them, which Turtle and JSON-LD resolve against the file's URL.
/// <reference path="./n3.d.ts" />
import { DataFactory, Writer } from 'n3';
import { relativeRoot } from './relative-urls.js';

const { namedNode, literal, quad } = DataFactory;

/** @typedef {import('./site-config.js').SiteConfig} SiteConfig */
/**
 * The subset of the pipeline's `Concept` (pipeline/model/types.ts) the export reads.
 * @typedef {object} Link
 * @property {string} id
 * @property {string} label
 * @property {string} url
 * @typedef {object} Concept
 * @property {string} id
 * @property {string} url
 * @property {string} termNb
 * @property {string} [termNn]
 * @property {string} [termEn]
 * @property {string[]} admitted
 * @property {string[]} discouraged
 * @property {{ lines: string }} definition
 * @property {Array<{ definition: { lines: string }, source: Link, locator?: string, sourceRelation?: 'egendefinert' | 'basert på kilde' | 'sitat fra kilde' }>} [otherDefinitions]
 * @property {Link} [source]
 * @property {string} [locator]
 * @property {'egendefinert' | 'basert på kilde' | 'sitat fra kilde'} [sourceRelation]
 * @property {{ lines: string }} [note]
 * @property {{ lines: string }} [example]
 * @property {Link[]} related
 * @property {Link[]} broader
 * @property {Link[]} narrower
 * @property {string} [subject]
 * @property {'utkast' | 'godkjent' | 'utgått'} [status]
 */
/**
 * @typedef {import('@rdfjs/types').Quad} Quad
 * @typedef {import('@rdfjs/types').NamedNode} NamedNode
 * @typedef {import('@rdfjs/types').Quad_Object} ObjectTerm
 */

export const PREFIXES = {
  adms: 'http://www.w3.org/ns/adms#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  euvoc: 'http://publications.europa.eu/ontology/euvoc#',
  foaf: 'http://xmlns.com/foaf/0.1/',
  org: 'http://www.w3.org/ns/org#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  skosno: 'https://data.norge.no/vocabulary/skosno#',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xkos: 'http://rdf-vocabulary.ddialliance.org/xkos#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
};

/** @param {keyof typeof PREFIXES} prefix @param {string} local */
const term = (prefix, local) => namedNode(PREFIXES[prefix] + local);
const RDF_TYPE = term('rdf', 'type');
const XSD_ANYURI = term('xsd', 'anyURI');

/** Where the export files live, by site path. */
export const SCHEME_FILES = { turtle: '/begrep/begreper.ttl', jsonld: '/begrep/begreper.jsonld' };
/** @param {{ url: string }} concept */
export const conceptFiles = (concept) => ({ turtle: `${concept.url}begrep.ttl`, jsonld: `${concept.url}begrep.jsonld` });
/** The concept scheme is the glossary index page. */
export const SCHEME_PATH = '/begrep/';

/**
 * Digdir's vocabulary of a definition's relationship with its source, as published at
 * https://data.norge.no/vocabulary/relationship-with-source-type. The shapes require the
 * value of skosno:relationshipWithSource to be typed skos:Concept in the data, and any
 * skos:Concept must then meet the Concept shape; so the code values used are described
 * with the vocabulary's own statements (labels, definition, identifier, publisher, contact).
 */
const RELATIONSHIP_VOCABULARY = 'https://data.norge.no/vocabulary/relationship-with-source-type';
const DIGDIR = 'https://organization-catalog.fellesdatakatalog.digdir.no/organizations/991825827';
const DIGDIR_CONTACT = `${RELATIONSHIP_VOCABULARY}#Digdir`;
/** @type {Record<string, { code: string, nb: string, nn: string, en: string, definitionNb: string, definitionEn: string }>} */
export const RELATIONSHIP_WITH_SOURCE = {
  egendefinert: {
    code: 'self-composed',
    nb: 'egendefinert',
    nn: 'eigendefinert',
    en: 'self-composed',
    definitionNb: 'forhold der definisjonen ikke er hentet fra, eller basert på, noen eksterne kilder',
    definitionEn: 'relationship where the definition is not direct from, or derived from, any external sources',
  },
  'basert på kilde': {
    code: 'derived-from-source',
    nb: 'basert på kilde',
    nn: 'basert på kjelde',
    en: 'derived from source',
    definitionNb: 'forhold der definisjonen ikke er direkte sitat fra, men er basert på, en eller flere gitte kilder',
    definitionEn: 'relationship where the definition is not direct from, but derived from, one or more given sources',
  },
  'sitat fra kilde': {
    code: 'direct-from-source',
    nb: 'sitat fra kilde',
    nn: 'sitat frå kjelde',
    en: 'direct from source',
    definitionNb: 'forhold der definisjonen er ordrett sitat fra en gitt kilde',
    definitionEn: 'relationship where the definition is direct from a given source',
  },
};

/**
 * Status as the EU concept-status code (adms:status, as Digdir's own vocabularies use it;
 * the shapes do not constrain it) and as text (euvoc:status, which the shapes allow as
 * a language-tagged string; as a coded value it would have to be a full SKOS-AP-NO concept).
 */
export const CONCEPT_STATUS = {
  utkast: 'http://publications.europa.eu/resource/authority/concept-status/DRAFT',
  godkjent: 'http://publications.europa.eu/resource/authority/concept-status/CURRENT',
  utgått: 'http://publications.europa.eu/resource/authority/concept-status/RETIRED',
};

/**
 * A function from a site path ('/begrep/x/') or an absolute IRI to the IRI written in
 * the file at `fileUrl`: absolute under the configured site URL, else relative to the file.
 * @param {{ siteUrl: string, pathPrefix: string }} site
 * @param {string} fileUrl the site path of the file being written, e.g. '/begrep/begreper.ttl'
 * @returns {(pathOrIri: string) => string}
 */
export function iriResolver(site, fileUrl) {
  const root = relativeRoot(fileUrl);
  return (pathOrIri) => {
    if (!pathOrIri.startsWith('/')) return pathOrIri;
    const rest = pathOrIri.replace(/^\//, '');
    return site.siteUrl ? `${site.siteUrl}${site.pathPrefix}${rest}` : `${root}${rest}`;
  };
}

/**
 * Collects quads subject by subject, in first-seen order, without duplicates, so the
 * writers print each subject once.
 */
class Graph {
  constructor() {
    /** @type {Map<string, Map<string, Quad>>} */
    this.subjects = new Map();
  }

  /** @param {NamedNode} s @param {NamedNode} p @param {ObjectTerm} o */
  add(s, p, o) {
    let quads = this.subjects.get(s.value);
    if (!quads) this.subjects.set(s.value, (quads = new Map()));
    const id = o.termType === 'Literal' ? `${p.value} "${o.value}"@${o.language}^^${o.datatype.value}` : `${p.value} <${o.value}>`;
    if (!quads.has(id)) quads.set(id, quad(s, p, o));
  }

  /** @returns {Quad[]} */
  quads() {
    return [...this.subjects.values()].flatMap((quads) => [...quads.values()]);
  }
}

/**
 * The IRIs and nodes every file shares: scheme, publisher, contact point.
 * @param {SiteConfig} site
 * @param {string} fileUrl
 */
function context(site, fileUrl) {
  const iri = iriResolver(site, fileUrl);
  return {
    site,
    iri,
    scheme: namedNode(iri(SCHEME_PATH)),
    publisher: namedNode(iri(site.publisher.uri)),
    contact: namedNode(iri(`${site.contact.url.replace(/#.*$/, '')}#kontakt`)),
  };
}
/** @typedef {ReturnType<typeof context>} Context */

/** @param {Graph} g @param {Context} ctx */
function describeScheme(g, ctx, full = true) {
  const { scheme } = ctx;
  g.add(scheme, RDF_TYPE, term('skos', 'ConceptScheme'));
  g.add(scheme, term('dct', 'title'), literal(`Begreper i ${ctx.site.title}`, 'nb'));
  if (!full) return;
  g.add(scheme, term('dct', 'description'), literal(`Begrepslisten i ${ctx.site.title}. ${ctx.site.description}`, 'nb'));
  g.add(scheme, term('dct', 'identifier'), identifierOf(ctx, scheme));
  g.add(scheme, term('dct', 'publisher'), ctx.publisher);
  g.add(scheme, term('dcat', 'contactPoint'), ctx.contact);
}

/**
 * dct:identifier: the IRI as xsd:anyURI; the IRI itself when it is relative (a literal is never resolved).
 * @param {Context} ctx
 * @param {NamedNode} node
 */
function identifierOf(ctx, node) {
  return ctx.site.siteUrl ? literal(node.value, XSD_ANYURI) : node;
}

/** @param {Graph} g @param {Context} ctx */
function describeAgents(g, ctx) {
  const { site, publisher, contact } = ctx;
  g.add(publisher, RDF_TYPE, term('org', 'Organization'));
  g.add(publisher, term('foaf', 'name'), literal(site.publisher.name));
  g.add(contact, RDF_TYPE, term('vcard', 'Organization'));
  g.add(contact, term('vcard', 'fn'), literal(site.publisher.name));
  g.add(contact, term('vcard', 'hasURL'), namedNode(ctx.iri(site.contact.url)));
  if (site.contact.email) g.add(contact, term('vcard', 'hasEmail'), namedNode(`mailto:${site.contact.email}`));
}

/** The official description of a relationship-with-source code value (see RELATIONSHIP_WITH_SOURCE). */
/** @param {Graph} g @param {keyof typeof RELATIONSHIP_WITH_SOURCE} relation */
function describeRelationship(g, relation) {
  const r = RELATIONSHIP_WITH_SOURCE[relation];
  if (!r) return;
  const code = namedNode(`${RELATIONSHIP_VOCABULARY}#${r.code}`);
  const digdir = namedNode(DIGDIR);
  const digdirContact = namedNode(DIGDIR_CONTACT);
  g.add(code, RDF_TYPE, term('skos', 'Concept'));
  g.add(code, term('skos', 'prefLabel'), literal(r.nb, 'nb'));
  g.add(code, term('skos', 'prefLabel'), literal(r.nn, 'nn'));
  g.add(code, term('skos', 'prefLabel'), literal(r.en, 'en'));
  g.add(code, term('skos', 'definition'), literal(r.definitionNb, 'nb'));
  g.add(code, term('skos', 'definition'), literal(r.definitionEn, 'en'));
  g.add(code, term('skos', 'inScheme'), namedNode(RELATIONSHIP_VOCABULARY));
  g.add(code, term('dct', 'identifier'), literal(code.value, XSD_ANYURI));
  g.add(code, term('dct', 'publisher'), digdir);
  g.add(code, term('dcat', 'contactPoint'), digdirContact);
  g.add(digdir, RDF_TYPE, term('org', 'Organization'));
  g.add(digdirContact, RDF_TYPE, term('vcard', 'Organization'));
  g.add(digdirContact, term('vcard', 'hasEmail'), literal('informasjonsforvaltning@digdir.no', XSD_ANYURI));
}

/** @param {Graph} g @param {Context} ctx @param {Concept} c */
function describeConcept(g, ctx, c) {
  const { iri } = ctx;
  const self = namedNode(iri(c.url));
  const skos = /** @param {string} local */ (local) => term('skos', local);
  g.add(self, RDF_TYPE, skos('Concept'));
  g.add(self, skos('inScheme'), ctx.scheme);
  if (!c.broader.length) g.add(self, skos('topConceptOf'), ctx.scheme);
  g.add(self, term('dct', 'identifier'), identifierOf(ctx, self));
  g.add(self, skos('prefLabel'), literal(c.termNb, 'nb'));
  if (c.termNn) g.add(self, skos('prefLabel'), literal(c.termNn, 'nn'));
  if (c.termEn) g.add(self, skos('prefLabel'), literal(c.termEn, 'en'));
  for (const t of c.admitted) g.add(self, skos('altLabel'), literal(t, 'nb'));
  for (const t of c.discouraged) g.add(self, skos('hiddenLabel'), literal(t, 'nb'));
  g.add(self, skos('definition'), literal(c.definition.lines, 'nb'));

  const definition = namedNode(iri(`${c.url}#definisjon`));
  g.add(self, term('euvoc', 'xlDefinition'), definition);
  if (c.note) g.add(self, skos('scopeNote'), literal(c.note.lines, 'nb'));
  if (c.example) g.add(self, skos('example'), literal(c.example.lines, 'nb'));
  if (c.subject) g.add(self, term('dct', 'subject'), literal(c.subject, 'nb'));
  for (const b of c.broader) {
    g.add(self, skos('broader'), namedNode(iri(b.url)));
    g.add(self, term('xkos', 'specializes'), namedNode(iri(b.url)));
  }
  for (const n of c.narrower) {
    g.add(self, skos('narrower'), namedNode(iri(n.url)));
    g.add(self, term('xkos', 'generalizes'), namedNode(iri(n.url)));
  }
  for (const r of c.related) g.add(self, skos('related'), namedNode(iri(r.url)));
  if (c.status) {
    g.add(self, term('euvoc', 'status'), literal(c.status, 'nb'));
    g.add(self, term('adms', 'status'), namedNode(CONCEPT_STATUS[c.status]));
  }
  g.add(self, term('dct', 'publisher'), ctx.publisher);
  g.add(self, term('dcat', 'contactPoint'), ctx.contact);

  addDefinition(g, ctx, definition, c.definition.lines, c);
  (c.otherDefinitions ?? []).forEach((other, i) => {
    // Further definitions, each as its source gives it: xlDefinitions only (skos:definition is the preferred one).
    const node = namedNode(iri(`${c.url}#definisjon-${i + 2}`));
    g.add(self, term('euvoc', 'xlDefinition'), node);
    addDefinition(g, ctx, node, other.definition.lines, other);
  });
}

/**
 * A definition as a euvoc:XlNote: its text, its source and its relation to the source.
 * @param {Graph} g
 * @param {Context} ctx
 * @param {NamedNode} definition
 * @param {string} text
 * @param {{ source?: Link, locator?: string, sourceRelation?: 'egendefinert' | 'basert på kilde' | 'sitat fra kilde' }} c
 */
function addDefinition(g, ctx, definition, text, c) {
  const { iri } = ctx;
  g.add(definition, RDF_TYPE, term('euvoc', 'XlNote'));
  g.add(definition, term('rdf', 'value'), literal(text, 'nb'));
  const relation = c.sourceRelation ? RELATIONSHIP_WITH_SOURCE[c.sourceRelation] : undefined;
  if (relation) g.add(definition, term('skosno', 'relationshipWithSource'), namedNode(`${RELATIONSHIP_VOCABULARY}#${relation.code}`));
  if (c.source) {
    const source = namedNode(iri(c.source.url));
    g.add(definition, term('dct', 'source'), source);
    // The locator has no property of its own: it goes with the source, as text.
    if (c.locator) g.add(definition, term('dct', 'source'), literal(`${c.source.label}, ${c.locator}`));
    g.add(source, term('rdfs', 'label'), literal(c.source.label));
  }
}

/**
 * The whole glossary as one concept scheme.
 * @param {Concept[]} glossary
 * @param {SiteConfig} site
 * @param {string} fileUrl site path of the file the quads are written to
 * @returns {Quad[]}
 */
export function schemeQuads(glossary, site, fileUrl) {
  const ctx = context(site, fileUrl);
  const g = new Graph();
  describeScheme(g, ctx);
  for (const c of glossary) if (!c.broader.length) g.add(ctx.scheme, term('skos', 'hasTopConcept'), namedNode(ctx.iri(c.url)));
  for (const c of glossary) describeConcept(g, ctx, c);
  describeAgents(g, ctx);
  for (const relation of Object.keys(RELATIONSHIP_WITH_SOURCE)) {
    if (glossary.some((c) => c.sourceRelation === relation))
      describeRelationship(g, /** @type {keyof typeof RELATIONSHIP_WITH_SOURCE} */ (relation));
  }
  return g.quads();
}

/**
 * One concept, with the nodes it needs (scheme title, definition, publisher, contact,
 * code values). Every triple is also in the whole scheme's graph (at the same file depth).
 * @param {Concept} concept
 * @param {SiteConfig} site
 * @param {string} fileUrl
 * @returns {Quad[]}
 */
export function conceptQuads(concept, site, fileUrl) {
  const ctx = context(site, fileUrl);
  const g = new Graph();
  describeConcept(g, ctx, concept);
  describeScheme(g, ctx, false);
  describeAgents(g, ctx);
  if (concept.sourceRelation) describeRelationship(g, concept.sourceRelation);
  return g.quads();
}

/**
 * Turtle, written by n3's Writer with the prefixes above.
 * @param {Quad[]} quads
 * @returns {string}
 */
export function toTurtle(quads) {
  const used = usedPrefixes(quads);
  const writer = new Writer({ format: 'Turtle', prefixes: used });
  writer.addQuads(quads);
  /** @type {string | undefined} */
  let output;
  /** @type {unknown} */
  let failure;
  // Without an output stream, n3 writes to a string and calls back synchronously.
  writer.end((error, result) => {
    failure = error;
    output = result;
  });
  if (failure) throw failure;
  if (output === undefined) throw new Error('n3 Writer did not finish synchronously');
  return output;
}

/**
 * The prefixes the quads use, in PREFIXES order.
 * @param {Quad[]} quads
 * @returns {Record<string, string>}
 */
function usedPrefixes(quads) {
  const iris = new Set();
  for (const q of quads) {
    for (const t of [q.subject, q.predicate, q.object]) if (t.termType === 'NamedNode') iris.add(t.value);
    const datatype = q.object.termType === 'Literal' && !q.object.language ? q.object.datatype.value : undefined;
    if (datatype && datatype !== `${PREFIXES.xsd}string`) iris.add(datatype);
  }
  const namespaces = Object.entries(PREFIXES);
  return Object.fromEntries(namespaces.filter(([, ns]) => [...iris].some((iri) => iri.startsWith(ns))));
}

/**
 * JSON-LD (flattened: one node object per subject, in the quads' order) with a
 * context of the prefixes used. Expands to exactly the quads given.
 * @param {Quad[]} quads
 * @returns {{ '@context': Record<string, string>, '@graph': Array<Record<string, unknown>> }}
 */
export function toJsonLd(quads) {
  const prefixes = usedPrefixes(quads);
  const entries = Object.entries(prefixes);
  /** @param {string} value */
  const compact = (value) => {
    for (const [p, ns] of entries) {
      const local = value.slice(ns.length);
      if (value.startsWith(ns) && local && /^[A-Za-z_][\w.-]*$/.test(local)) return `${p}:${local}`;
    }
    return value;
  };
  /** @type {Map<string, Record<string, unknown>>} */
  const nodes = new Map();
  for (const q of quads) {
    let node = nodes.get(q.subject.value);
    if (!node) nodes.set(q.subject.value, (node = { '@id': compact(q.subject.value) }));
    if (q.predicate.value === PREFIXES.rdf + 'type' && q.object.termType === 'NamedNode') {
      const types = /** @type {string[] | undefined} */ (node['@type']);
      node['@type'] = [...(types ?? []), compact(q.object.value)];
      continue;
    }
    const key = compact(q.predicate.value);
    const values = /** @type {unknown[]} */ (node[key] ??= []);
    values.push(jsonLdValue(q.object, compact));
  }
  return { '@context': prefixes, '@graph': [...nodes.values()] };
}

/** @param {ObjectTerm} o @param {(iri: string) => string} compact */
function jsonLdValue(o, compact) {
  if (o.termType === 'NamedNode') return { '@id': compact(o.value) };
  if (o.termType !== 'Literal') throw new Error(`skos: no JSON-LD for a ${o.termType} object`);
  if (o.language) return { '@value': o.value, '@language': o.language };
  const datatype = o.datatype.value;
  if (datatype === `${PREFIXES.xsd}string`) return o.value;
  return { '@value': o.value, '@type': compact(datatype) };
}

/** @param {unknown} doc */
const jsonText = (doc) => `${JSON.stringify(doc, null, 2)}\n`;

/**
 * Template filters: `{{ glossary | skosTurtle(site, page.url) }}` for the whole scheme,
 * `{{ concept | skosConceptTurtle(site, page.url) }}` for one concept (which reads only that concept, so its
 * files can be reused when it did not change); the same for JSON-LD.
 * @param {{ addFilter(name: string, fn: (...args: any[]) => unknown): void }} eleventyConfig
 */
export function registerSkosFilters(eleventyConfig) {
  eleventyConfig.addFilter(
    'skosTurtle',
    (/** @type {Concept[]} */ glossary, /** @type {SiteConfig} */ site, /** @type {string} */ fileUrl) =>
      toTurtle(schemeQuads(glossary, site, fileUrl)),
  );
  eleventyConfig.addFilter(
    'skosJsonLd',
    (/** @type {Concept[]} */ glossary, /** @type {SiteConfig} */ site, /** @type {string} */ fileUrl) =>
      jsonText(toJsonLd(schemeQuads(glossary, site, fileUrl))),
  );
  eleventyConfig.addFilter(
    'skosConceptTurtle',
    (/** @type {Concept} */ concept, /** @type {SiteConfig} */ site, /** @type {string} */ fileUrl) =>
      toTurtle(conceptQuads(concept, site, fileUrl)),
  );
  eleventyConfig.addFilter(
    'skosConceptJsonLd',
    (/** @type {Concept} */ concept, /** @type {SiteConfig} */ site, /** @type {string} */ fileUrl) =>
      jsonText(toJsonLd(conceptQuads(concept, site, fileUrl))),
  );
}
