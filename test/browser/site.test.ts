import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { NAVIGATION } from '../../src/lib/nav-view.ts';
import { openSite, results, type Site } from './helpers.ts';

let site: Site;

beforeAll(async () => {
  site = await openSite(inject('siteDir'));
});

afterAll(async () => {
  await site?.close();
});

async function search(query: string, options?: Parameters<Site['open']>[1]): Promise<Page> {
  const page = await site.open(`search/?${query}`, options);
  await results(page).first().waitFor();
  return page;
}

const hrefs = (page: Page) => results(page).locator('h3 a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
const statuses = (page: Page) => results(page).locator('.kicker .badge').allTextContents();
const visibleOptions = (page: Page, name: string) =>
  page.locator(`#search-filters .facet-option:visible input[name="${name}"]`).evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value));

describe('search in the browser', () => {
  it('finds first the postmortem that mentions a word, then those with words of the same stem', async () => {
    const page = await search('q=validator');
    expect((await hrefs(page))[0]).toBe('/postmortems/2026-07-19-refund-api-errors/');
    await page.close();
  });

  it('ranks the records that still hold above superseded, deprecated, rejected and dropped ones', async () => {
    const page = await search('q=kafka');
    const found = await statuses(page);
    const setAside = found.map((s) => ['superseded', 'deprecated', 'rejected', 'dropped'].includes(s));
    expect(setAside).toContain(true);
    // Once the first set-aside record is listed, only set-aside ones follow.
    expect(setAside).toEqual([...setAside].sort((a, b) => Number(a) - Number(b)));
    const order = await hrefs(page);
    expect(order.indexOf('/decisions/0015-transactional-outbox-events/')).toBeLessThan(order.indexOf('/decisions/0009-managed-kafka/'));
    expect(order.indexOf('/decisions/0015-transactional-outbox-events/')).toBeLessThan(order.indexOf('/decisions/0002-kafka-as-the-event-bus/'));
    await page.close();
  });

  it("finds records by the names of their people and by severity, which only their details hold", async () => {
    const byName = await search('q=Priya');
    // Priya is a decider on blue-green deploys; the decision's text never names her.
    expect(await hrefs(byName)).toContain('/decisions/0014-blue-green-deploys-for-checkout/');
    await byName.close();
    const bySeverity = await search('q=sev1');
    await expect.poll(async () => (await hrefs(bySeverity)).sort()).toEqual(['/postmortems/2025-08-03-duplicate-payouts/', '/postmortems/2026-05-05-dns-resolver-change/']);
    await bySeverity.close();
  });

  it('shows each result with its kind, status, owner and date', async () => {
    const page = await search('q=validator');
    const result = results(page).first();
    expect(await result.locator('.kicker').textContent()).toBe('Postmortempublished');
    expect(await result.locator('.result-meta').textContent()).toBe('Lucas Ferreira · 19 Jul 2026');
    expect(await result.locator('time').getAttribute('datetime')).toBe('2026-07-19');
    await page.close();
  });

  it('keeps the facets in the URL, offers only the chosen kind’s statuses, and never a value with no result', async () => {
    const page = await search('q=kafka');
    expect(await visibleOptions(page, 'status')).toEqual(expect.arrayContaining(['accepted', 'superseded', 'published']));
    await page.locator('#search-filters input[name="kind"][value="decisions"]').check();
    await page.waitForURL(/\?q=kafka&kind=decisions$/);
    await expect.poll(() => visibleOptions(page, 'status')).toEqual(['accepted', 'superseded']);
    await page.locator('#search-filters input[name="status"][value="accepted"]').check();
    await page.waitForURL(/\?q=kafka&kind=decisions&status=accepted$/);
    await expect.poll(() => statuses(page)).toEqual(['accepted', 'accepted']);
    const counts = await page.locator('#search-filters .facet-option:visible .facet-count').allTextContents();
    expect(counts.length).toBeGreaterThan(0);
    expect(counts).not.toContain('0');

    await page.reload();
    await results(page).first().waitFor();
    expect(await page.locator('#search-filters input[name="status"][value="accepted"]').isChecked()).toBe(true);
    expect(await page.locator('#site-search').inputValue()).toBe('kafka');
    await expect.poll(() => statuses(page)).toEqual(['accepted', 'accepted']);
    await page.close();
  });

  it('lists the records of a filter alone, without a query', async () => {
    const page = await search('kind=postmortems&severity=sev1');
    await expect.poll(async () => (await hrefs(page)).sort()).toEqual(['/postmortems/2025-08-03-duplicate-payouts/', '/postmortems/2026-05-05-dns-resolver-change/']);
    await page.close();
  });

  it('folds the facets away on a phone so the first result is on the first screen', async () => {
    const page = await search('q=kafka', { width: 'phone' });
    expect(await page.locator('#search-facets').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    const top = await results(page).first().evaluate((r) => r.getBoundingClientRect().top);
    expect(top).toBeLessThan(844);
    await page.close();
    const desktop = await search('q=kafka');
    expect(await desktop.locator('#search-facets').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await desktop.close();
  });

  it('has one search box, in the header, which drives the results as you type', async () => {
    const page = await search('q=validator');
    expect(await page.locator('input[type="search"]').count()).toBe(1);
    await page.locator('#site-search').fill('ledger');
    await page.waitForURL(/\?q=ledger$/);
    await expect.poll(async () => (await results(page).count()) > 1).toBe(true);
    await page.close();
  });

  it('opens with / and Ctrl-K from any page, and leads to the search page on a phone', async () => {
    const page = await site.open('decisions/0009-managed-kafka/');
    const focused = () => page.evaluate(() => document.activeElement?.id);
    await page.keyboard.press('/');
    expect(await focused()).toBe('site-search');
    await page.locator('h1').click();
    await page.keyboard.press('Control+k');
    expect(await focused()).toBe('site-search');
    await page.keyboard.type('validator');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=validator$/);
    await page.close();

    const phone = await site.open('decisions/', { width: 'phone' });
    await phone.keyboard.press('/');
    await phone.waitForURL(/\/search\/$/);
    await expect.poll(() => phone.evaluate(() => document.activeElement?.id)).toBe('site-search');
    await phone.close();
  });

  it('can be used with the keyboard alone, from any page to a record', async () => {
    const page = await site.open('');
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
    for (let i = 0; i < 60 && link !== '/postmortems/2026-07-19-refund-api-errors/'; i++) {
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

describe('registers and ledgers in the browser', () => {
  const visible = (page: Page, table: string, attribute: string) => page.locator(`#${table} tbody tr:visible`).evaluateAll((rows, name) => rows.map((r) => r.getAttribute(`data-${name}`)), attribute);

  it('filter by status, owner and team from the URL, and put each new choice back in it', async () => {
    const page = await site.open('decisions/?status=accepted');
    await expect.poll(async () => new Set(await visible(page, 'register', 'status'))).toEqual(new Set(['accepted']));
    expect(await page.locator('[data-filter-count]').textContent()).toBe('10 of 17 decisions');
    await page.locator('select[name="owner"]').selectOption('ines');
    await page.waitForURL(/\?status=accepted&owner=ines$/);
    expect(await visible(page, 'register', 'owner')).toEqual(['ines', 'ines']);
    await page.locator('select[name="owner"]').selectOption('');
    await page.locator('select[name="sort"]').selectOption('title-asc');
    await page.waitForURL(/\?status=accepted&sort=title-asc$/);
    const titles = await page.locator('#register tbody tr:visible th a').allTextContents();
    expect(titles).toEqual([...titles].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase(), 'en')));
    await page.close();
  });

  it('say so when no row matches', async () => {
    const page = await site.open('postmortems/?status=in-review&team=risk');
    await expect.poll(() => page.locator('[data-filter-empty="register"]').isVisible()).toBe(true);
    expect(await page.locator('#register tbody tr:visible').count()).toBe(0);
    await page.close();
  });

  it('keep every date on one line', async () => {
    const page = await site.open('decisions/');
    const wrapped = await page.locator('#register time').evaluateAll((times) => times.filter((t) => t.getClientRects().length > 1).map((t) => t.textContent));
    expect(wrapped).toEqual([]);
    await page.close();
  });

  it('filter the action ledger from the URL', async () => {
    const page = await site.open('actions/?status=open');
    await expect.poll(async () => new Set(await visible(page, 'action-ledger', 'status'))).toEqual(new Set(['open']));
    await page.close();
  });
});

describe('a record on paper', () => {
  it('prints the record and its details without the header, menu, search, contents or footer', async () => {
    const page = await site.open('postmortems/2026-07-19-refund-api-errors/', { scheme: 'dark' });
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['.site-header', '.site-footer', '.toc', '.heading-anchor']) expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
    for (const shown of ['h1', '.record-facts', '.record-body', '#actions-heading']) expect(await page.locator(shown).first().isVisible(), shown).toBe(true);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe('rgb(255, 255, 255)');
    await page.close();
  });
});

describe('the theme', () => {
  it('follows the system until the reader chooses, then keeps the choice without a flash of the other theme', async () => {
    const background = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const page = await site.open('decisions/0009-managed-kafka/', { scheme: 'light' });
    expect(await background(page)).toBe('rgb(255, 255, 255)');
    const toggle = page.locator('[data-theme-toggle]');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await background(page)).toBe('rgb(13, 17, 23)');

    // The head script has set the theme before the body is parsed, so the first paint is dark.
    await page.goto(`${site.url}decisions/`, { waitUntil: 'commit' });
    await page.waitForSelector('body', { state: 'attached' });
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    await page.waitForLoadState('load');
    expect(await background(page)).toBe('rgb(13, 17, 23)');
    await page.locator('[data-theme-toggle]').click();
    expect(await background(page)).toBe('rgb(255, 255, 255)');
    await page.close();
  });

  it('opens the menu on a phone without script of its own, every section one step away', async () => {
    const page = await site.open('', { width: 'phone' });
    expect(await page.locator('#site-menu').isVisible()).toBe(false);
    await page.locator('.menu-button').click();
    const links = await page.locator('#site-menu a:visible').allTextContents();
    expect(links).toEqual(NAVIGATION.flatMap((group) => group.links.map(([, label]) => label)));
    expect(links).toEqual(expect.arrayContaining(['Outcomes', 'Decisions', 'Postmortems', 'Reviews', 'Actions', 'Timeline', 'People', 'Teams', 'About']));
    const header = await page.locator('.site-header').evaluate((h) => h.getBoundingClientRect().height);
    expect(header).toBeLessThanOrEqual(60);
    await page.close();
  });
});
