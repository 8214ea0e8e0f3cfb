import { unified, type RemarkPlugins } from '@astrojs/markdown-remark';
import type { AstroUserConfig } from 'astro';
import { rehypeCode } from './rehype-code.ts';
import { rehypeHeadingAnchors } from './rehype-heading-anchors.ts';
import { remarkPolicy } from './remark-policy.ts';

type MarkdownConfig = NonNullable<AstroUserConfig['markdown']>;

/**
 * The Markdown pipeline of `.md` records: remark and rehype (the parser `handbook check`
 * holds its scanner to), with the plugins that enforce the content policy while rendering.
 * `remarkPlugins` are the integration's own (links between records), run after the policy.
 * Astro's own highlighting is off: `rehypeCode` replaces it, and keeps code escaped in
 * every language. SmartyPants is off too: a page shows the quotes, dashes and dots the
 * writer typed (what check read and what search finds), and rendering is faster without
 * it (it parses every paragraph into natural-language trees).
 */
export function markdownConfig(remarkPlugins: RemarkPlugins): MarkdownConfig {
  return {
    syntaxHighlight: false,
    processor: unified({ smartypants: false, remarkPlugins: [remarkPolicy, ...remarkPlugins], rehypePlugins: [rehypeCode, rehypeHeadingAnchors] }),
  };
}

/** The pipeline of `.mdx` records: trusted code, so no policy, but the same links and highlighting. */
export function mdxProcessor(remarkPlugins: RemarkPlugins) {
  return unified({ smartypants: false, remarkPlugins: [...remarkPlugins], rehypePlugins: [rehypeCode, rehypeHeadingAnchors] });
}
