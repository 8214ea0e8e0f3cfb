import { unified, type RemarkPlugins } from '@astrojs/markdown-remark';
import type { AstroUserConfig } from 'astro';

type MarkdownConfig = NonNullable<AstroUserConfig['markdown']>;

/**
 * The Markdown pipeline of `.md` records: remark and rehype (the parser `handbook check`
 * holds its scanner to), with the plugins that enforce the content policy while rendering.
 * `remarkPlugins` are the integration's own (links between records), run after the policy.
 */
export function markdownConfig(remarkPlugins: RemarkPlugins): MarkdownConfig {
  return {
    syntaxHighlight: 'prism',
    processor: unified({ remarkPlugins: [...remarkPlugins], rehypePlugins: [] }),
  };
}

/** The pipeline of `.mdx` records: trusted code, so no policy, but the same links and highlighting. */
export function mdxProcessor(remarkPlugins: RemarkPlugins) {
  return unified({ remarkPlugins: [...remarkPlugins], rehypePlugins: [] });
}
