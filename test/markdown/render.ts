import type { Element, Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { markdownConfig } from '../../src/markdown/index.ts';

type Processor = NonNullable<ReturnType<typeof markdownConfig>['processor']>;
let renderer: ReturnType<Processor['createRenderer']> | undefined;

/**
 * A record body as the site renders it: Astro's own Markdown processor (remark, GFM,
 * remark-rehype, rehype-raw) configured by the handbook's `markdownConfig`,
 * with the file's URL as Astro's content layer passes it.
 */
export async function render(body: string, file = '/handbook/content/decisions/0001-x.md'): Promise<string> {
  renderer ??= (() => {
    const config = markdownConfig([]);
    if (config.processor === undefined) throw new Error('markdownConfig sets no processor');
    // Astro's own Prism step publishes code without a grammar unescaped: it must stay off.
    if (config.syntaxHighlight !== false) throw new Error("markdownConfig leaves Astro's highlighting on");
    return config.processor.createRenderer({ syntaxHighlight: false });
  })();
  const { code } = await (await renderer).render(body, { fileURL: new URL(`file://${file}`) });
  return code;
}

/** Every element of rendered HTML, as a browser's parser reads it. */
export function elements(html: string): Element[] {
  const found: Element[] = [];
  const walk = (node: Nodes): void => {
    if (node.type === 'element') found.push(node);
    if ('children' in node) for (const child of node.children) walk(child);
    if (node.type === 'element' && node.content) walk(node.content);
  };
  walk(fromHtml(html, { fragment: true }));
  return found;
}
