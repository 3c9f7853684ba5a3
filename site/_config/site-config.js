// Site-wide settings from the environment: sub-path and public URL.

/**
 * @typedef {object} SiteConfig
 * @property {string} title
 * @property {string} description
 * @property {string} lang
 * @property {string} pathPrefix Sub-path the site is served under, always with leading and trailing '/'.
 * @property {string} siteUrl Public URL without trailing slash, or '' when unknown.
 */

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
  };
}
