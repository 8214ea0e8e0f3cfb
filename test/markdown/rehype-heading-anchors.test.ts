import { readFileSync, writeFileSync } from 'node:fs';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { rehypeHeadingAnchors } from '../../src/markdown/rehype-heading-anchors.ts';

const FIXTURE = 'test/fixtures/heading-anchors';

describe('heading anchors', () => {
  it('link each section heading to itself, with the ids and headings Astro reports', async () => {
    const processor = await createMarkdownProcessor({ syntaxHighlight: false, rehypePlugins: [rehypeHeadingAnchors] });
    const { code, metadata } = await processor.render(readFileSync(`${FIXTURE}/input.md`, 'utf8'));
    if (process.env['UPDATE'] === '1') writeFileSync(`${FIXTURE}/output.html`, `${code}\n`);
    expect(`${code}\n`).toBe(readFileSync(`${FIXTURE}/output.html`, 'utf8'));
    expect(metadata.headings).toEqual([
      { depth: 2, slug: 'context', text: 'Context' },
      { depth: 2, slug: 'options-and-trade-offs', text: 'Options and trade-offs' },
      { depth: 3, slug: 'option-a-managed-kafka', text: 'Option A: managed Kafka' },
      { depth: 4, slug: 'cost', text: 'Cost' },
      { depth: 2, slug: 'options-and-trade-offs-1', text: 'Options and trade-offs' },
      { depth: 5, slug: 'too-deep-to-link', text: 'Too deep to link' },
    ]);
  });
});
