// The SKOS files of a real build of the shipped data, with SITE_URL (absolute IRIs) and
// without (relative IRIs): every file parses, JSON-LD says what Turtle says, the whole
// scheme follows the plain SKOS rules and conforms to the SKOS-AP-NO-Begrep v2 shapes,
// and the concept pages and the glossary index link to the files.
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteConfig } from '../../site/_config/site-config.js';
import { conceptFiles, conceptQuads, PREFIXES, SCHEME_FILES, schemeQuads, toJsonLd, toTurtle } from '../../site/_config/skos.js';
import { buildInto, type BuiltSite } from '../helpers/built-site.ts';
import { SHIPPED_DATA } from '../helpers/fixtures.ts';
import { Graph, graphKeys, HAVE_SHAPES, ns, parseJsonLd, parseTurtle, quadKey, validateShacl } from './rdf.ts';

const SITE_URL = 'https://kildebank.example.no';
const PREFIX = '/kb/';
/** Where the relative build is pretended to be served, to resolve its relative IRIs. */
const SOMEWHERE = 'https://vert.example/en/sti/';
const RELATIONSHIP_CODES = 'https://data.norge.no/vocabulary/relationship-with-source-type#';

interface Variant {
  name: string;
  site: BuiltSite;
  /** The public URL of a site path. */
  url(sitePath: string): string;
  env: Record<string, string>;
}
const variants: Variant[] = [];

beforeAll(async () => {
  // One after the other: Pagefind runs one service per process.
  const absolute = await buildInto(SHIPPED_DATA, { siteUrl: SITE_URL, pathPrefix: PREFIX });
  const relative = await buildInto(SHIPPED_DATA);
  variants.push(
    {
      name: 'with SITE_URL',
      site: absolute,
      url: (p) => `${SITE_URL}${PREFIX}${p.replace(/^\//, '')}`,
      env: { SITE_URL, PATH_PREFIX: PREFIX },
    },
    { name: 'without SITE_URL', site: relative, url: (p) => `${SOMEWHERE}${p.replace(/^\//, '')}`, env: {} },
  );
});
afterAll(() => Promise.all(variants.map((v) => rm(v.site.root, { recursive: true, force: true }))));

const read = (v: Variant, sitePath: string) => readFile(path.join(v.site.dist, sitePath), 'utf8');
/** The export files of a build: the scheme's and every concept's. */
function files(v: Variant) {
  return [SCHEME_FILES, ...v.site.dataset.glossary.map(conceptFiles)];
}
async function schemeGraph(v: Variant) {
  return new Graph(parseTurtle(await read(v, SCHEME_FILES.turtle), v.url(SCHEME_FILES.turtle)));
}

describe.each(['with SITE_URL', 'without SITE_URL'])('SKOS files, built %s', (name) => {
  const v = () => variants.find((x) => x.name === name)!;

  it('exist for the scheme and for every concept, and are what skos.js writes for the built data', async () => {
    const { glossary } = v().site.dataset;
    const site = siteConfig(v().env);
    expect(await read(v(), SCHEME_FILES.turtle)).toBe(toTurtle(schemeQuads(glossary, site, SCHEME_FILES.turtle)));
    expect(await read(v(), SCHEME_FILES.jsonld)).toBe(
      `${JSON.stringify(toJsonLd(schemeQuads(glossary, site, SCHEME_FILES.jsonld)), null, 2)}\n`,
    );
    for (const c of glossary) {
      const f = conceptFiles(c);
      expect(await read(v(), f.turtle)).toBe(toTurtle(conceptQuads(c, site, f.turtle)));
      expect(await read(v(), f.jsonld)).toBe(`${JSON.stringify(toJsonLd(conceptQuads(c, site, f.jsonld)), null, 2)}\n`);
    }
  });

  it('parse: every Turtle file with n3, every JSON-LD file as JSON and as RDF with the same triples', async () => {
    for (const f of files(v())) {
      const turtle = parseTurtle(await read(v(), f.turtle), v().url(f.turtle));
      expect(turtle.length).toBeGreaterThan(10);
      const text = await read(v(), f.jsonld);
      expect(() => JSON.parse(text)).not.toThrow();
      const jsonld = await parseJsonLd(text, v().url(f.jsonld));
      expect(graphKeys(jsonld), f.jsonld).toEqual(graphKeys(turtle));
    }
  });

  it('use absolute IRIs only with SITE_URL, relative ones that stay inside the site without', async () => {
    const text = await read(v(), SCHEME_FILES.turtle);
    const external =
      /^(https:\/\/data\.norge\.no\/|https:\/\/organization-catalog\.fellesdatakatalog\.digdir\.no\/|http:\/\/publications\.europa\.eu\/|mailto:)/;
    const iris = (await schemeGraph(v())).quads
      .flatMap((q) => [q.subject, q.object])
      .filter((t) => t.termType === 'NamedNode')
      .map((t) => t.value);
    const ours = iris.filter((iri) => !external.test(iri) && !Object.values(PREFIXES).some((vocabulary) => iri.startsWith(vocabulary)));
    expect(ours.length).toBeGreaterThan(100);
    for (const iri of ours) expect(iri.startsWith(v().url('/')), iri).toBe(true);
    if (v().name === 'with SITE_URL') expect(text).toContain(`<${SITE_URL}${PREFIX}begrep/`);
    // Relative to the file, never to the host's root, so the files work under any path.
    else expect(text).not.toMatch(/kildebank\.example|<\//);
  });

  it("put every concept file's triples in the whole scheme", async () => {
    const scheme = graphKeys((await schemeGraph(v())).quads);
    for (const c of v().site.dataset.glossary) {
      const f = conceptFiles(c);
      const missing = parseTurtle(await read(v(), f.turtle), v().url(f.turtle))
        .map(quadKey)
        .filter((k) => !scheme.has(k));
      expect(missing, c.id).toEqual([]);
    }
  });

  it('follow the plain SKOS rules and say what the glossary says', async () => {
    const g = await schemeGraph(v());
    const [scheme, ...others] = g.subjectsOfType(ns.skos('ConceptScheme'));
    expect(others).toEqual([]);
    expect(scheme).toBe(v().url('/begrep/'));
    expect(g.objects(scheme!, ns.dct('title'))).toContainEqual(expect.objectContaining({ termType: 'Literal', language: 'nb' }));

    const { glossary } = v().site.dataset;
    const inScheme = g.subjectsOfType(ns.skos('Concept')).filter((c) => g.values(c, ns.skos('inScheme')).includes(scheme!));
    expect(inScheme.sort()).toEqual(glossary.map((c) => v().url(c.url)).sort());
    // Every other skos:Concept is a code value the definitions refer to.
    for (const c of g.subjectsOfType(ns.skos('Concept'))) if (!inScheme.includes(c)) expect(c.startsWith(RELATIONSHIP_CODES)).toBe(true);

    for (const c of glossary) {
      const self = v().url(c.url);
      const pref = g.objects(self, ns.skos('prefLabel')).map((o) => ({ value: o.value, lang: o.termType === 'Literal' ? o.language : '' }));
      const langs = pref.map((p) => p.lang);
      expect(new Set(langs).size, `${c.id}: one prefLabel per language`).toBe(langs.length);
      expect(langs, c.id).toEqual(expect.arrayContaining(['nb', 'nn']));
      expect(pref).toEqual([
        { value: c.termNb, lang: 'nb' },
        ...(c.termNn ? [{ value: c.termNn, lang: 'nn' }] : []),
        ...(c.termEn ? [{ value: c.termEn, lang: 'en' }] : []),
      ]);
      const label = (p: string) => g.objects(self, ns.skos(p)).map((o) => `${o.value}@${o.termType === 'Literal' ? o.language : ''}`);
      const [prefs, alts, hidden] = [label('prefLabel'), label('altLabel'), label('hiddenLabel')];
      expect(alts).toEqual(c.admitted.map((t) => `${t}@nb`));
      expect(hidden).toEqual(c.discouraged.map((t) => `${t}@nb`));
      const all = [...prefs, ...alts, ...hidden];
      expect(new Set(all).size, `${c.id}: pref/alt/hidden labels overlap`).toBe(all.length);

      expect(g.values(self, ns.skos('definition'))).toEqual([c.definition.lines]);
      const [definition] = g.values(self, ns.euvoc('xlDefinition'));
      expect(g.values(definition!, ns.rdf('value'))).toEqual([c.definition.lines]);
      if (c.source) expect(g.values(definition!, ns.dct('source'))).toContain(v().url(c.source.url));
      for (const [links, property] of [
        [c.related, 'related'],
        [c.broader, 'broader'],
        [c.narrower, 'narrower'],
      ] as const) {
        expect(g.values(self, ns.skos(property))).toEqual(links.map((l) => v().url(l.url)));
        for (const l of links) expect(inScheme).toContain(v().url(l.url));
      }
      // Required by SKOS-AP-NO-Begrep on every concept.
      expect(g.objects(self, ns.dct('identifier'))).toHaveLength(1);
      expect(g.values(self, ns.dct('publisher'))).toEqual([v().url('/om/#utgiver')]);
      expect(g.values(self, ns.dcat('contactPoint'))).toEqual([v().url('/om/#kontakt')]);
    }
    expect(g.isA(v().url('/om/#utgiver'), ns.org('Organization'))).toBe(true);
    expect(g.isA(v().url('/om/#kontakt'), ns.vcard('Organization'))).toBe(true);
    expect(g.values(v().url('/om/#kontakt'), ns.vcard('hasEmail'))).toEqual([]);
  });

  it('refer to pages that exist in the build', async () => {
    const g = await schemeGraph(v());
    const root = v().url('/');
    const sitePaths = new Set(
      g.quads
        .flatMap((q) => [q.subject, q.object])
        .filter((t) => t.termType === 'NamedNode' && t.value.startsWith(root))
        .map((t) => `/${t.value.slice(root.length).replace(/#.*$/, '')}`),
    );
    expect([...sitePaths].filter((p) => p.startsWith('/bibliografi/')).length).toBeGreaterThan(0);
    for (const p of sitePaths) {
      if (p === '/om/' && !existsSync(path.join(v().site.dist, 'om', 'index.html'))) {
        console.warn('SKOS: the publisher and contact point IRIs point at /om/, which this build does not have yet.');
        continue;
      }
      expect(existsSync(path.join(v().site.dist, p, 'index.html')), p).toBe(true);
    }
  });

  it.skipIf(!HAVE_SHAPES)('conform to the SKOS-AP-NO-Begrep v2 shapes (whole scheme)', async () => {
    const outcome = await validateShacl((await schemeGraph(v())).quads);
    if (!outcome.conforms) console.error(`SHACL violations (${v().name}):\n${outcome.violations.join('\n')}`);
    expect(outcome.violations).toEqual([]);
    expect(outcome.conforms).toBe(true);
  });
});

describe('links to the SKOS files', () => {
  /** The site paths of a page's href values, resolved against the page (they are written relative). */
  function hrefs(html: string, pageUrl: string, selector: RegExp = /<a [^>]*href="([^"]+)"/g): string[] {
    const base = new URL(pageUrl, 'https://x.invalid');
    return [...html.matchAll(selector)].map((m) => new URL(m[1]!.replace(/&amp;/g, '&'), base).pathname);
  }

  it('from every concept page: Turtle and JSON-LD, as links and as alternates in the head', async () => {
    for (const v of variants) {
      for (const c of v.site.dataset.glossary) {
        const html = await v.site.page(c.url);
        const section = html.slice(html.indexOf('id="rdf-heading"'));
        expect(section, c.id).toContain('Maskinlesbart');
        const links = hrefs(section, c.url);
        const f = conceptFiles(c);
        expect(links).toEqual(expect.arrayContaining([f.turtle, f.jsonld]));
        for (const l of [f.turtle, f.jsonld]) expect(existsSync(path.join(v.site.dist, l))).toBe(true);
        const head = html.slice(0, html.indexOf('</head>'));
        expect(hrefs(head, c.url, /<link rel="alternate" type="text\/turtle" href="([^"]+)"/g)).toEqual([f.turtle]);
        expect(hrefs(head, c.url, /<link rel="alternate" type="application\/ld\+json" href="([^"]+)"/g)).toEqual([f.jsonld]);
      }
    }
  });

  it('from the glossary index: the whole scheme', async () => {
    for (const v of variants) {
      const html = await v.site.page('/begrep/');
      const links = hrefs(html, '/begrep/');
      expect(links).toEqual(expect.arrayContaining([SCHEME_FILES.turtle, SCHEME_FILES.jsonld]));
      const head = html.slice(0, html.indexOf('</head>'));
      expect(hrefs(head, '/begrep/', /<link rel="alternate" type="text\/turtle" href="([^"]+)"/g)).toEqual([SCHEME_FILES.turtle]);
    }
  });
});
