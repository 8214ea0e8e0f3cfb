import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { disallowed } from './allowed.ts';
import { elements, render } from './render.ts';

const FIXTURES = 'test/markdown/fixtures';
const cases = readdirSync(FIXTURES).sort();

describe('remarkPolicy: .md records render no markup their writer typed', () => {
  // `UPDATE=1` rewrites output.html from what the pipeline renders now; review the diff.
  it.each(cases)('%s renders as output.html, with nothing outside the allow-list', async (name) => {
    const html = await render(readFileSync(join(FIXTURES, name, 'input.md'), 'utf8'));
    const expected = join(FIXTURES, name, 'output.html');
    if (process.env['UPDATE'] === '1') writeFileSync(expected, html);
    expect(html).toBe(readFileSync(expected, 'utf8'));
    expect(disallowed(html)).toEqual([]);
  });

  it('shows raw HTML in headings, list items, tables and block quotes as the text the writer wrote', async () => {
    const html = await render('## Why <img src=x onerror=alert(1)>\n\n- <b>x</b>\n\n| <i>a</i> |\n| --- |\n\n> <svg onload=alert(1)>');
    expect(
      elements(html)
        .map((e) => e.tagName)
        .filter((tag) => tag !== 'a'),
    ).toEqual(['h2', 'ul', 'li', 'table', 'thead', 'tr', 'th', 'blockquote', 'p']);
    expect(html).toContain('Why &#x3C;img src=x onerror=alert(1)>');
    expect(html).toContain('&#x3C;svg onload=alert(1)>');
  });

  it('turns links, images and definitions to other schemes into text, however the scheme is spelled', async () => {
    const html = await render(readFileSync(join(FIXTURES, 'links', 'input.md'), 'utf8'));
    const hrefs = elements(html).flatMap((e) => (e.tagName === 'a' ? [String(e.properties['href'])] : []));
    expect(hrefs).toEqual(['https://example.com/ok', 'https://example.com', '../decisions/0002-y.md', 'mailto:a@example.com']);
    expect(elements(html).filter((e) => e.tagName === 'img')).toEqual([]);
    expect(html).toContain('an image');
  });

  it('drops HTML comments and leaves .mdx records alone', async () => {
    expect(await render('a\n\n<!-- secret -->\n\nb')).toBe('<p>a</p>\n<p>b</p>');
    expect(await render('<b>bold</b>', '/handbook/content/decisions/0001-x.mdx')).toBe('<p><b>bold</b></p>');
  });

  it('refuses to parse block quotes nested beyond the limit, and says so on the page', async () => {
    const started = performance.now();
    const html = await render(`${'>'.repeat(10_000)} deep\n`);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(html).toMatchInlineSnapshot(
      `"<p>This record is not shown: Unexpected block quotes or lists nested 10000 deep, expected at most 32 levels (put quoted or generated text in a code block) at line 1, column 33.</p>"`,
    );
  });
});
