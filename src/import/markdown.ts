import type { Heading, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYamlText } from 'yaml';

/** Source files are read as the site renders records, GFM included, with their frontmatter as a node of its own. */
export const sourceMarkdown = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm);

/** A part of a source document under one heading, its text kept exactly as written. */
export interface SourceSection {
  /** The heading as written, inline Markdown included (`Decision: use [Postgres](…)`). */
  heading: string;
  /** The heading as plain text, for matching against known names. */
  name: string;
  depth: number;
  text: string;
}

/** A Markdown file split the way ADR and postmortem templates are laid out. */
export interface SourceDocument {
  /** YAML frontmatter (MADR 3 and 4), when the file opens with one. */
  frontmatter?: Record<string, unknown>;
  /** Why the frontmatter could not be read, when it could not. */
  frontmatterError?: string;
  /** The first level-1 heading, as plain text. */
  title?: string;
  /**
   * Everything before the first section except the frontmatter and the title heading: text
   * above the title (a copyright comment, a table of contents) and the header under it
   * (`Date:` lines, MADR's status bullets, an introduction).
   */
  lead: string;
  sections: SourceSection[];
}

const start = (node: RootContent): number => node.position?.start.offset ?? 0;
const end = (node: RootContent): number => node.position?.end.offset ?? 0;

/** Blank lines at either end of a block removed; the lines themselves kept as written. */
export const trimBlock = (text: string): string => text.replace(/^(?:[ \t]*\r?\n)+/, '').trimEnd();

/**
 * Where a document's sections start: every heading of level 1 or 2 after the title, and the
 * level-3 headings that come before any of those (the SRE book's template puts `### Date`,
 * `### Summary` … directly under the title). Deeper headings stay in their section's text.
 */
function sectionHeadings(children: readonly RootContent[], title: Heading | undefined): Heading[] {
  const breaks: Heading[] = [];
  let seenLevel2 = false;
  for (const node of children) {
    if (node.type !== 'heading' || node === title) continue;
    if (node.depth <= 2) seenLevel2 = true;
    if (node.depth <= 2 || (node.depth === 3 && !seenLevel2)) breaks.push(node);
  }
  return breaks;
}

/** The heading's inline content as written in the source. */
function headingSource(text: string, heading: Heading): string {
  const first = heading.children[0];
  const last = heading.children.at(-1);
  if (first === undefined || last === undefined) return '';
  return text.slice(first.position?.start.offset ?? 0, last.position?.end.offset ?? 0).trim();
}

/** Reads a source file with remark: optional YAML frontmatter, the H1 title, the lead and the sections. */
export function readSourceDocument(source: string): SourceDocument {
  const text = source.replace(/^\uFEFF/, '');
  const tree = sourceMarkdown.parse(text);
  const document: SourceDocument = { lead: '', sections: [] };
  let from = 0;
  const first = tree.children[0];
  if (first?.type === 'yaml') {
    from = end(first);
    try {
      const data: unknown = parseYamlText(first.value, { version: '1.2', maxAliasCount: 100 });
      if (data !== null && typeof data === 'object' && !Array.isArray(data)) document.frontmatter = data as Record<string, unknown>;
      else if (data !== null) document.frontmatterError = 'the frontmatter is not a map of fields';
    } catch (error) {
      document.frontmatterError = (error as Error).message.split('\n')[0] ?? 'unreadable YAML';
    }
  }
  const title = tree.children.find((node): node is Heading => node.type === 'heading' && node.depth === 1);
  const breaks = sectionHeadings(tree.children, title);
  const firstBreak = breaks[0] === undefined ? text.length : start(breaks[0]);
  if (title !== undefined && start(title) < firstBreak) {
    document.title = toString(title).trim();
    document.lead = trimBlock([text.slice(from, start(title)), text.slice(end(title), firstBreak)].map(trimBlock).filter(Boolean).join('\n\n'));
  } else {
    document.lead = trimBlock(text.slice(from, firstBreak));
  }
  document.sections = breaks.map((heading, i) => ({
    heading: headingSource(text, heading),
    name: toString(heading).trim(),
    depth: heading.depth,
    text: trimBlock(text.slice(end(heading), breaks[i + 1] === undefined ? text.length : start(breaks[i + 1]!))),
  }));
  return document;
}

/** Splits a section's text at its level-3 headings (MADR's "Decision Outcome", "Lessons learned"). */
export function subsections(text: string): { before: string; sections: SourceSection[] } {
  const tree = sourceMarkdown.parse(text);
  const breaks = tree.children.filter((node): node is Heading => node.type === 'heading' && node.depth === 3);
  return {
    before: trimBlock(text.slice(0, breaks[0] === undefined ? text.length : start(breaks[0]))),
    sections: breaks.map((heading, i) => ({
      heading: headingSource(text, heading),
      name: toString(heading).trim(),
      depth: 3,
      text: trimBlock(text.slice(end(heading), breaks[i + 1] === undefined ? text.length : start(breaks[i + 1]!))),
    })),
  };
}

/** A `Label: value` line of a header block: optionally bulleted, the label optionally bold. */
const LABEL = /^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?([A-Za-z][A-Za-z ()/#-]{0,40}?)(?::(?:\*\*|__)|(?:\*\*|__):|:)[ \t]*(.*)$/;

/** The label of a header line, lower case, if it is one. */
export function labelOf(line: string): string | undefined {
  const match = LABEL.exec(line);
  return match === null || /^https?$/i.test(match[1]!) ? undefined : match[1]!.trim().toLowerCase();
}

/** `Deciders: a, b` style lines (optionally bulleted or bold) in a header block, by lower-case label. */
export function labelledLines(text: string): Map<string, string> {
  const labels = new Map<string, string>();
  let current: string | undefined;
  let fence = false;
  for (const line of text.split(/\r?\n/)) {
    if (/^[ \t]{0,3}(```|~~~)/.test(line)) fence = !fence;
    if (fence) continue;
    const label = labelOf(line);
    if (label !== undefined) {
      current = label;
      if (!labels.has(current)) labels.set(current, LABEL.exec(line)![2]!.trim());
      continue;
    }
    if (line.trim() === '') {
      current = undefined;
      continue;
    }
    if (current !== undefined && !/^[ \t]*[-*+][ \t]/.test(line)) labels.set(current, `${labels.get(current)} ${line.trim()}`.trim());
  }
  return labels;
}

/** The items of the first list in `text`, as plain text, without their markers. */
export function listItems(text: string): string[] {
  const list = sourceMarkdown.parse(text).children.find((node) => node.type === 'list');
  if (list?.type !== 'list') return [];
  return list.children.map((item) => {
    const paragraph = item.children[0];
    return paragraph === undefined ? '' : text.slice(paragraph.position?.start.offset ?? 0, paragraph.position?.end.offset ?? 0).trim();
  });
}

/** `[text](target)` links in a piece of Markdown, outside code. */
export function inlineLinks(text: string): { text: string; target: string }[] {
  const links: { text: string; target: string }[] = [];
  const visitNode = (node: { type: string; url?: string; children?: unknown[] }): void => {
    if (node.type === 'link' && node.url !== undefined) links.push({ text: toString(node as never), target: node.url });
    for (const child of (node.children ?? []) as never[]) visitNode(child);
  };
  visitNode(sourceMarkdown.parse(text));
  return links;
}

/** Markdown inline syntax removed: links become their text, emphasis, code marks and comments go. */
export function plainText(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A list written in one field: `a, b and c`, a YAML list, or nothing. */
export function namesIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(namesIn);
  if (typeof value !== 'string') return [];
  return plainText(value)
    .split(/\s*(?:,|;|\band\b|&)\s*/)
    .map((name) => name.replace(/^@/, '').trim())
    .filter((name) => name !== '' && !/^\[.*\]$/.test(name) && !/^\{.*\}$/.test(name));
}
