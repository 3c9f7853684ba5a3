// Site-wide settings from the environment: sub-path, public URL, and who publishes
// the glossary (the publisher and contact point that SKOS-AP-NO-Begrep requires).

/**
 * @typedef {object} SiteConfig
 * @property {string} title
 * @property {string} description
 * @property {string} lang
 * @property {string} pathPrefix Sub-path the site is served under, always with leading and trailing '/'.
 * @property {string} siteUrl Public URL without trailing slash, or '' when unknown.
 * @property {{ name: string, uri: string }} publisher Who publishes the content. `uri` is an
 *   absolute IRI, or a site path ('/om/#utgiver') that is resolved like every site link.
 * @property {{ email: string, url: string }} contact The contact point: `email` ('' when not
 *   configured) and `url`, the page to contact the publisher through (a site path or an absolute URL).
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
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), midi=(), accelerometer=(), gyroscope=(), magnetometer=(), browsing-topics=()',
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
  if (!/^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]+$/i.test(v)) throw new Error(`${name} must be an absolute IRI such as https://example.org/, not '${v}'`);
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
  return {
    title: 'Kildebank',
    description: 'Kilder og begreper om sosiale entreprenører som samarbeidspartnere for kommunene.',
    lang: 'nb',
    pathPrefix: normalisePrefix(env.PATH_PREFIX),
    siteUrl: (env.SITE_URL ?? '').trim().replace(/\/+$/, ''),
    publisher: {
      name: (env.KILDEBANK_PUBLISHER_NAME ?? '').trim() || 'Kildebank',
      uri: envIri(env.KILDEBANK_PUBLISHER_URI, 'KILDEBANK_PUBLISHER_URI') ?? `${ABOUT_PATH}#utgiver`,
    },
    contact: {
      email: envEmail(env.KILDEBANK_CONTACT_EMAIL, 'KILDEBANK_CONTACT_EMAIL'),
      url: ABOUT_PATH,
    },
  };
}
