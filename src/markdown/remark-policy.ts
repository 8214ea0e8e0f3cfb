import type { Nodes, Parents, Root, RootContent } from 'mdast';
import type { Processor } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { nestingTooDeep } from '../records/depth.ts';
import { LineIndex } from '../records/text.ts';
import { isComment, isSafeUrl } from './policy.ts';

/** Parents whose children are blocks: raw HTML there becomes a paragraph of text rather than bare text. */
const FLOW = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

/** Whether the file being rendered is a `.md` record: `.mdx` records are code, reviewed as code, and left alone. */
function isMarkdown(file: VFile): boolean {
  return file.path?.toLowerCase().endsWith('.md') === true;
}

/**
 * The content policy of `.md` records, enforced by the parser that renders them (what
 * `handbook check` reports, the site enforces):
 * - raw HTML (inline and block) becomes visible text, so nothing a writer types runs and
 *   the writer sees what they wrote; HTML comments are dropped;
 * - links, images and reference definitions whose destination is not http(s), mailto or
 *   relative become plain text (a link keeps its text, an image its alt text), judged on
 *   the destination as mdast holds it (character references decoded, escapes removed);
 * - a document nesting block quotes or lists deeper than `handbook check` allows is not
 *   parsed at all (parsing it is quadratic, and MDX overflows its stack): the page says why.
 */
export function remarkPolicy(this: Processor) {
  const parse = this.parser;
  if (parse !== undefined) {
    this.parser = (document: string, file: VFile): Root => {
      const deep = isMarkdown(file) ? nestingTooDeep(document) : undefined;
      if (deep === undefined) return parse(document, file) as Root;
      const { line, column } = new LineIndex(document).positionAt(deep.offset);
      return { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: `This record is not shown: ${deep.message} at line ${line}, column ${column}.` }] }] };
    };
  }
  return (tree: Root, file: VFile): void => {
    if (!isMarkdown(file)) return;
    visit(tree, (node, index, parent) => {
      if (parent === undefined || index === undefined) return;
      const replacement = replace(node, parent);
      if (replacement === undefined) return;
      parent.children.splice(index, 1, ...(replacement as never[]));
      // Visit what took the node's place (a link's own children may need the policy too).
      return [SKIP, index];
    });
  };
}

/** What a node becomes under the policy, or `undefined` when it stays. */
function replace(node: Nodes, parent: Parents): RootContent[] | undefined {
  if (node.type === 'html') {
    if (isComment(node.value)) return [];
    const text = { type: 'text' as const, value: node.value };
    return [FLOW.has(parent.type) ? { type: 'paragraph', children: [text] } : text];
  }
  if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && !isSafeUrl(node.url)) {
    if (node.type === 'link') return node.children;
    if (node.type === 'image') return node.alt ? [{ type: 'text', value: node.alt }] : [];
    return [];
  }
  return undefined;
}
