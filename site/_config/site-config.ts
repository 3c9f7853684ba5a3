/** Site-wide settings from the environment: sub-path and public URL. */

export interface SiteConfig {
  title: string;
  description: string;
  lang: string;
  /** Sub-path the site is served under, always with leading and trailing '/'. */
  pathPrefix: string;
  /** Public URL without trailing slash, or '' when unknown. */
  siteUrl: string;
}

export function normalisePrefix(prefix: string | undefined): string {
  const trimmed = (prefix ?? '/').trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

export function siteConfig(env: Record<string, string | undefined>): SiteConfig {
  return {
    title: 'Kildebank',
    description: 'Kilder og begreper om sosiale entreprenører som samarbeidspartnere for kommunene.',
    lang: 'nb',
    pathPrefix: normalisePrefix(env.PATH_PREFIX),
    siteUrl: (env.SITE_URL ?? '').trim().replace(/\/+$/, ''),
  };
}
