// A sitemap needs absolute URLs: it is written only when SITE_URL is set.
export default {
  eleventyComputed: {
    /** @param {{ site: { siteUrl: string } }} data */
    permalink: (data) => (data.site.siteUrl ? '/sitemap.xml' : false),
  },
};
