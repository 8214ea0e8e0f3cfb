import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../support/built-site.ts';
import { launch, serve } from '../support/browser.ts';

// A GitHub Pages project site lives under /<repository>/.
const BASE = '/handbook/';

let dir: string;
let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  dir = buildSite({ HANDBOOK_BASE: BASE, HANDBOOK_SITE: 'https://tillwave.github.io' });
  server = await serve(dir, BASE);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(join(dir, '..'), { recursive: true, force: true });
});

describe('a handbook served under a base path', () => {
  it('links every page and asset under the base path', () => {
    const pages = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(40);
    for (const entry of pages) {
      const html = readFileSync(join(entry.parentPath, entry.name), 'utf8');
      const outside = [...html.matchAll(/(?:href|src)="(\/[^"]*)"/g)].map((m) => m[1]).filter((url) => !url!.startsWith(BASE));
      expect(outside, entry.name).toEqual([]);
    }
    const json = JSON.parse(readFileSync(join(dir, 'records.json'), 'utf8')) as { records: { url: string }[] };
    expect(json.records.every((r) => r.url.startsWith('https://tillwave.github.io/handbook/'))).toBe(true);
  });

  it('searches and opens a result from a plain static server', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}search/?q=validator`);
    const result = page.locator('.result h3 a').first();
    await result.waitFor();
    expect(await result.getAttribute('href')).toBe('/handbook/postmortems/2026-07-19-refund-api-errors/');
    await result.click();
    await page.waitForURL(/\/handbook\/postmortems\/2026-07-19-refund-api-errors\/$/);
    const response = await page.request.get(`${server.url}_astro/`, { failOnStatusCode: false });
    expect(response.status()).toBe(404);
    expect(await page.locator('link[rel="stylesheet"]').first().getAttribute('href')).toMatch(/^\/handbook\//);
    await page.close();
  });
});
