import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import type { RecordsJson } from '../../src/lib/exports.ts';
import { loadHandbook } from '../../src/records/load.ts';

const dir = inject('siteDir');
const handbook = loadHandbook('content');
const records = handbook.records.map((r) => ({ ref: r.ref, status: String(r.data['status']) }));
const published = records.filter((r) => r.status !== 'draft').map((r) => r.ref);
const drafts = records.filter((r) => r.status === 'draft').map((r) => r.ref);

function files(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

const page = (path: string): string => readFileSync(join(dir, path, 'index.html'), 'utf8');

/** The pages Pagefind indexed, read from its compressed fragments. */
function indexedUrls(): string[] {
  return files(join(dir, 'pagefind/fragment')).map((file) => {
    const text = gunzipSync(readFileSync(file)).toString('utf8');
    return (JSON.parse(text.slice(text.indexOf('{'))) as { url: string }).url;
  });
}

let html: Map<string, string>;
beforeAll(() => {
  html = new Map(files(dir).filter((f) => f.endsWith('.html')).map((f) => [relative(dir, f), readFileSync(f, 'utf8')]));
});

describe('the built example handbook', () => {
  it('has a page for every published record and none for a draft', () => {
    expect(published.length).toBe(40);
    for (const ref of published) expect(existsSync(join(dir, ref, 'index.html')), ref).toBe(true);
    for (const ref of drafts) expect(existsSync(join(dir, ref)), ref).toBe(false);
  });

  it('never mentions a draft on any page or in the search index', () => {
    expect(drafts.length).toBe(4);
    const ids = drafts.map((ref) => ref.split('/')[1]!);
    for (const [file, text] of html) for (const id of ids) expect(text.includes(id), `${id} in ${file}`).toBe(false);
    const index = files(join(dir, 'pagefind')).map((f) => (f.endsWith('.pf_fragment') ? gunzipSync(readFileSync(f)).toString('utf8') : ''));
    for (const id of ids) expect(index.some((text) => text.includes(id)), id).toBe(false);
  });

  it('indexes exactly the published record pages for search', () => {
    const entry = JSON.parse(readFileSync(join(dir, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0)).toBe(published.length);
    expect(indexedUrls().sort()).toEqual(published.map((ref) => `/${ref}/`).sort());
  });

  it('lists backlinks from frontmatter references and body links', () => {
    // 0009 supersedes 0002; the refund postmortem links 0014 in its body.
    expect(page('decisions/0002-kafka-as-the-event-bus')).toMatch(/Referenced by[\s\S]*href="\/decisions\/0009-managed-kafka\/"/);
    expect(page('decisions/0014-blue-green-deploys-for-checkout')).toMatch(/Referenced by[\s\S]*href="\/postmortems\/2026-07-19-refund-api-errors\/"/);
  });

  it('renders body links as links with the target title', () => {
    expect(page('postmortems/2026-07-19-refund-api-errors')).toMatch(/<a href="\/decisions\/0014-blue-green-deploys-for-checkout\/"[^>]*>[^<]*[Bb]lue-green[^<]*<\/a>/);
    expect(page('postmortems/2026-07-19-refund-api-errors')).not.toContain('[[decisions/');
  });

  it('marks a superseded decision with a banner naming its replacement', () => {
    expect(page('decisions/0002-kafka-as-the-event-bus')).toMatch(/class="banner"[^>]*>Superseded by <a href="\/decisions\/0009-managed-kafka\/"/);
    expect(page('decisions/0009-managed-kafka')).toMatch(/Supersedes <a href="\/decisions\/0002-kafka-as-the-event-bus\/"/);
  });

  it('emits search filters and meta on record pages', () => {
    const text = page('postmortems/2026-07-19-refund-api-errors');
    expect(text).toContain('data-pagefind-filter="kind">postmortems<');
    expect(text).toContain('data-pagefind-filter="severity">');
    expect(text).toContain('data-pagefind-meta="title">');
    expect(page('decisions/0009-managed-kafka')).toContain('data-pagefind-filter="door">');
  });

  it('lists every published record in its register, superseded ones marked', () => {
    for (const collection of ['outcomes', 'decisions', 'postmortems']) {
      const register = page(collection);
      for (const ref of published.filter((r) => r.startsWith(`${collection}/`))) expect(register, ref).toContain(`href="/${ref}/"`);
    }
    expect(page('decisions')).toMatch(/0002-kafka-as-the-event-bus[\s\S]{0,400}superseded/);
  });

  it('shows what needs attention at the date the build judges by', () => {
    const home = page('');
    expect(home).toMatch(/Needs attention/i);
    expect(page('reviews')).toMatch(/overdue/i);
  });
});

describe('feeds and exports', () => {
  const read = (path: string): string => readFileSync(join(dir, path), 'utf8');
  const feedLinks = (path: string): string[] => {
    const feed = new XMLParser().parse(read(path)) as { rss: { channel: { item: { link: string }[] | { link: string } } } };
    return [feed.rss.channel.item].flat().map((item) => new URL(item.link).pathname.slice(1, -1));
  };

  it('has an RSS feed of every published record and one per kind', () => {
    expect(feedLinks('feed.xml').sort()).toEqual([...published].sort());
    for (const collection of ['outcomes', 'decisions', 'postmortems']) {
      expect(feedLinks(`${collection}/feed.xml`).sort()).toEqual(published.filter((r) => r.startsWith(`${collection}/`)).sort());
    }
  });

  it('exports every published record with derived fields as versioned JSON', () => {
    const json = JSON.parse(read('records.json')) as RecordsJson;
    expect(json.version).toBe(1);
    expect(json.today).toBe('2026-11-24');
    expect(json.records.map((r) => r.ref).sort()).toEqual([...published].sort());
    const old = json.records.find((r) => r.ref === 'decisions/0002-kafka-as-the-event-bus')!;
    expect(old.supersededBy).toBe('0009-managed-kafka');
    expect(old.backlinks).toContain('decisions/0009-managed-kafka');
    expect(old.url).toBe('https://tillwave.github.io/decisions/0002-kafka-as-the-event-bus/');
    expect(old.data['status']).toBe('superseded');
    const late = json.records.filter((r) => r.overdue.review || r.overdue.due || r.overdue.actions > 0).map((r) => r.ref);
    expect(late.length).toBeGreaterThan(0);
    for (const ref of late) expect(page('reviews'), ref).toContain(`/${ref}/`);
  });

  it('lists every published record in llms.txt', () => {
    const text = read('llms.txt');
    expect(text.startsWith('# Tillwave Engineering Handbook\n')).toBe(true);
    const linked = [...text.matchAll(/\]\(https:\/\/tillwave\.github\.io\/([^)]+)\/\)/g)].map((m) => m[1]);
    expect(linked.sort()).toEqual([...published].sort());
  });
});
