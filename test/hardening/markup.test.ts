import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check, found, MINIMAL, OUTCOME, tree } from '../support/fixture.ts';

const ACHIEVED = readFileSync(`${MINIMAL}/${OUTCOME}`, 'utf8');
const POSTMORTEM = 'postmortems/2026-03-02-vault-timeouts.md';

/** The achieved outcome with `text` added to its Learnings section (line 32 on). */
const withLearning = (text: string): string => `${ACHIEVED.trimEnd()}\n\n${text}\n`;

describe('raw HTML in .md records is refused, so nothing a writer types runs in the site', () => {
  it('reports script, event-handler and iframe tags at their position', () => {
    const dir = tree({ [OUTCOME]: withLearning('Read <script>alert(1)</script> and\n<img src=x onerror="alert(1)"> then <iframe src="https://example.com">') });
    expect(found(dir, 'raw-html')).toEqual([
      `${OUTCOME}:32:6 Unexpected raw HTML \`<script>\`, expected Markdown: HTML in .md records is not published (write \`&lt;\` for a literal \`<\`, or put code in backticks)`,
      `${OUTCOME}:32:22 Unexpected raw HTML \`</script>\`, expected Markdown: HTML in .md records is not published (write \`&lt;\` for a literal \`<\`, or put code in backticks)`,
      `${OUTCOME}:33:1 Unexpected raw HTML \`<img>\`, expected Markdown: HTML in .md records is not published (write \`&lt;\` for a literal \`<\`, or put code in backticks)`,
      `${OUTCOME}:33:37 Unexpected raw HTML \`<iframe>\`, expected Markdown: HTML in .md records is not published (write \`&lt;\` for a literal \`<\`, or put code in backticks)`,
    ]);
  });

  it('leaves code spans, fenced code, comments, autolinks and comparisons alone', () => {
    const body = 'Use `<script>` tags sparingly; p99 < 300 ms and a<b.\n\n<!-- reviewed in March -->\n\nSee <https://example.com/a>.\n\n```html\n<script>alert(1)</script>\n```';
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
    expect(found(tree({ [OUTCOME]: withLearning(body) }), 'unsafe-link')).toEqual([
      `${OUTCOME}:32:9 Unexpected \`javascript:\` link, expected an http(s), mailto or relative address`,
      `${OUTCOME}:32:35 Unexpected \`javascript:\` link, expected an http(s), mailto or relative address`,
      `${OUTCOME}:34:8 Unexpected \`data:\` link, expected an http(s), mailto or relative address`,
      `${OUTCOME}:36:6 Unexpected \`vbscript:\` link, expected an http(s), mailto or relative address`,
    ]);
  });

  it('accepts only http(s) in an action link', () => {
    const pm = readFileSync(`${MINIMAL}/${POSTMORTEM}`, 'utf8');
    const dir = tree({ [POSTMORTEM]: pm.replace('    kind: detect\n', '    kind: detect\n    link: javascript:alert(document.cookie)\n') });
    expect(found(dir, 'invalid-field')).toEqual([`${POSTMORTEM}:19:11 Unexpected \`javascript:alert(document.cookie)\` in \`link\` of action 1, expected an http(s) URL`]);
    const fine = tree({ [POSTMORTEM]: pm.replace('    kind: detect\n', '    kind: detect\n    link: https://tracker.example.com/PAY-12\n') });
    expect(check(fine)).toEqual([]);
  });
});
