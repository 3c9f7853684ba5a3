// Site-wide settings from the environment: sub-path, public URL, who publishes the
// site and the glossary (the publisher and contact point that SKOS-AP-NO-Begrep
// requires), how to reach them, and when the content was last updated.

/**
 * @typedef {object} SiteConfig
 * @property {string} title
 * @property {string} description
 * @property {string} lang
 * @property {string} pathPrefix Sub-path the site is served under, always with leading and trailing '/'.
 * @property {string} siteUrl Public URL without trailing slash, or '' when unknown.
 * @property {{ name: string, uri: string, configured: boolean }} publisher Who publishes the content.
 *   `uri` is an absolute IRI, or a site path ('/om/#utgiver') that is resolved like every site link.
 *   `configured` is false when the name is the default (the site's own title).
 * @property {{ email: string, url: string, page: string }} contact The contact point: `email` ('' when
 *   not configured); `url`, the site page that describes the contact point (the SKOS contact point's
 *   IRI is built from it); `page`, an absolute http(s) URL of the publisher's own contact page or form
 *   ('' when not configured).
 * @property {string} lastUpdated When the content was last updated, as an ISO date (YYYY-MM-DD), or ''
 *   when not configured. Never taken from the clock: builds of the same data are byte-identical.
 */

/**
 * HTTP headers every file of the site should be served with (written to
 * `dist/_headers`; nginx and Apache equivalents in docs/hosting.md). The site
 * needs nothing from other origins: its scripts, styles, search index and the
 * search's WebAssembly are its own files, the downloads on entry pages are
 * `data:` links (navigations, which the policy does not restrict), and JSON-LD
 * is an inert data block, not a script.
 * @type {Readonly<Record<string, string>>}
 */
export const SECURITY_HEADERS = Object.freeze({
  'Content-Security-Policy': [
    "default-src 'self'",
    // Pagefind compiles its WebAssembly search engine (in a worker from the site's own files).
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; '),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy':
    'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), midi=(), accelerometer=(), gyroscope=(), magnetometer=(), browsing-topics=()',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
});

/** The about page, where the publisher and the contact point are described. */
export const ABOUT_PATH = '/om/';

/**
 * An absolute IRI from the environment, or undefined when unset.
 * @param {string | undefined} value
 * @param {string} name
 */
function envIri(value, name) {
  const v = (value ?? '').trim();
  if (!v) return undefined;
  if (!/^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]+$/i.test(v))
    throw new Error(`${name} must be an absolute IRI such as https://example.org/, not '${v}'`);
  return v;
}

/**
 * An e-mail address from the environment (with or without 'mailto:'), or '' when unset.
 * @param {string | undefined} value
 * @param {string} name
 */
function envEmail(value, name) {
  const v = (value ?? '').trim().replace(/^mailto:/i, '');
  if (v && !/^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(v)) throw new Error(`${name} must be an e-mail address, not '${v}'`);
  return v;
}

/**
 * An http(s) URL from the environment, or '' when unset.
 * @param {string | undefined} value
 * @param {string} name
 */
function envWebUrl(value, name) {
  const v = (value ?? '').trim();
  if (v && !/^https?:\/\/[^\s<>"{}|\\^`]+$/i.test(v))
    throw new Error(`${name} must be an http(s) URL such as https://example.org/kontakt, not '${v}'`);
  return v;
}

/**
 * A calendar date (YYYY-MM-DD) from the environment, or '' when unset.
 * @param {string | undefined} value
 * @param {string} name
 */
function envDate(value, name) {
  const v = (value ?? '').trim();
  if (!v) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  const date = new Date(`${v}T00:00:00Z`);
  const valid = match && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(v);
  if (!valid) throw new Error(`${name} must be a date written YYYY-MM-DD, such as 2025-03-14, not '${v}'`);
  return v;
}

/** @param {string | undefined} prefix */
export function normalisePrefix(prefix) {
  const trimmed = (prefix ?? '/').trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/**
 * @param {Record<string, string | undefined>} env
 * @returns {SiteConfig}
 */
export function siteConfig(env) {
  const publisherName = (env.KILDEBANK_PUBLISHER_NAME ?? '').trim();
  return {
    title: 'Kildebank',
    description: 'Kilder og begreper om sosiale entreprenører som samarbeidspartnere for kommunene.',
    lang: 'nb',
    pathPrefix: normalisePrefix(env.PATH_PREFIX),
    siteUrl: (env.SITE_URL ?? '').trim().replace(/\/+$/, ''),
    publisher: {
      name: publisherName || 'Kildebank',
      configured: publisherName !== '' && publisherName !== 'Kildebank',
      uri: envIri(env.KILDEBANK_PUBLISHER_URI, 'KILDEBANK_PUBLISHER_URI') ?? `${ABOUT_PATH}#utgiver`,
    },
    contact: {
      email: envEmail(env.KILDEBANK_CONTACT_EMAIL, 'KILDEBANK_CONTACT_EMAIL'),
      url: ABOUT_PATH,
      page: envWebUrl(env.KILDEBANK_CONTACT_URL, 'KILDEBANK_CONTACT_URL'),
    },
    lastUpdated: envDate(env.KILDEBANK_LAST_UPDATED, 'KILDEBANK_LAST_UPDATED'),
  };
}
