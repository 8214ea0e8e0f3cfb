import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../support/built-site.ts';
import { launch, serve } from '../support/browser.ts';
import { MINIMAL, tree } from '../support/fixture.ts';

/** Markup that runs script if any page, feed or search result renders it as HTML; each sets a different mark. */
const ATTACKS = [
  '<script>window.__xss = "script"</script>',
  '"><img src=x onerror="window.__xss = \'img\'">',
  "<svg onload=\"window.__xss = 'svg'\"></svg>",
  "javascript:window.__xss = 'href'",
] as const;

/** The minimal handbook with every kind of frontmatter string carrying an attack. */
function hostileHandbook(): string {
  const read = (path: string): string => readFileSync(join(MINIMAL, path), 'utf8');
  const quoted = (text: string): string => JSON.stringify(text);
  return tree({
    'outcomes/faster-checkout.md': read('outcomes/faster-checkout.md')
      .replace('title: Checkout answers within 300 ms', `title: ${quoted(`Checkout ${ATTACKS[0]}`)}`)
      .replace(/^summary: .*$/m, `summary: ${quoted(`Faster ${ATTACKS[1]}`)}`)
      .replace('  - Checkout p99 stays under 300 ms for four consecutive weeks.', `  - ${quoted(`Stays fast ${ATTACKS[2]}`)}`)
      .replace('  - metric: checkout p99 latency', `  - metric: ${quoted(`p99 ${ATTACKS[1]}`)}`)
      // Highlighted code must not need inline styles the policy forbids.
      .concat('\n```ts\nconst budgetMs: number = 300; // p99\n```\n'),
    'decisions/0001-cache-tokens.md': read('decisions/0001-cache-tokens.md').replace(/^title: .*$/m, `title: ${quoted(`Cache tokens ${ATTACKS[2]}`)}`).replace(/^(\s+- name: ).*$/m, `$1${quoted(ATTACKS[3])}`),
    'postmortems/2026-03-02-vault-timeouts.md': read('postmortems/2026-03-02-vault-timeouts.md')
      .replace(/^impact: .*$/m, `impact: ${quoted(`Payments failed ${ATTACKS[0]}`)}`)
      .replace('services: [vault, checkout]', `services: [vault, ${quoted(ATTACKS[1])}]`)
      .replace('  - title: Alert on vault pool saturation', `  - title: ${quoted(`Alert ${ATTACKS[0]}`)}`),
    'people.yaml': read('people.yaml').replace('name: Ana Lima', `name: ${quoted(`Ana ${ATTACKS[1]}`)}`),
    'teams.yaml': read('teams.yaml').replace('name: Core', `name: ${quoted(`Core ${ATTACKS[2]}`)}`),
  });
}

let dir: string;
let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  dir = buildSite({ HANDBOOK_CONTENT: hostileHandbook() });
  server = await serve(dir);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(join(dir, '..'), { recursive: true, force: true });
});

const pages = (): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name === 'index.html')
    .map((e) => relative(dir, join(e.parentPath, e.name)).replace(/index\.html$/, ''));

describe('a <script> or javascript: written in any frontmatter field never runs', () => {
  it('renders every attack as text on every page, with a CSP that forbids inline script, and nothing runs', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
    await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { reportViolation: (t: string) => void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`)));
    expect(pages().length).toBeGreaterThanOrEqual(15);
    for (const path of pages()) {
      await page.goto(`${server.url}${path}`);
      const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
      expect(csp, path).toMatch(/script-src 'self' 'wasm-unsafe-eval'( 'sha256-[^']+')*;/);
      expect(csp, path).not.toContain('unsafe-inline');
      expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss), path).toBeUndefined();
      expect(await page.locator('a[href^="javascript:"]').count(), path).toBe(0);
    }
    await page.goto(`${server.url}outcomes/faster-checkout/`);
    await expect(page.locator('h1').textContent()).resolves.toContain(ATTACKS[0]);
    expect(violations).toEqual([]);
    await page.close();
  });

  it('shows attacks in search results as text, while search itself works under the CSP', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(`${server.url}search/?q=checkout`);
    const result = page.locator('.result').first();
    await result.waitFor();
    expect(await page.locator('.result h3').allTextContents()).toContain(`Checkout ${ATTACKS[0]}`);
    expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
    expect(violations).toEqual([]);
    await page.close();
  });

  it('escapes attacks in the feeds and keeps them as plain strings in records.json and llms.txt', () => {
    const feed = readFileSync(join(dir, 'feed.xml'), 'utf8');
    expect(feed).not.toContain('<script>');
    const channel = new XMLParser().parse(feed).rss.channel as { item: { title: string }[] };
    expect(channel.item.map((item) => item.title)).toContain(`Outcome: Checkout ${ATTACKS[0]} (achieved)`);
    const json = JSON.parse(readFileSync(join(dir, 'records.json'), 'utf8')) as { records: { data: { title: string } }[] };
    expect(json.records.map((r) => r.data.title)).toContain(`Checkout ${ATTACKS[0]}`);
    expect(readFileSync(join(dir, 'llms.txt'), 'utf8')).toContain(`Checkout ${ATTACKS[0]}`);
  });
});
