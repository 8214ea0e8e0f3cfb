import rss from '@astrojs/rss';
import config from 'virtual:handbook/config';
import { changedOn } from './exports.ts';
import { KIND_LABELS } from './labels.ts';
import type { SiteRecord } from './site.ts';

/** The most recent entries a feed carries. */
const FEED_LENGTH = 50;

/** An RSS feed of the records that were created or last changed most recently. */
export function recordFeed(records: readonly SiteRecord[], site: URL | undefined, heading: string): Promise<Response> {
  const items = records
    .map((record) => ({ record, changed: changedOn(record.data as Record<string, unknown>) }))
    .sort((a, b) => b.changed.localeCompare(a.changed) || a.record.ref.localeCompare(b.record.ref))
    .slice(0, FEED_LENGTH);
  return rss({
    title: `${config.title}: ${heading}`,
    description: `${heading} of ${config.title} as they are created, decided and closed, newest first.`,
    site: site ?? 'http://localhost/',
    trailingSlash: true,
    items: items.map(({ record, changed }) => ({
      title: `${KIND_LABELS[record.collection]?.one ?? record.collection}: ${record.data.title} (${record.data.status})`,
      link: record.url,
      pubDate: new Date(`${changed}T00:00:00Z`),
      description: record.data.summary,
      categories: [record.collection, record.data.status, ...(record.data.tags ?? [])],
    })),
  });
}
