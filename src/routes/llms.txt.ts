import type { APIRoute } from 'astro';
import config from 'virtual:handbook/config';
import { KIND_LABELS } from '../lib/labels.ts';
import { href, site } from '../lib/site.ts';
import { COLLECTIONS } from '../schemas/index.ts';

/** The llms.txt index: every published record by kind, with its status and summary, for tools. */
export const GET: APIRoute = async (context) => {
  const { byCollection } = await site();
  const origin = context.site ?? new URL('http://localhost/');
  const sections = COLLECTIONS.map((kind) => {
    const lines = byCollection[kind].map((r) => `- [${r.data.title}](${new URL(r.url, origin).href}): ${r.data.status}${r.data.summary ? `. ${r.data.summary}` : ''}`);
    return `## ${KIND_LABELS[kind]?.many ?? kind}\n\n${lines.join('\n')}`;
  });
  const text = [
    `# ${config.title}`,
    `> The team's outcomes (owned, measurable commitments), decision memos and blameless postmortems. Every record as structured data: ${new URL(href('records.json'), origin).href}`,
    ...sections,
  ].join('\n\n');
  return new Response(`${text}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
