/**
 * Who publishes the site, how to reach them, and when it was last updated:
 * from the environment, in the footer of every page and on the about page;
 * honest lines when they are not configured, and never the clock.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteConfig } from '../../site/_config/site-config.js';
import { buildInto, type BuiltSite } from '../helpers/built-site.ts';
import { SHIPPED_DATA } from '../helpers/fixtures.ts';
import { htmlFiles } from '../helpers/site-files.ts';

const TRUST_ENV = {
  KILDEBANK_PUBLISHER_NAME: 'Eksempel kommune',
  KILDEBANK_CONTACT_EMAIL: 'post@eksempel.no',
  KILDEBANK_CONTACT_URL: 'https://eksempel.no/kontakt',
  KILDEBANK_LAST_UPDATED: '2025-03-14',
};

/** Build with these variables set (Eleventy runs in a child process that inherits the environment). */
async function buildWith(env: Record<string, string | undefined>): Promise<BuiltSite> {
  const saved = Object.fromEntries(Object.keys(TRUST_ENV).map((k) => [k, process.env[k]]));
  for (const key of Object.keys(TRUST_ENV)) {
    if (env[key] === undefined) delete process.env[key];
    else process.env[key] = env[key];
  }
  try {
    return await buildInto(SHIPPED_DATA);
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

const footer = (html: string) => /<footer class="site-footer">([\s\S]*?)<\/footer>/.exec(html)?.[1] ?? '';

describe('trust settings from the environment', () => {
  it('are read and checked', () => {
    const site = siteConfig(TRUST_ENV);
    expect(site.publisher).toMatchObject({ name: 'Eksempel kommune', configured: true });
    expect(site.contact).toMatchObject({ email: 'post@eksempel.no', page: 'https://eksempel.no/kontakt', url: '/om/' });
    expect(site.lastUpdated).toBe('2025-03-14');
    expect(siteConfig({})).toMatchObject({
      publisher: { name: 'Kildebank', configured: false },
      contact: { email: '', page: '' },
      lastUpdated: '',
    });
    expect(() => siteConfig({ KILDEBANK_LAST_UPDATED: '14.03.2025' })).toThrow(/KILDEBANK_LAST_UPDATED/);
    expect(() => siteConfig({ KILDEBANK_LAST_UPDATED: '2025-02-30' })).toThrow(/KILDEBANK_LAST_UPDATED/);
    expect(() => siteConfig({ KILDEBANK_LAST_UPDATED: '2025-13-01' })).toThrow(/KILDEBANK_LAST_UPDATED/);
    expect(() => siteConfig({ KILDEBANK_CONTACT_URL: 'javascript:alert(1)' })).toThrow(/KILDEBANK_CONTACT_URL/);
  });
});

describe('publisher, contact and last update in the built site', () => {
  let configured: BuiltSite;
  let plain: BuiltSite;
  beforeAll(async () => {
    configured = await buildWith(TRUST_ENV);
    plain = await buildWith({});
  }, 120_000);
  afterAll(async () => {
    await rm(configured.root, { recursive: true, force: true });
    await rm(plain.root, { recursive: true, force: true });
  });

  it('are in the footer of every page when configured', async () => {
    // Every page of the site; the downloads (a reference list as a standalone HTML document) are files, not pages.
    const pages = (await htmlFiles(configured.dist)).filter((f) => !f.includes(`${path.sep}nedlasting${path.sep}`));
    expect(pages.length).toBeGreaterThan(60);
    for (const file of pages) {
      const text = footer(await readFile(file, 'utf8'));
      expect(text, file).toContain('Utgiver: Eksempel kommune.');
      expect(text, file).toContain('<a href="mailto:post@eksempel.no">post@eksempel.no</a>');
      expect(text, file).toContain('<a href="https://eksempel.no/kontakt">kontaktsiden</a>');
      // The page of an undated entry has no <time>: Zotero would take it as the entry's date.
      const undated = configured.dataset.bibliography.some(
        (e) => !e.year && !e.date && file.endsWith(path.join(...e.url.split('/').filter(Boolean), 'index.html')),
      );
      expect(text, file).toContain(
        undated ? 'Sist oppdatert 14. mars 2025.' : 'Sist oppdatert <time datetime="2025-03-14">14. mars 2025</time>.',
      );
    }
  });

  it('are on the about page when configured', async () => {
    const about = await configured.page('/om/');
    expect(about).toContain('Kildebank utgis av Eksempel kommune.');
    expect(about).toMatch(
      /<p id="kontakt">[^<]*<a href="mailto:post@eksempel.no">post@eksempel.no<\/a> eller gjennom <a href="https:\/\/eksempel.no\/kontakt">kontaktsiden<\/a>/,
    );
    expect(about).toContain('Innholdet ble sist oppdatert <time datetime="2025-03-14">14. mars 2025</time>.');
    expect(about).not.toContain('ikke oppgitt');
  });

  it('say honestly what is not configured, and take no date from the clock', async () => {
    const about = await plain.page('/om/');
    expect(about).toContain('Utgiveren er ikke oppgitt for dette nettstedet.');
    expect(about).toContain('Det er ikke oppgitt noen kontaktadresse for dette nettstedet ennå');
    expect(about).toContain('Det er ikke oppgitt når innholdet sist ble oppdatert.');
    const newest = plain.dataset.facets.newest[0]!.dateAdded;
    expect(about).toContain(`Den nyeste kilden i bibliografien ble lagt til <time datetime="${newest}">`);
    const home = footer(await plain.page('/'));
    expect(home).not.toContain('Sist oppdatert');
    expect(home).not.toContain('mailto:');
    expect(home).toContain(`Nyeste kilde lagt til <time datetime="${newest}">`);
  });
});
