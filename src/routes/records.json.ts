import type { APIRoute } from 'astro';
import config from 'virtual:handbook/config';
import { recordsJson } from '../lib/exports.ts';
import { site } from '../lib/site.ts';

/** Every published record with its frontmatter and derived fields; the shape is in docs/records-json.md. */
export const GET: APIRoute = async (context) => {
  const { records, backlinks, today } = await site();
  const absolute = records.map((r) => ({ ...r, url: new URL(r.url, context.site ?? 'http://localhost/').href, data: r.data as Record<string, unknown> }));
  return new Response(JSON.stringify(recordsJson(config.title, today, absolute, backlinks), null, 2), { headers: { 'Content-Type': 'application/json' } });
};
