import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { NAVIGATION } from '../../src/lib/nav-view.ts';
import { openSite, results, violations, WIDTHS, type Scheme, type Site, type Width } from './helpers.ts';

let site: Site;

beforeAll(async () => {
  site = await openSite(inject('siteDir'));
});

afterAll(async () => {
  await site?.close();
});

/** One page of every type the site has; the registers and dashboards come from the navigation. */
const PAGES: [string, string][] = [
  ['home', ''],
  ...NAVIGATION.flatMap((group) => group.links.map(([path, label]): [string, string] => [label.toLowerCase(), path])),
  ['decision', 'decisions/0009-managed-kafka/'],
  ['outcome', 'outcomes/2026-q2-checkout-p99/'],
  ['postmortem', 'postmortems/2026-05-05-dns-resolver-change/'],
  ['person', 'people/priya/'],
  ['team', 'teams/platform/'],
  ['search results', 'search/?q=kafka&kind=decisions'],
  ['filtered register', 'decisions/?status=accepted&sort=title-asc'],
  ['not found', '404.html'],
];

const SCHEMES: Scheme[] = ['light', 'dark'];

describe('accessibility of every page type, light and dark, desktop and phone', () => {
  for (const [name, path] of PAGES) {
    it(`has no serious or critical violation on the ${name} page`, async () => {
      const found: string[] = [];
      for (const width of Object.keys(WIDTHS) as Width[]) {
        for (const scheme of SCHEMES) {
          const page = await site.open(path, { width, scheme });
          if (path.startsWith('search/')) await results(page).first().waitFor();
          found.push(...(await violations(page)).map((v) => `${width} ${scheme}: ${v}`));
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          if (overflow > 0) found.push(`${width} ${scheme}: scrolls sideways by ${overflow}px`);
          await page.close();
        }
      }
      expect(found).toEqual([]);
    });
  }

  it('has no serious or critical violation with the phone menu open, or with the theme chosen by the toggle', async () => {
    const found: string[] = [];
    for (const scheme of SCHEMES) {
      const page = await site.open('decisions/', { width: 'phone', scheme });
      await page.locator('.menu-button').click();
      found.push(...(await violations(page)).map((v) => `menu ${scheme}: ${v}`));
      await page.keyboard.press('Escape');
      await page.locator('[data-theme-toggle]').click();
      found.push(...(await violations(page)).map((v) => `toggled from ${scheme}: ${v}`));
      await page.close();
    }
    expect(found).toEqual([]);
  });
});
