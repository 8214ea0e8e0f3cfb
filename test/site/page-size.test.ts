import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { heaviestRecordPages, PAGE_BUDGET, RAW_CEILING, recordPages, TOGGLE_BUDGET, weighPage } from '../../bench/page-weight.ts';

const dir = inject('siteDir');

/** A built site of a few files, for holding the guard to what it must catch. */
function site(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'handbook-weight-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const page = (head: string, body = ''): string => `<!doctype html><html><head>${head}</head><body><main>${body}</main></body></html>`;

describe('a record page of the example handbook', () => {
  const pages = recordPages(dir);

  it(`weighs at most ${PAGE_BUDGET / 1024} KB of HTML and the CSS it loads as downloaded, and ${RAW_CEILING / 1024} KB uncompressed`, () => {
    expect(pages.length).toBe(40);
    const heavy = pages.map((p) => weighPage(dir, p)).filter((weight) => weight.transferBytes > PAGE_BUDGET || weight.bytes > RAW_CEILING);
    expect(heavy.map((w) => `${w.page}: ${w.htmlBytes} B HTML + ${w.cssBytes} B CSS, ${w.transferBytes} B compressed`)).toEqual([]);
  });

  it('runs no script but search and the theme toggle', () => {
    const others = pages.flatMap((p) =>
      weighPage(dir, p)
        .scripts.filter((s) => s.role === 'other')
        .map((s) => `${s.source} on ${p}`),
    );
    expect(others).toEqual([]);
  });

  it('is weighed by the benchmark at the heaviest page of each kind', () => {
    const heaviest = heaviestRecordPages(dir);
    expect(heaviest.map((w) => w.page.split('/')[0]).sort()).toEqual(['decisions', 'outcomes', 'postmortems']);
    const all = pages.map((p) => weighPage(dir, p));
    expect(Math.max(...heaviest.map((w) => w.bytes))).toBe(Math.max(...all.map((w) => w.bytes)));
  });
});

describe('the page-weight guard', () => {
  it('counts the HTML and each stylesheet the page links, once', () => {
    const root = site({
      'decisions/a/index.html': page('<link rel="stylesheet" href="/_astro/a.css"><link rel="stylesheet" href="/_astro/a.css"><link rel="stylesheet" href="/_astro/b.css">'),
      '_astro/a.css': 'a'.repeat(15_000),
      '_astro/b.css': 'b'.repeat(6_000),
    });
    const weight = weighPage(root, 'decisions/a');
    expect(weight.cssBytes).toBe(21_000);
    expect(weight.bytes).toBe(weight.htmlBytes + 21_000);
    expect(weight.bytes).toBeGreaterThan(PAGE_BUDGET);
    // Repeated text compresses to almost nothing: what a reader downloads is far less.
    expect(weight.transferBytes).toBeLessThan(2_000);
  });

  it('catches a page whose download is over budget, however it is written', () => {
    const root = site({
      'decisions/a/index.html': page('<link rel="stylesheet" href="/_astro/a.css">'),
      '_astro/a.css': `/* ${randomBytes(24 * 1024).toString('base64')} */`,
    });
    expect(weighPage(root, 'decisions/a').transferBytes).toBeGreaterThan(PAGE_BUDGET);
  });

  it('tells search and a theme toggle from any other script, inline, linked or preloaded', () => {
    const root = site({
      'outcomes/a/index.html': page(
        '<script>document.documentElement.dataset.theme = localStorage.getItem("theme")</script><script type="module" src="/_astro/search.js"></script><link rel="modulepreload" href="/_astro/chart.js">',
        '<script src="/pagefind/pagefind-ui.js"></script><script>fetch("https://tracker.example/hit")</script><script type="application/ld+json">{"@type":"Article"}</script>',
      ),
      '_astro/search.js': 'const pagefind = await import("/pagefind/pagefind.js");',
      '_astro/chart.js': 'export const chart = 1;',
      'pagefind/pagefind-ui.js': `/* ${'search UI '.repeat(2000)} */`,
    });
    expect(weighPage(root, 'outcomes/a').scripts.map((s) => `${s.role}: ${s.source}`)).toEqual([
      'theme toggle: inline',
      'search: /_astro/search.js',
      'other: /_astro/chart.js',
      'search: /pagefind/pagefind-ui.js',
      'other: inline',
    ]);
  });

  it('does not take a large script for a theme toggle because it mentions the theme', () => {
    const root = site({ 'outcomes/a/index.html': page(`<script>/* theme */ ${'x'.repeat(TOGGLE_BUDGET)}</script>`) });
    expect(weighPage(root, 'outcomes/a').scripts.map((s) => s.role)).toEqual(['other']);
  });

  it('resolves the site’s files under its base path', () => {
    const root = site({ 'postmortems/a/index.html': page('<link rel="stylesheet" href="/handbook/_astro/a.css">'), '_astro/a.css': 'a'.repeat(100) });
    expect(weighPage(root, 'postmortems/a', '/handbook/').cssBytes).toBe(100);
  });
});
