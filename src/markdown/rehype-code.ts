import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import Prism from 'prismjs';
import components from 'prismjs/components.js';
import loadLanguages from 'prismjs/components/index.js';
import { SKIP, visit } from 'unist-util-visit';

/** A language name as it may appear in a class and an attribute; anything else is shown as plain text. */
const LANGUAGE = /^[\w+#.-]{1,32}$/;
const TOKEN_CLASS = /^[\w-]{1,64}$/;

// An unknown language is expected (`console`, `vue`, `none`): plain text, not a warning.
loadLanguages.silent = true;

/** Prism's language ids by every name they answer to (`js` → `javascript`), from Prism's own component list. */
const GRAMMARS = new Map<string, string>();
for (const [id, entry] of Object.entries(components.languages as Record<string, { alias?: string | string[] }>)) {
  if (id === 'meta') continue;
  GRAMMARS.set(id, id);
  for (const alias of [entry.alias ?? []].flat()) GRAMMARS.set(alias, id);
}

/**
 * Syntax highlighting that never lets code become markup. Every `pre > code` keeps its text
 * as text whatever its language: when Prism has a grammar for the language, its highlighted
 * output is parsed and only `span` elements with token classes and their text are kept;
 * otherwise the code stays one text node. The language name is checked and set as a
 * property (`data-language`, `language-x` classes as global.css expects), never written
 * into HTML by hand. (Astro's own Prism step returns code without a grammar unescaped, and
 * writes the language into an attribute as is.)
 */
export function rehypeCode() {
  return (tree: Root): void => {
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'pre') return;
      const code = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'code');
      if (code === undefined) return;
      const language = languageOf(code);
      const classes = [`language-${language}`];
      node.properties = { className: classes, dataLanguage: language };
      node.children = [{ type: 'element', tagName: 'code', properties: { className: [...classes] }, children: highlight(toString(code), language) }];
      return SKIP;
    });
  };
}

function languageOf(code: Element): string {
  const className: unknown = code.properties['className'];
  const classes = Array.isArray(className) ? className.map(String) : [];
  const language = classes.find((name) => name.startsWith('language-'))?.slice('language-'.length);
  return language !== undefined && LANGUAGE.test(language) ? language : 'plaintext';
}

/** The grammar Prism has (or can load) for a language name, if any. */
function grammarOf(language: string): { id: string; grammar: Prism.Grammar } | undefined {
  const id = GRAMMARS.get(language.toLowerCase());
  if (id === undefined) return undefined;
  if (!Object.hasOwn(Prism.languages, id)) loadLanguages([id]);
  const grammar: unknown = Object.hasOwn(Prism.languages, id) ? Prism.languages[id] : undefined;
  return grammar !== null && typeof grammar === 'object' ? { id, grammar: grammar as Prism.Grammar } : undefined;
}

function highlight(text: string, language: string): ElementContent[] {
  const found = grammarOf(language);
  if (found === undefined) return [{ type: 'text', value: text }];
  let html: string;
  try {
    html = Prism.highlight(text, found.grammar, found.id);
  } catch {
    return [{ type: 'text', value: text }];
  }
  return tokens(fromHtml(html, { fragment: true }).children);
}

/** Prism's output kept as text and token spans only: any other element gives up its text, attributes other than classes are dropped. */
function tokens(nodes: readonly RootContent[]): ElementContent[] {
  return nodes.flatMap((node): ElementContent[] => {
    if (node.type === 'text') return [{ type: 'text', value: node.value }];
    if (node.type !== 'element') return [];
    const children = tokens(node.children);
    if (node.tagName !== 'span') return children;
    const className = node.properties['className'];
    const classes = (Array.isArray(className) ? className.map(String) : []).filter((name) => TOKEN_CLASS.test(name));
    return [{ type: 'element', tagName: 'span', properties: { className: classes }, children }];
  });
}
