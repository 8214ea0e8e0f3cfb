import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, serve } from '../support/browser.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const ARTIFACTS = 'test-results';

let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  server = await serve(inject('siteDir'));
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string, width = 1280): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(server.url + path);
  return page;
}

const results = (page: Page) => page.locator('.pagefind-ui__result');

async function search(query: string): Promise<Page> {
  const page = await open(`search/?q=${encodeURIComponent(query)}`);
  await results(page).first().waitFor();
  return page;
}

/** Serious and critical WCAG A/AA violations on the page, as `rule: target` lines. */
async function violations(page: Page): Promise<string[]> {
  // The page's Content-Security-Policy forbids inline script, so axe is evaluated through
  // the DevTools protocol, which the policy does not govern.
  await page.evaluate(axeSource);
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.targets.join(', ')}`);
}

describe('search in the browser', () => {
  it('finds the one postmortem that mentions a word', async () => {
    const page = await search('validator');
    await page.waitForTimeout(300);
    expect(await results(page).count()).toBe(1);
    await expect(results(page).first().locator('a').getAttribute('href')).resolves.toBe('/postmortems/2026-07-19-refund-api-errors/');
    await page.close();
  });

  it('narrows the results when a status filter is chosen', async () => {
    const page = await search('kafka');
    const before = await results(page).count();
    const statuses = await results(page).locator('.pagefind-ui__result-tag').allTextContents();
    expect(new Set(statuses.filter((t) => t.startsWith('Status'))).size).toBeGreaterThan(1);
    await page.locator('.pagefind-ui__filter-panel input[type="checkbox"][value="accepted"]').check();
    const shownStatuses = async () => (await results(page).locator('.pagefind-ui__result-tag').allTextContents()).map((t) => t.trim()).filter((t) => t.startsWith('Status'));
    await expect.poll(shownStatuses).toEqual(['Status: accepted', 'Status: accepted']);
    expect(await results(page).count()).toBeLessThan(before);
    await page.close();
  });

  it('can be used with the keyboard alone, from any page to a record', async () => {
    const page = await open('');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/Skip to content/i);
    let focused = '';
    for (let i = 0; i < 20 && focused !== 'search'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type ?? '');
    }
    expect(focused).toBe('search');
    await page.keyboard.type('validator');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=validator/);
    await results(page).first().waitFor();
    let link = '';
    for (let i = 0; i < 40 && !link.includes('/postmortems/'); i++) {
      await page.keyboard.press('Tab');
      link = await page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.getAttribute('href') ?? '');
    }
    expect(link).toBe('/postmortems/2026-07-19-refund-api-errors/');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/postmortems\/2026-07-19-refund-api-errors\/$/);
    expect(await page.locator('h1').textContent()).toBe('Partial refunds returned errors for one API version');
    await page.close();
  });
});

describe('accessibility and layout', () => {
  const pages: [string, string][] = [
    ['home', ''],
    ['record', 'decisions/0002-kafka-as-the-event-bus/'],
    ['search', 'search/?q=kafka'],
  ];

  for (const [name, path] of pages) {
    it(`has no serious or critical accessibility violation on the ${name} page`, async () => {
      const page = await open(path);
      if (name === 'search') await results(page).first().waitFor();
      expect(await violations(page)).toEqual([]);
      await page.close();
    });
  }

  it('fits phone and desktop widths, with screenshots as artifacts', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    for (const width of [1280, 390]) {
      for (const [name, path] of pages) {
        const page = await open(path, width);
        if (name === 'search') await results(page).first().waitFor();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${name} at ${width}px scrolls sideways`).toBeLessThanOrEqual(0);
        await page.screenshot({ path: `${ARTIFACTS}/${name}-${width}.png`, fullPage: true });
        await page.close();
      }
    }
  });
});
