import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { isComment } from '../markdown/policy.ts';
import { nestingTooDeep } from './depth.ts';
import type { Position } from './problem.ts';
import { type Block, scanMarkdown, sectionsOf } from './scan.ts';
import { LineIndex } from './text.ts';

export interface Section {
  title: string;
  depth: number;
  position: Position;
  /** True when nothing but headings follows before the next heading of the same or higher level. */
  empty: boolean;
}

/** A run of prose as written in the source, for scans such as placeholders and body links. */
export interface Prose {
  source: string;
  offset: number;
}

/** Raw HTML as CommonMark sees it: one inline tag, comment or declaration, or one HTML block. */
export interface RawHtml {
  value: string;
  position: Position;
}

/** A link, image or reference definition, with its destination as the renderer sees it. */
export interface BodyLink {
  kind: 'link' | 'image' | 'definition';
  url: string;
  position: Position;
}

export interface Body {
  sections: Section[];
  prose: Prose[];
  /** Raw HTML as CommonMark sees it (inline and block, comments included). */
  html: RawHtml[];
  /** Every link, image and reference definition with its destination as the renderer sees it (entities decoded, escapes removed). */
  links: BodyLink[];
  /** Where the body starts: where a missing section is reported. */
  start: Position;
  lines: LineIndex;
}

export type BodyResult = { ok: true; body: Body } | { ok: false; position: Position; rule: 'mdx-syntax' | 'markdown-depth'; message: string };

interface Where {
  isMdx: boolean;
  bodyLine: number;
  bodyOffset: number;
}

/** The site's Markdown parser for `.md` bodies: CommonMark with GFM, as Astro's remark pipeline reads them. */
export const markdown = unified().use(remarkParse).use(remarkGfm);
/** `.mdx` records, parsed whole (frontmatter included) so MDX syntax errors have file positions. */
export const mdx = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).use(remarkMdx);

/** Node types whose text is prose a writer typed (not code). */
const PROSE = new Set(['text', 'html', 'mdxTextExpression', 'mdxFlowExpression']);

/**
 * What the rules look at in a record's body: its sections, prose, raw HTML and links. Block
 * quotes and lists nested too deep are refused before any parser sees them. A `.md` body is
 * read by the line scanner when it can answer exactly, else parsed with remark; an `.mdx`
 * record is always parsed (JSX needs a real parser, and its syntax errors become problems).
 */
export function analyseBody(text: string, where: Where): BodyResult {
  const start = { line: where.bodyLine, column: 1 };
  const lines = new LineIndex(text);
  const deep = nestingTooDeep(text, where.bodyOffset);
  if (deep !== undefined) return { ok: false, rule: 'markdown-depth', position: lines.positionAt(deep.offset), message: deep.message };
  const scanned = where.isMdx ? undefined : scanMarkdown(text, where.bodyOffset, lines);
  if (scanned !== undefined) return { ok: true, body: { ...scanned, start, lines } };
  return parseBody(text, where);
}

/**
 * The reference analysis: remark's full parse, as the site renders it. A `.md` body is parsed
 * on its own (the site renders the body without its frontmatter) and its positions moved to
 * the file's; tests hold the scanner to this.
 */
export function parseBody(text: string, { isMdx, bodyLine, bodyOffset }: Where): BodyResult {
  const start = { line: bodyLine, column: 1 };
  const shift = isMdx ? { offset: 0, line: 0 } : { offset: bodyOffset, line: bodyLine - 1 };
  let tree: Root;
  try {
    tree = isMdx ? mdx.parse(text) : markdown.parse(text.slice(bodyOffset));
  } catch (error) {
    const place = (error as { place?: { line?: number; column?: number; start?: Position } }).place;
    const at = place && 'start' in place && place.start ? place.start : place;
    return {
      ok: false,
      rule: 'mdx-syntax',
      position: { line: at?.line ?? start.line, column: at?.column ?? 1 },
      message: `Unexpected MDX: ${(error as { reason?: string }).reason ?? String(error)}`,
    };
  }
  const positionOf = (node: Nodes): Position => ({ line: (node.position?.start.line ?? 1) + shift.line, column: node.position?.start.column ?? 1 });
  const blocks: Block[] = tree.children.flatMap((node): Block[] => {
    if (node.type === 'heading') return [{ heading: { title: toString(node).trim(), depth: node.depth, position: positionOf(node) } }];
    return shows(node) ? [{}] : [];
  });
  const body: Body = { sections: sectionsOf(blocks), prose: [], html: [], links: [], start, lines: new LineIndex(text) };
  visit(tree, (node) => {
    if (node.type === 'html') body.html.push({ value: node.value, position: positionOf(node) });
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') body.links.push({ kind: node.type, url: node.url, position: positionOf(node) });
    const { start: from, end: to } = node.position ?? {};
    if (!PROSE.has(node.type) || from?.offset === undefined || to?.offset === undefined) return;
    body.prose.push({ source: text.slice(from.offset + shift.offset, to.offset + shift.offset), offset: from.offset + shift.offset });
  });
  return { ok: true, body };
}

/** Whether a top-level block shows on the page under its heading: definitions, comments and frontmatter do not. */
function shows(node: Root['children'][number]): boolean {
  if (node.type === 'yaml' || node.type === 'definition') return false;
  return !(node.type === 'html' && isComment(node.value));
}
