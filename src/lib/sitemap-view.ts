export interface SitemapModel {
  collections: readonly string[];
  records: readonly { url: string; lastmod: string | undefined }[];
  people: readonly string[];
  teams: readonly string[];
}

export interface SitemapEntry {
  /** Site-absolute, under the base path. */
  path: string;
  /** `YYYY-MM-DD` of the last change, where known. */
  lastmod: string | undefined;
}

/**
 * Every HTML page of the handbook, from its routes and the records, people and teams that
 * fill their parameters: feeds and exports (a file extension), the 404 page and the dev
 * server's own pages are left out.
 */
export function sitemapEntries(routes: readonly (readonly [string, string])[], model: SitemapModel, href: (path: string) => string): SitemapEntry[] {
  const page = (path: string): SitemapEntry => ({ path: href(path), lastmod: undefined });
  return routes.flatMap(([pattern]): SitemapEntry[] => {
    const last = pattern.split('/').at(-1) ?? '';
    if (last.includes('.') || pattern === '/404' || pattern.startsWith('/_')) return [];
    if (pattern === '/[kind]') return model.collections.map((c) => page(`${c}/`));
    if (pattern === '/[kind]/[id]') return model.records.map((r) => ({ path: r.url, lastmod: r.lastmod }));
    if (pattern === '/people/[id]') return model.people.map((id) => page(`people/${id}/`));
    if (pattern === '/teams/[id]') return model.teams.map((id) => page(`teams/${id}/`));
    if (pattern.includes('[')) return [];
    return [page(pattern === '/' ? '' : `${pattern.slice(1)}/`)];
  });
}

const escape = (text: string): string => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** The sitemap document (sitemaps.org protocol) with absolute URLs on `origin`. */
export function sitemapXml(entries: readonly SitemapEntry[], origin: URL): string {
  const urls = entries.map(({ path, lastmod }) => `  <url><loc>${escape(new URL(path, origin).href)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

/** robots.txt: everything may be crawled, and the sitemap says where it all is. */
export function robotsTxt(sitemap: URL): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${sitemap.href}\n`;
}
