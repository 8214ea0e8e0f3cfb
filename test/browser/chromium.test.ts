import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launch } from '../support/browser.ts';
import { findChromium, PACKAGED_DIR, PACKAGED_VERSION, SYSTEM_CHROMIUM } from '../support/chromium.ts';

describe('the Chromium the browser tests drive', () => {
  it('is CHROMIUM_PATH when set, whatever else is installed', () => {
    expect(findChromium({ CHROMIUM_PATH: '/opt/chromium/chrome' })).toBe('/opt/chromium/chrome');
    expect(findChromium({ CHROMIUM_PATH: '/opt/chromium/chrome', HANDBOOK_TEST_NO_SYSTEM_CHROMIUM: '1' })).toBe('/opt/chromium/chrome');
  });

  it('is the one inside @sparticuz/chromium on a machine without a system Chromium, and it renders a page', async () => {
    const binary = findChromium({ HANDBOOK_TEST_NO_SYSTEM_CHROMIUM: '1' });
    expect(binary).toBe(join(PACKAGED_DIR, 'chromium'));
    expect(binary).not.toBe(SYSTEM_CHROMIUM);
    const browser = await launch(binary);
    try {
      // The package's version names the Chromium release it ships.
      expect(browser.version().split('.')[0]).toBe(PACKAGED_VERSION.split('.')[0]);
      const page = await browser.newPage();
      await page.setContent('<main><h1>Decisions</h1></main>');
      expect(await page.locator('h1').textContent()).toBe('Decisions');
    } finally {
      await browser.close();
    }
  });
});
