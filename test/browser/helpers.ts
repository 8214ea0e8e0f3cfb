import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { launch, serve } from '../support/browser.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The widths every page is looked at: a desktop and a phone. */
export const WIDTHS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;
export type Width = keyof typeof WIDTHS;
export type Scheme = 'light' | 'dark';

export interface Site {
  browser: Browser;
  url: string;
  /** Opens a page of the site at a width, in the system's light or dark theme. */
  open: (path: string, options?: { width?: Width; scheme?: Scheme }) => Promise<Page>;
  close: () => Promise<void>;
}

/** Serves a built site and starts Chromium on it. */
export async function openSite(dir: string, base = '/'): Promise<Site> {
  const server = await serve(dir, base);
  const browser = await launch();
  return {
    browser,
    url: server.url,
    open: async (path, { width = 'desktop', scheme = 'light' } = {}) => {
      const page = await browser.newPage({ viewport: WIDTHS[width], colorScheme: scheme, reducedMotion: 'reduce' });
      await page.goto(server.url + path);
      return page;
    },
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** The results of a search once they are shown. */
export const results = (page: Page) => page.locator('.results .result');

/** Serious and critical WCAG A/AA violations on the page, as `rule: target` lines. */
export async function violations(page: Page): Promise<string[]> {
  // The page's Content-Security-Policy forbids inline script, so axe is evaluated through
  // the DevTools protocol, which the policy does not govern.
  await page.evaluate(axeSource);
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.targets.join(', ')}`);
}
