import { toString } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import { disallowed } from './allowed.ts';
import { elements, render } from './render.ts';

const PAYLOAD = '<meta http-equiv="refresh" content="0;url=https://example.com"><script>alert(1)</script>';

/** Languages writers use that Prism has no grammar for: Astro's Prism step published their code as raw HTML. */
const UNKNOWN = ['console', 'vue', 'svelte', 'output', 'none', 'conf', 'zsh', 'tf', 'patch', 'text', 'plaintext', 'txt', 'terminal', 'env', 'dotenv', 'jsonc', 'plain', 'ansi', 'pgsql'];

describe('rehypeCode: code is text in every language', () => {
  it.each([...UNKNOWN, 'html', 'js', 'sh', 'diff', 'markdown', ''])('```%s keeps markup in code as text', async (language) => {
    const html = await render(`\`\`\`${language}\n${PAYLOAD}\n\`\`\`\n`);
    expect(disallowed(html)).toEqual([]);
    const tags = elements(html).map((e) => e.tagName);
    expect(tags.filter((tag) => tag !== 'span')).toEqual(['pre', 'code']);
    expect(html).not.toMatch(/<(meta|script)/);
    expect(toString(elements(html).find((e) => e.tagName === 'code')!)).toBe(`${PAYLOAD}\n`);
  });

  it.each(UNKNOWN)('```%s is one text node with the language as classes and data-language', async (language) => {
    expect(await render(`\`\`\`${language}\n<b>x</b>\n\`\`\``)).toBe(
      `<pre class="language-${language}" data-language="${language}"><code class="language-${language}">&#x3C;b>x&#x3C;/b>\n</code></pre>`,
    );
  });

  it('highlights a language Prism knows with token spans, in the classes global.css styles', async () => {
    expect(await render('```ts\nconst a: number = 1; // one\n```')).toMatchInlineSnapshot(`
      "<pre class="language-ts" data-language="ts"><code class="language-ts"><span class="token keyword">const</span> a<span class="token operator">:</span> <span class="token builtin">number</span> <span class="token operator">=</span> <span class="token number">1</span><span class="token punctuation">;</span> <span class="token comment">// one</span>
      </code></pre>"
    `);
  });

  it('never writes a language name into an attribute as it was typed', async () => {
    const html = await render('```js" onmouseover="alert(1)\nlet a = 1;\n```\n\n```"><script>alert(1)</script>\nx\n```');
    expect(disallowed(html)).toEqual([]);
    expect(
      elements(html)
        .map((e) => e.properties['dataLanguage'])
        .filter(Boolean),
    ).toEqual(['plaintext', 'plaintext']);
  });

  it('reads names Prism uses for objects of its own as plain text, not as grammars', async () => {
    for (const language of ['extend', 'insertBefore', 'DFS', '__proto__', 'constructor']) {
      expect(await render(`\`\`\`${language}\n<i>x</i>\n\`\`\``)).toContain('&#x3C;i>x&#x3C;/i>');
    }
  });
});
