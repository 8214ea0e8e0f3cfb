import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check, found, MINIMAL, OUTCOME, tree } from '../support/fixture.ts';

const ACHIEVED = readFileSync(`${MINIMAL}/${OUTCOME}`, 'utf8');
const POSTMORTEM = 'postmortems/2026-03-02-vault-timeouts.md';

/** The achieved outcome with `text` added to its Learnings section (line 32 on). */
const withLearning = (text: string): string => `${ACHIEVED.trimEnd()}\n\n${text}\n`;

/** The rule's problems for a body added to the outcome, as `line:column tag` (the tag or scheme the message names). */
const named = (rule: string, body: string): string[] => found(tree({ [OUTCOME]: withLearning(body) }), rule).map((p) => p.replace(/^[^:]+:(\d+:\d+) Unexpected[^`]*`([^`]*)`.*$/, '$1 $2'));

describe('raw HTML in .md records is refused, so nothing a writer types runs in the site', () => {
  it('reports script, event-handler and iframe tags at their position', () => {
    const dir = tree({ [OUTCOME]: withLearning('Read <script>alert(1)</script> and\n<img src=x onerror="alert(1)"> then <iframe src="https://example.com">') });
    expect(found(dir, 'raw-html')).toMatchInlineSnapshot(`
      [
        "outcomes/faster-checkout.md:32:6 Unexpected raw HTML \`<script>\`, expected Markdown: HTML in .md records is shown as text, never run (write \`&lt;\` for a literal \`<\`, or put code in backticks)",
        "outcomes/faster-checkout.md:32:22 Unexpected raw HTML \`</script>\`, expected Markdown: HTML in .md records is shown as text, never run (write \`&lt;\` for a literal \`<\`, or put code in backticks)",
        "outcomes/faster-checkout.md:33:1 Unexpected raw HTML \`<img>\`, expected Markdown: HTML in .md records is shown as text, never run (write \`&lt;\` for a literal \`<\`, or put code in backticks)",
        "outcomes/faster-checkout.md:33:37 Unexpected raw HTML \`<iframe>\`, expected Markdown: HTML in .md records is shown as text, never run (write \`&lt;\` for a literal \`<\`, or put code in backticks)",
      ]
    `);
  });

  it.each([
    ['an ATX heading', '### Why <img src=x onerror=alert(1)>', ['32:9 <img>']],
    ['a setext heading', 'Setext <script>alert(1)</script>\n---', ['32:8 <script>', '32:24 </script>']],
    ['text after an escaped backtick', 'An escaped \\`<script>alert(1)</script>` tick', ['32:14 <script>', '32:30 </script>']],
    ['a "code span" CommonMark never closes', 'Open `` <img src=x onerror=alert(1)> ` only', ['32:9 <img>']],
    ['a line after a fence inside a list item', '- ```\n  code\n  ```\n<script>alert(1)</script>', ['35:1 <script>']],
    ['a table cell', '| a |\n| --- |\n| <b>x</b> |', ['34:3 <b>', '34:7 </b>']],
    ['a block quote', '> quoted <svg onload=alert(1)>', ['32:10 <svg>']],
    ['an HTML block', '<div>\n<script>alert(1)</script>\n</div>', ['32:1 <div>']],
  ])('reports HTML in %s', (_, body, expected) => {
    expect(named('raw-html', body)).toEqual(expected);
  });

  it('leaves code spans, fenced code, comments, autolinks and comparisons alone', () => {
    const body = 'Use `<script>` tags sparingly; p99 < 300 ms and a<b.\n\n<!-- reviewed in March -->\n\nSee <https://example.com/a>.\n\n```html\n<script>alert(1)</script>\n```\n\n``a ` <b>x</b>``';
    expect(check(tree({ [OUTCOME]: withLearning(body) })).filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('leaves a template prompt to the placeholder rule, and drafts and .mdx records alone', () => {
    const prompt = tree({ [OUTCOME]: withLearning('<What we would do differently next time>') });
    expect(found(prompt, 'raw-html')).toEqual([]);
    expect(found(prompt, 'placeholder')).toHaveLength(1);
    const draft = tree({ [OUTCOME]: withLearning('<b>bold</b>').replace('status: achieved', 'status: draft') });
    expect(found(draft, 'raw-html')).toEqual([]);
    const mdx = tree({ [OUTCOME]: null, 'outcomes/faster-checkout.mdx': withLearning('<b>bold</b>') });
    expect(found(mdx, 'raw-html')).toEqual([]);
  });
});

describe('links run no code', () => {
  it('reports javascript:, data: and vbscript: links in inline links, autolinks and definitions', () => {
    const body = '[click](javascript:alert(1)) and <JavaScript:alert(1)>\n\n[ref]: data:text/html;base64,PHNjcmlwdD4=\n\n[x]( vbscript:msgbox)';
    expect(found(tree({ [OUTCOME]: withLearning(body) }), 'unsafe-link')).toMatchInlineSnapshot(`
      [
        "outcomes/faster-checkout.md:32:1 Unexpected \`javascript:\` link, expected an http(s), mailto or relative address",
        "outcomes/faster-checkout.md:32:34 Unexpected \`javascript:\` link, expected an http(s), mailto or relative address",
        "outcomes/faster-checkout.md:34:1 Unexpected \`data:\` link definition, expected an http(s), mailto or relative address",
        "outcomes/faster-checkout.md:36:1 Unexpected \`vbscript:\` link, expected an http(s), mailto or relative address",
      ]
    `);
  });

  it.each([
    ['a numeric character reference', '[x](&#106;avascript:alert(1))', ['32:1 javascript:']],
    ['a named character reference', '[x](javascript&colon;alert(1))', ['32:1 javascript:']],
    ['an escaped colon', '[x](javascript\\:alert(1))', ['32:1 javascript:']],
    ['a tab inside the scheme', '[x](java&#x09;script:alert(1))', ['32:1 javascript:']],
    ['a definition in a block quote', '> [x]: javascript:alert(1)\n\n[x]', ['32:3 javascript:']],
    ['a definition in a list item', '- [x]: javascript:alert(1)\n\n[x]', ['32:3 javascript:']],
    ['a definition with its URL on the next line', '[x]:\njavascript:alert(1)\n\n[x]', ['32:1 javascript:']],
    ['a link in a heading', '## See [x](javascript:alert(1))', ['32:8 javascript:']],
    ['an image', '![chart](javascript:alert(1))', ['32:1 javascript:']],
  ])('reports %s', (_, body, expected) => {
    expect(named('unsafe-link', body)).toEqual(expected);
  });

  it('accepts only http(s) in an action link', () => {
    const pm = readFileSync(`${MINIMAL}/${POSTMORTEM}`, 'utf8');
    const dir = tree({ [POSTMORTEM]: pm.replace('    kind: detect\n', '    kind: detect\n    link: javascript:alert(document.cookie)\n') });
    expect(found(dir, 'invalid-field')).toEqual([`${POSTMORTEM}:19:11 Unexpected \`javascript:alert(document.cookie)\` in \`link\` of action 1, expected an http(s) URL`]);
    const fine = tree({ [POSTMORTEM]: pm.replace('    kind: detect\n', '    kind: detect\n    link: https://tracker.example.com/PAY-12\n') });
    expect(check(fine)).toEqual([]);
  });
});

describe('block quotes and lists nested past 32 levels are refused before any parser sees them', () => {
  it('reports ten thousand nested `>` in a .md record at the 33rd, without parsing it', () => {
    expect(found(tree({ [OUTCOME]: withLearning(`${'>'.repeat(10_000)} deep`) }), 'markdown-depth')).toMatchInlineSnapshot(`
      [
        "outcomes/faster-checkout.md:32:33 Unexpected block quotes or lists nested 10000 deep, expected at most 32 levels (put quoted or generated text in a code block)",
      ]
    `);
  });

  it("reports them in an .mdx record instead of overflowing the MDX parser's stack", () => {
    const dir = tree({ [OUTCOME]: null, 'outcomes/faster-checkout.mdx': withLearning(`${'> '.repeat(10_000)}deep`) });
    const mdx = check(dir).filter((p) => p.file === 'outcomes/faster-checkout.mdx');
    expect(mdx.map((p) => `${p.line}:${p.column} ${p.rule}`)).toEqual(['32:65 markdown-depth']);
  });

  it('counts list markers on one line and indentation before a list marker', () => {
    const placed = (body: string) => found(tree({ [OUTCOME]: withLearning(body) }), 'markdown-depth').map((p) => /:(\d+:\d+) .* (\d+) deep/.exec(p)?.slice(1).join(' '));
    expect(placed(`${'- '.repeat(40)}x`)).toEqual(['32:65 40']);
    expect(placed(`- a\n${' '.repeat(70)}- b`)).toEqual(['33:71 36']);
    expect(placed(`${'- '.repeat(32)}x\n\n- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -\n\n\`\`\`\n${'>'.repeat(50)}\n\`\`\``)).toEqual([]);
  });
});
