import type { APIRoute } from 'astro';
import config from 'virtual:handbook/config';
import { basename } from 'node:path';
import { ROUTES } from '../integrations/routes.ts';
import { devState } from '../lib/dev-state.ts';
import { lastChangesOnce } from '../lib/last-updated.ts';
import { href, site } from '../lib/site.ts';
import { sitemapEntries, sitemapXml } from '../lib/sitemap-view.ts';
import { COLLECTIONS } from '../schemas/index.ts';

/** Every page of the handbook for search engines, records with the date their file last changed. */
export const GET: APIRoute = async (context) => {
  const { records, people, teams } = await site();
  const changes = lastChangesOnce(config.content, devState()?.generation);
  const model = {
    collections: COLLECTIONS,
    records: records.map((r) => ({ url: r.url, lastmod: changes.get(`${r.collection}/${basename(r.entry.filePath ?? '')}`)?.date.slice(0, 10) })),
    people: [...people.keys()],
    teams: [...teams.keys()],
  };
  const body = sitemapXml(sitemapEntries(ROUTES, model, href), context.site ?? new URL('http://localhost/'));
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
