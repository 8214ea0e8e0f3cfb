import { parse as parseYamlText } from 'yaml';

/** A level-2 (or deeper) part of a source document, its text kept exactly as written. */
export interface SourceSection {
  heading: string;
  level: number;
  text: string;
}

/** A Markdown file split the way ADR and postmortem templates are laid out. */
export interface SourceDocument {
  /** YAML frontmatter (MADR 3 and 4), when the file opens with one. */
  frontmatter?: Record<string, unknown>;
  /** Why the frontmatter could not be read, when it could not. */
  frontmatterError?: string;
  /** The text of the first level-1 heading. */
  title?: string;
  /** Text between the title and the first section: metadata lines and bullets. */
  preamble: string;
  sections: SourceSection[];
}

const HEADING = /^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^[ \t]{0,3}(```|~~~)/;

/** Lines of `text` with whether each sits inside a fenced code block. */
function* linesOf(text: string): Generator<{ line: string; fenced: boolean }> {
  let fence: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    const marker = FENCE.exec(line)?.[1];
    if (marker !== undefined && (fence === undefined || fence === marker)) {
      yield { line, fenced: true };
      fence = fence === undefined ? marker : undefined;
      continue;
    }
    yield { line, fenced: fence !== undefined };
  }
}

const trimBlock = (lines: string[]): string => lines.join('\n').replace(/^\s*\n/, '').trimEnd();

/**
 * Splits `text` at headings of exactly `level` (deeper headings stay inside the text of
 * their section), outside fenced code. Returns the text before the first such heading and
 * the sections.
 */
export function splitSections(text: string, level: number): { before: string; sections: SourceSection[] } {
  const before: string[] = [];
  const sections: { heading: string; level: number; lines: string[] }[] = [];
  for (const { line, fenced } of linesOf(text)) {
    const heading = fenced ? null : HEADING.exec(line);
    if (heading !== null && heading[1]!.length === level) {
      sections.push({ heading: heading[2]!.trim(), level, lines: [] });
      continue;
    }
    (sections.at(-1)?.lines ?? before).push(line);
  }
  return { before: trimBlock(before), sections: sections.map((s) => ({ heading: s.heading, level: s.level, text: trimBlock(s.lines) })) };
}

/** Reads a source file: optional YAML frontmatter, the H1 title, the preamble and the H2 sections. */
export function readSourceDocument(text: string): SourceDocument {
  const source = text.replace(/^\uFEFF/, '');
  const document: SourceDocument = { preamble: '', sections: [] };
  let rest = source;
  const front = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
  if (front !== null) {
    rest = source.slice(front[0].length);
    try {
      const data: unknown = parseYamlText(front[1]!, { version: '1.2', maxAliasCount: 100 });
      if (data !== null && typeof data === 'object' && !Array.isArray(data)) document.frontmatter = data as Record<string, unknown>;
      else document.frontmatterError = 'the frontmatter is not a map of fields';
    } catch (error) {
      document.frontmatterError = (error as Error).message.split('\n')[0] ?? 'unreadable YAML';
    }
  }
  const { before, sections } = splitSections(rest, 1);
  const [first, ...others] = sections;
  const head = first ?? { heading: undefined, text: before };
  if (first !== undefined) document.title = first.heading;
  const body = [head.text, ...others.map((s) => `# ${s.heading}\n\n${s.text}`)].join('\n\n');
  const split = splitSections(body, 2);
  document.preamble = split.before;
  document.sections = split.sections;
  return document;
}

/** `Deciders: a, b` style lines (optionally bulleted or bold) in a block of text, keyed by lower-case label. */
export function labelledLines(text: string): Map<string, string> {
  const labels = new Map<string, string>();
  let current: string | undefined;
  for (const { line, fenced } of linesOf(text)) {
    if (fenced) continue;
    const match = /^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?([A-Za-z][A-Za-z ()/-]{0,40}?)(?::(?:\*\*|__)|(?:\*\*|__):|:)[ \t]*(.*)$/.exec(line);
    if (match !== null && !/^https?$/i.test(match[1]!)) {
      current = match[1]!.trim().toLowerCase();
      if (!labels.has(current)) labels.set(current, match[2]!.trim());
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

/** The items of the first bullet or numbered list in `text`, without their markers. */
export function listItems(text: string): string[] {
  const items: string[] = [];
  for (const { line, fenced } of linesOf(text)) {
    if (fenced) continue;
    const item = /^(?: {0,3})(?:[-*+]|\d+[.)])[ \t]+(.*)$/.exec(line);
    if (item !== null) items.push(item[1]!.trim());
    else if (items.length > 0 && line.trim() === '') continue;
    else if (items.length > 0 && /^\S/.test(line)) break;
  }
  return items;
}

/** `[text](target)` links in a piece of Markdown. */
export function inlineLinks(text: string): { text: string; target: string }[] {
  return [...text.matchAll(/\[([^\]]*)\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => ({ text: m[1]!, target: m[2]! }));
}

/** Markdown inline syntax removed: links become their text, emphasis and code marks go. */
export function plainText(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
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
    .filter((name) => name !== '' && !/^\[.*\]$/.test(name));
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** A date as written in ADRs (`2020-07-06`, `06/07/2020`, `2020/07/06`, `6 July 2020`), as `YYYY-MM-DD`. */
export function isoDateOf(value: unknown): string | undefined {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return undefined;
  const text = plainText(value);
  const pad = (n: string | number): string => String(n).padStart(2, '0');
  const ymd = /(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/.exec(text);
  if (ymd !== null) return valid(ymd[1]!, pad(ymd[2]!), pad(ymd[3]!));
  const dmy = /(\d{1,2})[/.](\d{1,2})[/.](\d{4})/.exec(text);
  if (dmy !== null) return valid(dmy[3]!, pad(dmy[2]!), pad(dmy[1]!));
  const words = /(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\s+(\d{4})|([A-Za-z]+)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})/.exec(text);
  if (words !== null) {
    const [day, month, year] = words[1] !== undefined ? [words[1], words[2]!, words[3]!] : [words[5]!, words[4]!, words[6]!];
    const index = MONTHS.findIndex((m) => m.startsWith(month.toLowerCase().slice(0, 3)));
    if (index !== -1) return valid(year, pad(index + 1), pad(day));
  }
  return undefined;
}

function valid(year: string, month: string, day: string): string | undefined {
  const date = new Date(`${year}-${month}-${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== `${year}-${month}-${day}` ? undefined : `${year}-${month}-${day}`;
}
