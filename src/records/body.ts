import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Position } from './problem.ts';
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

const markdown = unified().use(remarkParse).use(remarkFrontmatter);
const mdx = unified().use(remarkParse).use(remarkFrontmatter).use(remarkMdx);

/** Node types whose text is prose a writer typed (not code, not markup). */
const PROSE = new Set(['text', 'html', 'mdxTextExpression', 'mdxFlowExpression']);

/**
 * Parses a record with remark (frontmatter included, so every position is a position in
 * the file) and collects what the rules look at: level-2 sections and prose runs.
 */
export function analyseBody(text: string, { isMdx, bodyLine }: { isMdx: boolean; bodyLine: number }): BodyResult {
  let tree: Root;
  try {
    tree = (isMdx ? mdx : markdown).parse(text);
  } catch (error) {
    const place = (error as { place?: { line?: number; column?: number; start?: Position } }).place;
    const start = place && 'start' in place && place.start ? place.start : place;
    return {
      ok: false,
      position: { line: start?.line ?? bodyLine, column: start?.column ?? 1 },
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
  return { ok: true, body: { sections, prose, start: { line: bodyLine, column: 1 }, lines } };
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
