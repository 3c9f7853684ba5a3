// The SKOS export's pure functions (site/_config/skos.js) on a small glossary, without
// building a site: IRIs with and without a site URL, Turtle ≡ JSON-LD, publisher and
// contact point from the site settings, and SHACL conformance of a configured export.
import { describe, expect, it } from 'vitest';
import { siteConfig } from '../../site/_config/site-config.js';
import {
  CONCEPT_STATUS,
  conceptQuads,
  iriResolver,
  RELATIONSHIP_WITH_SOURCE,
  schemeQuads,
  toJsonLd,
  toTurtle,
} from '../../site/_config/skos.js';
import { renderMarkdown } from '../../pipeline/link/markdown.ts';
import { Graph, graphKeys, HAVE_SHAPES, ns, parseJsonLd, parseTurtle, quadKey, validateShacl } from './rdf.ts';

type Concept = Parameters<typeof conceptQuads>[0];

/** Markdown rendered as the pipeline emits it (`begrep:` links resolve to the concept's page). */
const rendered = (markdown: string) => {
  const r = renderMarkdown(markdown, (kind, id) => `/${kind}/${id}/`);
  return { markdown, html: r.html, text: r.text, lines: r.lines };
};
/** A value whose text the RDF must keep exactly (quotes, backslashes, angle brackets). */
const literalText = (text: string) => ({ markdown: text, html: '', text, lines: text });
const link = (id: string, label: string) => ({ id, label, url: `/begrep/${id}/` });
const GLOSSARY: Concept[] = [
  {
    id: 'foretak',
    url: '/begrep/foretak/',
    termNb: 'foretak',
    termNn: 'føretak',
    termEn: 'enterprise',
    admitted: ['virksomhet'],
    discouraged: ['bedrift'],
    definition: literalText('Organisasjon som driver «næring» – med "anførsel", \\skråstrek og <vinkel>.'),
    sourceRelation: 'egendefinert',
    related: [],
    broader: [],
    narrower: [link('samvirkeforetak', 'samvirkeforetak')],
    subject: 'Organisasjonsformer',
    status: 'godkjent',
    note: rendered('To kjennetegn:\n\n1. Eies av [noen](begrep:x) & drives.\n2. Har <formål>.'),
  },
  {
    id: 'samvirkeforetak',
    url: '/begrep/samvirkeforetak/',
    termNb: 'samvirkeforetak',
    termNn: 'samvirkeføretak',
    admitted: ['SA'],
    discouraged: [],
    definition: rendered('Foretak som eies av medlemmene.'),
    source: { id: 'kilde-2020', label: 'Kilden (2020)', url: '/bibliografi/kilde-2020/' },
    locator: 's. 12',
    sourceRelation: 'sitat fra kilde',
    related: [],
    broader: [link('foretak', 'foretak')],
    narrower: [],
    status: 'utkast',
    example: rendered('Et *boligbyggelag*.'),
  },
];

const ABSOLUTE = siteConfig({ SITE_URL: 'https://kb.example.no/', PATH_PREFIX: '/kb/' });
const RELATIVE = siteConfig({});
const SCHEME_FILE = '/begrep/begreper.ttl';

describe('IRIs', () => {
  it('are the site URLs under SITE_URL and the path prefix', () => {
    const iri = iriResolver(ABSOLUTE, SCHEME_FILE);
    expect(iri('/begrep/foretak/')).toBe('https://kb.example.no/kb/begrep/foretak/');
    expect(iri('https://elsewhere.example/x')).toBe('https://elsewhere.example/x');
    const g = new Graph(schemeQuads(GLOSSARY, ABSOLUTE, SCHEME_FILE));
    const self = 'https://kb.example.no/kb/begrep/foretak/';
    expect(g.isA(self, ns.skos('Concept'))).toBe(true);
    const [id] = g.objects(self, ns.dct('identifier'));
    expect(id).toMatchObject({ termType: 'Literal', value: self, datatype: { value: ns.xsd('anyURI') } });
  });

  it('are relative to the file without SITE_URL, and resolve to the same graph as the absolute export', () => {
    for (const [file, quadsFor] of [
      [SCHEME_FILE, (site: typeof ABSOLUTE, f: string) => schemeQuads(GLOSSARY, site, f)],
      ['/begrep/foretak/begrep.ttl', (site: typeof ABSOLUTE, f: string) => conceptQuads(GLOSSARY[0]!, site, f)],
    ] as const) {
      const relative = toTurtle(quadsFor(RELATIVE, file));
      expect(relative).not.toContain('kb.example.no');
      expect(relative).toMatch(/<\.\.\/(\.\.\/)?begrep\/foretak\/>/);
      // Resolved against the file's own URL on the host, the relative file says what the absolute one says.
      const resolved = parseTurtle(relative, `https://kb.example.no/kb${file}`);
      const absolute = parseTurtle(toTurtle(quadsFor(ABSOLUTE, file)), 'https://unused.example/');
      // dct:identifier is the IRI itself when relative (a literal would not be resolved), xsd:anyURI when absolute.
      const asIri = (key: string) =>
        key.replace(/<http:\/\/purl\.org\/dc\/terms\/identifier> "([^"]+)"\^\^<[^>]+anyURI>/, '<http://purl.org/dc/terms/identifier> <$1>');
      expect(new Set([...graphKeys(resolved)].map(asIri))).toEqual(new Set([...graphKeys(absolute)].map(asIri)));
    }
  });
});

describe('Turtle and JSON-LD', () => {
  it('say the same, for the scheme and for each concept, with and without SITE_URL', async () => {
    for (const site of [ABSOLUTE, RELATIVE]) {
      const cases = [
        { file: '/begrep/begreper', quads: (f: string) => schemeQuads(GLOSSARY, site, f) },
        ...GLOSSARY.map((c) => ({ file: `${c.url}begrep`, quads: (f: string) => conceptQuads(c, site, f) })),
      ];
      for (const { file, quads } of cases) {
        const base = `https://host.example/sti${file}`;
        const turtle = parseTurtle(toTurtle(quads(`${file}.ttl`)), `${base}.ttl`);
        const jsonld = await parseJsonLd(JSON.stringify(toJsonLd(quads(`${file}.jsonld`))), `${base}.jsonld`);
        expect(graphKeys(jsonld)).toEqual(graphKeys(turtle));
        expect(turtle.length).toBe(quads(`${file}.ttl`).length);
      }
    }
  });

  it('keep quotes, backslashes, angle brackets and line breaks in literals', () => {
    const g = new Graph(parseTurtle(toTurtle(schemeQuads(GLOSSARY, ABSOLUTE, SCHEME_FILE)), 'https://x.example/'));
    const self = 'https://kb.example.no/kb/begrep/foretak/';
    expect(g.values(self, ns.skos('definition'))).toEqual([GLOSSARY[0]!.definition.lines]);
    expect(g.values(self, ns.skos('scopeNote'))).toEqual(['To kjennetegn:\n1. Eies av noen & drives.\n2. Har <formål>.']);
  });

  it('are deterministic', () => {
    expect(toTurtle(schemeQuads(GLOSSARY, ABSOLUTE, SCHEME_FILE))).toBe(toTurtle(schemeQuads(GLOSSARY, ABSOLUTE, SCHEME_FILE)));
    expect(JSON.stringify(toJsonLd(schemeQuads(GLOSSARY, RELATIVE, SCHEME_FILE)))).toBe(
      JSON.stringify(toJsonLd(schemeQuads(GLOSSARY, RELATIVE, SCHEME_FILE))),
    );
  });

  it('write a concept file whose every triple is in the scheme', () => {
    const scheme = graphKeys(schemeQuads(GLOSSARY, ABSOLUTE, SCHEME_FILE));
    for (const c of GLOSSARY) {
      const missing = conceptQuads(c, ABSOLUTE, `${c.url}begrep.ttl`)
        .map(quadKey)
        .filter((k) => !scheme.has(k));
      expect(missing).toEqual([]);
    }
  });
});

describe('the concept in SKOS', () => {
  const g = new Graph(schemeQuads(GLOSSARY, ABSOLUTE, SCHEME_FILE));
  const iri = iriResolver(ABSOLUTE, SCHEME_FILE);
  const foretak = iri('/begrep/foretak/');
  const sa = iri('/begrep/samvirkeforetak/');

  it('has its terms as pref/alt/hidden labels', () => {
    expect(g.objects(foretak, ns.skos('prefLabel')).map((o) => [o.value, 'language' in o ? o.language : ''])).toEqual([
      ['foretak', 'nb'],
      ['føretak', 'nn'],
      ['enterprise', 'en'],
    ]);
    expect(g.values(foretak, ns.skos('altLabel'))).toEqual(['virksomhet']);
    expect(g.values(foretak, ns.skos('hiddenLabel'))).toEqual(['bedrift']);
  });

  it('has its definition with source, locator and relationship with source', () => {
    const [definition] = g.values(sa, ns.euvoc('xlDefinition'));
    expect(g.isA(definition!, ns.euvoc('XlNote'))).toBe(true);
    expect(g.values(definition!, ns.rdf('value'))).toEqual(['Foretak som eies av medlemmene.']);
    expect(g.values(definition!, ns.dct('source'))).toEqual([iri('/bibliografi/kilde-2020/'), 'Kilden (2020), s. 12']);
    expect(g.values(definition!, ns.skosno('relationshipWithSource'))).toEqual([
      'https://data.norge.no/vocabulary/relationship-with-source-type#direct-from-source',
    ]);
    const [own] = g.values(foretak, ns.euvoc('xlDefinition'));
    expect(g.values(own!, ns.skosno('relationshipWithSource'))).toEqual([
      'https://data.norge.no/vocabulary/relationship-with-source-type#self-composed',
    ]);
    expect(g.values(own!, ns.dct('source'))).toEqual([]);
  });

  it('maps the three relations to source to the code values of data.norge.no', () => {
    expect(Object.fromEntries(Object.entries(RELATIONSHIP_WITH_SOURCE).map(([k, v]) => [k, v.code]))).toEqual({
      egendefinert: 'self-composed',
      'basert på kilde': 'derived-from-source',
      'sitat fra kilde': 'direct-from-source',
    });
  });

  it('has hierarchy both as SKOS and as generic relations, and a top concept', () => {
    expect(g.values(sa, ns.skos('broader'))).toEqual([foretak]);
    expect(g.values(sa, ns.xkos('specializes'))).toEqual([foretak]);
    expect(g.values(foretak, ns.xkos('generalizes'))).toEqual([sa]);
    expect(g.values(iri('/begrep/'), ns.skos('hasTopConcept'))).toEqual([foretak]);
    expect(g.values(foretak, ns.skos('topConceptOf'))).toEqual([iri('/begrep/')]);
  });

  it('has status as text and as EU concept-status code', () => {
    expect(g.values(sa, ns.euvoc('status'))).toEqual(['utkast']);
    expect(g.values(sa, ns.adms('status'))).toEqual([CONCEPT_STATUS.utkast]);
    expect(g.values(foretak, ns.adms('status'))).toEqual(['http://publications.europa.eu/resource/authority/concept-status/CURRENT']);
  });

  it('has the example and subject as text', () => {
    expect(g.values(sa, ns.skos('example'))).toEqual(['Et boligbyggelag.']);
    expect(g.objects(foretak, ns.dct('subject'))).toMatchObject([{ value: 'Organisasjonsformer', language: 'nb' }]);
  });
});

describe('publisher and contact point from the site settings', () => {
  it('default to Kildebank on its own about page, with no e-mail address', () => {
    const g = new Graph(schemeQuads(GLOSSARY, ABSOLUTE, SCHEME_FILE));
    const [publisher] = g.values('https://kb.example.no/kb/begrep/foretak/', ns.dct('publisher'));
    expect(publisher).toBe('https://kb.example.no/kb/om/#utgiver');
    expect(g.isA(publisher!, ns.org('Organization'))).toBe(true);
    expect(g.values(publisher!, ns.foaf('name'))).toEqual(['Kildebank']);
    const [contact] = g.values('https://kb.example.no/kb/begrep/foretak/', ns.dcat('contactPoint'));
    expect(g.isA(contact!, ns.vcard('Organization'))).toBe(true);
    expect(g.values(contact!, ns.vcard('hasURL'))).toEqual(['https://kb.example.no/kb/om/']);
    expect(g.values(contact!, ns.vcard('hasEmail'))).toEqual([]);
  });

  it('come from KILDEBANK_PUBLISHER_NAME, KILDEBANK_PUBLISHER_URI and KILDEBANK_CONTACT_EMAIL', () => {
    const site = siteConfig({
      SITE_URL: 'https://kb.example.no',
      KILDEBANK_PUBLISHER_NAME: 'Eksempel kommune',
      KILDEBANK_PUBLISHER_URI: 'https://data.norge.no/organizations/123456785',
      KILDEBANK_CONTACT_EMAIL: 'mailto:post@eksempel.kommune.no',
    });
    expect(site.publisher).toEqual({ name: 'Eksempel kommune', configured: true, uri: 'https://data.norge.no/organizations/123456785' });
    expect(site.contact).toEqual({ email: 'post@eksempel.kommune.no', url: '/om/', page: '' });
    const g = new Graph(conceptQuads(GLOSSARY[0]!, site, '/begrep/foretak/begrep.ttl'));
    const self = 'https://kb.example.no/begrep/foretak/';
    expect(g.values(self, ns.dct('publisher'))).toEqual(['https://data.norge.no/organizations/123456785']);
    expect(g.values('https://data.norge.no/organizations/123456785', ns.foaf('name'))).toEqual(['Eksempel kommune']);
    const [contact] = g.values(self, ns.dcat('contactPoint'));
    expect(g.values(contact!, ns.vcard('hasEmail'))).toEqual(['mailto:post@eksempel.kommune.no']);
  });

  it('refuse values that would not make valid IRIs', () => {
    expect(() => siteConfig({ KILDEBANK_PUBLISHER_URI: 'Eksempel kommune' })).toThrow(/KILDEBANK_PUBLISHER_URI/);
    expect(() => siteConfig({ KILDEBANK_PUBLISHER_URI: 'https://x.example/a b' })).toThrow(/KILDEBANK_PUBLISHER_URI/);
    expect(() => siteConfig({ KILDEBANK_CONTACT_EMAIL: 'post at eksempel.no' })).toThrow(/KILDEBANK_CONTACT_EMAIL/);
  });
});

describe("the pipeline's structured text, which the SKOS literals use", () => {
  it('keeps paragraphs and list items on lines of their own and decodes entities', () => {
    expect(rendered('A [lenke](/x/).\n\n- en\n- to &amp; tre').lines).toBe('A lenke.\n– en\n– to & tre');
    expect(rendered('1. a\n   1. b\n2. c').lines).toBe('1. a\n1. b\n2. c');
  });
});

describe.skipIf(!HAVE_SHAPES)('SKOS-AP-NO-Begrep v2 shapes (read from ../shared/reference/)', () => {
  it('accept the export with a configured publisher and contact e-mail, absolute and resolved relative', async () => {
    const site = siteConfig({
      KILDEBANK_PUBLISHER_URI: 'https://data.norge.no/organizations/123456785',
      KILDEBANK_CONTACT_EMAIL: 'post@eksempel.no',
    });
    for (const s of [site, { ...site, siteUrl: 'https://kb.example.no' }]) {
      const quads = parseTurtle(toTurtle(schemeQuads(GLOSSARY, s, SCHEME_FILE)), `https://kb.example.no${SCHEME_FILE}`);
      const outcome = await validateShacl(quads);
      expect(outcome.violations).toEqual([]);
      expect(outcome.conforms).toBe(true);
    }
  });

  it('reject a concept without a nynorsk term (the check is live)', async () => {
    const broken = [{ ...GLOSSARY[1]!, termNn: undefined, broader: [] }];
    const outcome = await validateShacl(schemeQuads(broken, ABSOLUTE, SCHEME_FILE));
    expect(outcome.conforms).toBe(false);
    expect(outcome.violations.join('\n')).toMatch(/nn/);
  });
});
