import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, inject, it } from 'vitest';

const dir = inject('siteDir');

interface Page {
  file: string;
  tree: Root;
  text: string;
}

let pages: Map<string, Page>;

beforeAll(() => {
  const html = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.html'));
  pages = new Map(
    html.map((e) => {
      const file = join(e.parentPath, e.name);
      const text = readFileSync(file, 'utf8');
      const path = `/${relative(dir, file).replace(/index\.html$/, '')}`;
      return [path, { file, tree: fromHtml(text), text }];
    }),
  );
});

function page(path: string): Page {
  const found = pages.get(path);
  if (!found) throw new Error(`No page at ${path}`);
  return found;
}

function elements(tree: Root | Element, test: (e: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (e: Element) => {
    if (test(e)) found.push(e);
  });
  return found;
}

const byId = (tree: Root, id: string) => elements(tree, (e) => e.properties['id'] === id)[0];
const text = (e: Element | undefined) => (e ? toString(e).replace(/\s+/g, ' ').trim() : '');
/** The section of a page under the `h2` with this text, up to the next `h2`. */
function section(path: string, heading: string): string {
  const html = page(path).text;
  const start = html.search(new RegExp(`<h2[^>]*>${heading}</h2>`));
  if (start < 0) return '';
  const next = html.indexOf('<h2', start + 3);
  return html.slice(start, next < 0 ? undefined : next);
}

describe('a crawl of every built page', () => {
  it('finds exactly one h1 on each page', () => {
    const wrong = [...pages].flatMap(([path, { tree }]) => {
      const count = elements(tree, (e) => e.tagName === 'h1').length;
      return count === 1 ? [] : [`${path}: ${count}`];
    });
    expect(pages.size).toBeGreaterThan(60);
    expect(wrong).toEqual([]);
  });

  it('follows every internal link and asset to a file, and every #fragment to an element with that id', () => {
    const ids = new Map([...pages].map(([path, { tree }]) => [path, new Set(elements(tree, (e) => typeof e.properties['id'] === 'string').map((e) => String(e.properties['id'])))]));
    const broken: string[] = [];
    for (const [path, { tree }] of pages) {
      for (const e of elements(tree, (el) => typeof el.properties['href'] === 'string' || typeof el.properties['src'] === 'string')) {
        const url = String(e.properties['href'] ?? e.properties['src']);
        if (/^[a-z]+:/i.test(url) || url.startsWith('//')) continue;
        const resolved = new URL(url, `http://site${path}`);
        const target = decodeURIComponent(resolved.pathname);
        const exists = target.endsWith('/') ? existsSync(join(dir, target, 'index.html')) : existsSync(join(dir, target));
        if (!exists) broken.push(`${path} → ${url}`);
        else if (resolved.hash && target.endsWith('/') && !ids.get(target)?.has(decodeURIComponent(resolved.hash.slice(1)))) broken.push(`${path} → ${url} (no such id)`);
      }
    }
    expect(broken).toEqual([]);
  });
});

describe('labels true to the data', () => {
  it('counts a register by what it lists, then by status', () => {
    const lede = text(elements(page('/postmortems/').tree, (e) => (e.properties['className'] as string[] | undefined)?.includes('lede') === true)[0]);
    expect(lede).toContain('11 postmortems: 2 in review, 9 published.');
    expect(lede).not.toContain('11 published');
  });

  it("lists a proposed decision under a decider's \"To decide\", never under \"Decided\"", () => {
    expect(section('/people/priya/', 'To decide')).toContain('href="/decisions/0013-grpc-for-internal-apis/"');
    expect(section('/people/priya/', 'Decided')).not.toContain('0013-grpc-for-internal-apis');
    expect(section('/people/priya/', 'Decided')).toContain('href="/decisions/0007-weekly-on-call-rotation/"');
  });

  it('labels a decision on the timeline by what happened that day, not by its status now', () => {
    const timeline = page('/timeline/').text;
    const events = [...timeline.matchAll(/<time datetime="([^"]+)">[^<]*<\/time><\/span><span><span class="what">([^<]*)(?:<a href="[^"]*">[^<]*<\/a>)?<\/span><br><a href="\/decisions\/0009-managed-kafka\/"/g)].map((m) => [m[1], m[2]]);
    expect(events).toEqual([
      ['2026-04-27', 'Decision superseded by '],
      ['2025-10-20', 'Decision accepted'],
    ]);
  });

  it('explains doors and statuses where they are shown, on a page generated from the model', () => {
    const record = page('/decisions/0009-managed-kafka/').text;
    expect(record).toMatch(/<a class="badge warn" href="\/about\/#doors">one-way<\/a>/);
    expect(record).toMatch(/<a class="badge dim" href="\/about\/#status-superseded">superseded<\/a>/);
    const about = page('/about/').tree;
    expect(text(byId(about, 'doors'))).toBe('Doors');
    for (const status of ['committed', 'achieved', 'missed', 'dropped', 'proposed', 'accepted', 'rejected', 'superseded', 'deprecated', 'in-review', 'published']) {
      expect(byId(about, `status-${status}`), status).toBeDefined();
    }
    expect(page('/about/').text).toContain('Adds to <strong>proposed</strong>: fields <code>decided</code>');
  });

  it('shows team names, not ids, in registers and links them to a teams index', () => {
    const row = page('/decisions/').text.match(/<tr[^>]*data-team="platform"[^>]*>[\s\S]*?<\/tr>/)?.[0] ?? '';
    expect(row).toContain('<a href="/teams/platform/">Platform</a>');
    expect(row).not.toMatch(/<td[^>]*>platform<\/td>/);
    const teams = page('/teams/').text;
    for (const [id, name] of [['payments', 'Payments'], ['ledger', 'Ledger'], ['platform', 'Platform'], ['risk', 'Risk']]) expect(teams).toContain(`<a href="/teams/${id}/">${name}</a>`);
  });

  it("shows on the home page who owns what needs attention, how late it is, and links each count to its filtered register", () => {
    const home = page('/').text;
    expect(home).toContain('href="/decisions/?status=accepted"');
    expect(home).toContain('href="/postmortems/?status=in-review"');
    const overdue = home.slice(home.indexOf('id="overdue"'), home.indexOf('id="waiting"'));
    expect(overdue).toMatch(/Batch merchant payouts into four daily windows<\/a><span class="item-meta">Review overdue · <a href="\/people\/noor\/">Noor Haddad<\/a><\/span><span class="item-side overdue">87 days late/);
  });
});

describe('the basics of a published site', () => {
  it('has a 404 page with search and the registers', () => {
    const notFound = readFileSync(join(dir, '404.html'), 'utf8');
    expect(notFound).toContain('<h1>Page not found</h1>');
    expect(notFound).toContain('action="/search/"');
    expect(notFound).toContain('href="/decisions/"');
  });

  it('lists every page in sitemap.xml, with the date a record last changed, and points robots.txt at it', () => {
    const sitemap = new XMLParser().parse(readFileSync(join(dir, 'sitemap.xml'), 'utf8')) as { urlset: { url: { loc: string; lastmod?: string }[] } };
    const locs = sitemap.urlset.url.map((u) => new URL(u.loc).pathname);
    const html = [...pages.keys()].filter((p) => !p.startsWith('/404')).sort();
    expect([...locs].sort()).toEqual(html);
    expect(sitemap.urlset.url.find((u) => u.loc === 'https://tillwave.github.io/decisions/0009-managed-kafka/')?.lastmod).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(readFileSync(join(dir, 'robots.txt'), 'utf8')).toContain('Sitemap: https://tillwave.github.io/sitemap.xml');
  });

  it('describes every page for link previews, records as articles', () => {
    for (const [path, { tree }] of pages) {
      const meta = (key: string) => elements(tree, (e) => e.tagName === 'meta' && (e.properties['property'] === key || e.properties['name'] === key))[0]?.properties['content'];
      expect(meta('og:title'), path).toBeTruthy();
      expect(meta('description'), path).toBeTruthy();
    }
    const record = page('/decisions/0009-managed-kafka/').tree;
    const og = (key: string) => elements(record, (e) => e.properties['property'] === key)[0]?.properties['content'];
    expect([og('og:type'), og('og:url'), og('og:title')]).toEqual(['article', 'https://tillwave.github.io/decisions/0009-managed-kafka/', 'Move the event bus to a managed Kafka service']);
    expect(elements(page('/').tree, (e) => e.tagName === 'link' && String(e.properties['rel']) === 'icon')).toHaveLength(1);
  });

  it('gives long records a table of contents and every section heading an anchor', () => {
    const record = page('/postmortems/2026-07-19-refund-api-errors/').tree;
    const toc = elements(record, (e) => e.tagName === 'nav' && String(e.properties['ariaLabelledBy']) === 'toc-heading')[0];
    expect(elements(toc!, (e) => e.tagName === 'a').map((a) => a.properties['href'])).toEqual(['#summary', '#impact', '#timeline', '#root-causes', '#what-went-well', '#what-went-wrong']);
    const anchor = elements(record, (e) => (e.properties['className'] as string[] | undefined)?.includes('heading-anchor') === true)[0];
    expect(anchor?.properties).toMatchObject({ href: '#summary', ariaLabel: 'Link to this section: Summary' });
    // Three sections are not long: no table of contents.
    expect(page('/outcomes/2026-q2-checkout-p99/').text).not.toContain('toc-heading');
  });

  it('shows when each record last changed, from git, with the commit', () => {
    const updated = elements(page('/decisions/0009-managed-kafka/').tree, (e) => e.properties['dataLastUpdated'] !== undefined)[0];
    expect(text(updated)).toMatch(/^Last changed \d{1,2} \w+ \d{4} in commit [0-9a-f]{7}$/);
    expect(elements(updated!, (e) => e.tagName === 'a')[0]?.properties['href']).toMatch(/^https:\/\/github\.com\/tillwave\/handbook\/commit\/[0-9a-f]{40}$/);
  });

  it('prints a record without the site around it', () => {
    const css = readdirSync(join(dir, '_astro')).filter((f) => f.endsWith('.css')).map((f) => readFileSync(join(dir, '_astro', f), 'utf8')).join('\n');
    const print = css.slice(css.indexOf('@media print'));
    expect(print).toMatch(/\.site-header/);
    expect(print).toMatch(/\.site-footer/);
    expect(print).toMatch(/color-scheme:\s*light/);
  });
});

describe('search that is part of the site', () => {
  /** What Pagefind indexed for a page, read from its compressed fragment. */
  function indexed(url: string): { content: string; filters: Record<string, string[]>; meta: Record<string, string> } {
    for (const file of readdirSync(join(dir, 'pagefind/fragment'))) {
      const raw = gunzipSync(readFileSync(join(dir, 'pagefind/fragment', file))).toString('utf8');
      const fragment = JSON.parse(raw.slice(raw.indexOf('{'))) as { url: string; content: string; filters: Record<string, string[]>; meta: Record<string, string> };
      if (fragment.url === url) return fragment;
    }
    throw new Error(`${url} is not indexed`);
  }

  it('indexes the names of the people and team of a record, and its severity, as words', () => {
    const incident = indexed('/postmortems/2026-05-05-dns-resolver-change/');
    expect(incident.content).toMatch(/Owner: [A-Z][a-z]+ [A-Z][a-z]+\./);
    expect(incident.content).toContain('Severity: sev1.');
    expect(indexed('/decisions/0014-blue-green-deploys-for-checkout/').content).toContain('Priya Raman');
  });

  it('filters by ids, ranks by standing, and shows the owner by name', () => {
    const old = indexed('/decisions/0002-kafka-as-the-event-bus/');
    expect(old.filters).toMatchObject({ kind: ['decisions'], status: ['superseded'], owner: ['tomasz'], team: ['platform'], standing: ['set-aside'], door: ['one-way'] });
    expect(old.meta).toMatchObject({ kind: 'Decision', status: 'superseded', owner: 'Tomasz Wójcik', date: '2025-02-05' });
    expect(indexed('/decisions/0015-transactional-outbox-events/').filters['standing']).toEqual(['current']);
  });

  it('keeps record pages free of any script beyond search and the theme', () => {
    const scripts = elements(page('/decisions/0009-managed-kafka/').tree, (e) => e.tagName === 'script');
    expect(scripts.map((s) => s.properties['src'] ?? text(s))).toEqual([expect.stringMatching(/^var d=document\.documentElement;d\.classList\.add\("js"\)/), expect.stringMatching(/prefers-color-scheme[\s\S]*data-search-input/)]);
  });
});
