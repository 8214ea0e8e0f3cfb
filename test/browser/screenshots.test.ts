import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SYSTEM_CHROMIUM } from '../support/chromium.ts';
import { openSite, results, type Scheme, type Site, type Width } from './helpers.ts';

/**
 * Screenshots of the main page types, kept in the repository and compared pixel by pixel.
 * Fonts differ between Debian's Chromium (what CI runs) and the one in @sparticuz/chromium,
 * so each keeps its own baselines. `UPDATE_SCREENSHOTS=1` rewrites them on purpose.
 */
const FLAVOUR = inject('chromium') === SYSTEM_CHROMIUM ? 'debian' : 'packaged';
const BASELINES = join('test/browser/screenshots', FLAVOUR);
const ARTIFACTS = 'test-results/screenshots';
/** A channel must move this much (of 255) for a pixel to count as changed: anti-aliasing noise stays below it. */
const CHANNEL_THRESHOLD = 48;
/** The share of pixels that may change before the page counts as changed. */
const MAX_CHANGED = 0.005;

const SHOTS: [name: string, path: string, width: Width, scheme: Scheme][] = [
  ['home', '', 'desktop', 'light'],
  ['home', '', 'phone', 'dark'],
  ['register', 'decisions/', 'desktop', 'dark'],
  ['register', 'decisions/', 'phone', 'light'],
  ['record', 'postmortems/2026-07-19-refund-api-errors/', 'desktop', 'light'],
  ['record', 'postmortems/2026-07-19-refund-api-errors/', 'phone', 'dark'],
  ['search', 'search/?q=kafka', 'desktop', 'light'],
  ['search', 'search/?q=kafka', 'phone', 'dark'],
];

let site: Site;
let comparer: Page;

beforeAll(async () => {
  site = await openSite(inject('siteDir'));
  comparer = await site.browser.newPage();
});

afterAll(async () => {
  await site?.close();
});

/** How many pixels of two PNGs differ, decoded and compared by the browser itself. */
function difference(a: Buffer, b: Buffer): Promise<{ width: number; height: number; sameSize: boolean; changed: number }> {
  return comparer.evaluate(
    async ([first, second, threshold]) => {
      const pixels = async (base64: string) => {
        const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext('2d')!;
        context.drawImage(bitmap, 0, 0);
        return context.getImageData(0, 0, bitmap.width, bitmap.height);
      };
      const [x, y] = await Promise.all([pixels(first), pixels(second)]);
      if (x.width !== y.width || x.height !== y.height) return { width: x.width, height: x.height, sameSize: false, changed: x.width * x.height };
      let changed = 0;
      for (let i = 0; i < x.data.length; i += 4) {
        if (Math.max(Math.abs(x.data[i]! - y.data[i]!), Math.abs(x.data[i + 1]! - y.data[i + 1]!), Math.abs(x.data[i + 2]! - y.data[i + 2]!)) > threshold) changed += 1;
      }
      return { width: x.width, height: x.height, sameSize: true, changed };
    },
    [a.toString('base64'), b.toString('base64'), CHANNEL_THRESHOLD] as const,
  );
}

describe('screenshots of the main page types', () => {
  for (const [name, path, width, scheme] of SHOTS) {
    const file = `${name}-${width}-${scheme}.png`;
    it(`keeps the ${name} page as it looks on a ${width} in the ${scheme} theme`, async () => {
      const page = await site.open(path, { width, scheme });
      if (path.startsWith('search/')) await results(page).first().waitFor();
      await page.evaluate(() => document.fonts.ready);
      // The last change of a record comes from git history, which moves with every commit.
      const shot = await page.screenshot({ animations: 'disabled', caret: 'hide', mask: [page.locator('[data-last-updated]')] });
      await page.close();
      const baseline = join(BASELINES, file);
      if (process.env['UPDATE_SCREENSHOTS'] === '1' || !existsSync(baseline)) {
        expect(process.env['UPDATE_SCREENSHOTS'], `${baseline} is missing: run UPDATE_SCREENSHOTS=1 to create it`).toBe('1');
        mkdirSync(BASELINES, { recursive: true });
        writeFileSync(baseline, shot);
        return;
      }
      const diff = await difference(shot, readFileSync(baseline));
      if (!diff.sameSize || diff.changed / (diff.width * diff.height) > MAX_CHANGED) {
        mkdirSync(ARTIFACTS, { recursive: true });
        writeFileSync(join(ARTIFACTS, file), shot);
      }
      expect(diff.sameSize, `${file} changed size`).toBe(true);
      expect(diff.changed / (diff.width * diff.height), `${file}: ${diff.changed} pixels changed; the new screenshot is in ${ARTIFACTS}`).toBeLessThanOrEqual(MAX_CHANGED);
    });
  }
});
