import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Position } from './problem.ts';
import { scanMarkdown } from './scan.ts';
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

export interface Body {
  sections: Section[];
  prose: Prose[];
  /** Where the body starts: where a missing section is reported. */
  start: Position;
  lines: LineIndex;
}

export type BodyResult = { ok: true; body: Body } | { ok: false; position: Position; message: string };

export const markdown = unified().use(remarkParse).use(remarkFrontmatter);
export const mdx = unified().use(remarkParse).use(remarkFrontmatter).use(remarkMdx);

/** Node types whose text is prose a writer typed (not code, not markup). */
const PROSE = new Set(['text', 'html', 'mdxTextExpression', 'mdxFlowExpression']);

/**
 * Parses a record with remark (frontmatter included, so every position is a position in
 * the file) and collects what the rules look at: level-2 sections and prose runs.
 */
export function analyseBody(text: string, { isMdx, bodyLine, bodyOffset }: { isMdx: boolean; bodyLine: number; bodyOffset: number }): BodyResult {
  const start = { line: bodyLine, column: 1 };
  if (!isMdx) {
    const lines = new LineIndex(text);
    return { ok: true, body: { ...scanMarkdown(text, bodyOffset, lines), start, lines } };
  }
  return parseBody(text, mdx, start);
}

/**
 * The reference analysis: remark's full parse. MDX records use it (JSX needs a real
 * parser, and its syntax errors become problems); tests hold the fast scanner to it.
 */
export function parseBody(text: string, processor: typeof markdown | typeof mdx, start: Position): BodyResult {
  let tree: Root;
  try {
    tree = processor.parse(text);
  } catch (error) {
    const place = (error as { place?: { line?: number; column?: number; start?: Position } }).place;
    const at = place && 'start' in place && place.start ? place.start : place;
    return {
      ok: false,
      position: { line: at?.line ?? start.line, column: at?.column ?? 1 },
      message: `Unexpected MDX: ${(error as { reason?: string }).reason ?? String(error)}`,
    };
  }
  const lines = new LineIndex(text);
  const children = tree.children;
  const sections = children.flatMap((node, i): Section[] =>
    node.type === 'heading' ? [toSection(node, children.slice(i + 1))] : [],
  );
  const prose: Prose[] = [];
  visit(tree, (node) => {
    if (!PROSE.has(node.type) || node.position?.start.offset === undefined || node.position.end.offset === undefined) return;
    prose.push({ source: text.slice(node.position.start.offset, node.position.end.offset), offset: node.position.start.offset });
  });
  return { ok: true, body: { sections, prose, start, lines } };
}

function toSection(heading: Heading, following: RootContent[]): Section {
  const end = following.findIndex((node) => node.type === 'heading' && node.depth <= heading.depth);
  const content = end === -1 ? following : following.slice(0, end);
  return {
    title: toString(heading).trim(),
    depth: heading.depth,
    position: { line: heading.position?.start.line ?? 1, column: heading.position?.start.column ?? 1 },
    empty: !content.some((node) => node.type !== 'heading' && node.type !== 'yaml'),
  };
}
