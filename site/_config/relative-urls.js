// Rewrite the site-absolute URLs in a rendered page (href="/begrep/") so the
// site works at any path: relative to the page for ordinary pages (the site
// then also works when its folder is copied elsewhere), and with the path
// prefix for pages served from any depth, such as 404.html.

const SITE_ABSOLUTE = /(\s(?:href|src|action|poster|data-href)=")\/(?!\/)/g;

/**
 * '../' once per folder level of a page URL: '/a/b/' → '../../', '/' → './'.
 * @param {string} pageUrl
 */
export function relativeRoot(pageUrl) {
  const depth = pageUrl.split('/').filter(Boolean).length - (pageUrl.endsWith('/') ? 0 : 1);
  return depth <= 0 ? './' : '../'.repeat(depth);
}

/**
 * @param {string} html
 * @param {string} root
 */
export function rewriteUrls(html, root) {
  return html.replace(SITE_ABSOLUTE, `$1${root}`);
}
