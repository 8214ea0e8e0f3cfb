import type { Element, Root } from 'hast';
import GithubSlugger from 'github-slugger';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

const HEADING = /^h[1-6]$/;
/** The section headings a reader links to; the page title is not one of them. */
const ANCHORED = new Set(['h2', 'h3', 'h4']);

/**
 * Gives every heading of a record an id and every section heading a link to itself, so a
 * reader can copy a link to "## Consequences". Ids are slugged exactly as Astro slugs them
 * (github-slugger over the heading's text, one slugger per document), and Astro keeps an id
 * that is already set, so the table of contents (from `render()`'s `headings`) and the
 * anchors agree. The link holds no text: its "#" is drawn by CSS and its name is its
 * label, so neither the heading's text in `headings` nor the search index gains a "#".
 */
export function rehypeHeadingAnchors() {
  return (tree: Root): void => {
    const slugger = new GithubSlugger();
    visit(tree, 'element', (node: Element) => {
      if (!HEADING.test(node.tagName)) return;
      const text = toString(node);
      const id = typeof node.properties['id'] === 'string' ? node.properties['id'] : slugger.slug(text);
      node.properties['id'] = id;
      if (!ANCHORED.has(node.tagName) || id === '') return;
      node.children.push({
        type: 'element',
        tagName: 'a',
        properties: { className: ['heading-anchor'], href: `#${id}`, ariaLabel: `Link to this section: ${text}` },
        children: [],
      });
    });
  };
}
