import type { BodyLink, Prose, RawHtml, Section } from './body.ts';
import type { LineIndex } from './text.ts';

/** What the scanner reads from a body: the parts of a `Body` that come from its Markdown. */
export interface Scanned {
  sections: Section[];
  prose: Prose[];
  html: RawHtml[];
  links: BodyLink[];
}

/** A top-level block as sections see it: a heading, or something a reader sees under one (`heading` absent). */
export interface Block {
  heading?: Omit<Section, 'empty'>;
}

/**
 * The sections of a body from its top-level blocks. A section is empty when no block other
 * than a heading comes before the next heading of the same or a higher level; read from the
 * end, so a body of many headings costs one pass, not one pass per heading.
 */
export function sectionsOf(blocks: readonly Block[]): Section[] {
  const sections: Section[] = [];
  let nextContent = Number.POSITIVE_INFINITY;
  // nextHeading[d]: the index of the nearest following heading of level d or higher.
  const nextHeading = Array<number>(7).fill(Number.POSITIVE_INFINITY);
  for (let i = blocks.length - 1; i >= 0; i--) {
    const heading = blocks[i]?.heading;
    if (heading === undefined) {
      nextContent = i;
      continue;
    }
    sections.push({ ...heading, empty: !(nextContent < (nextHeading[heading.depth] ?? Number.POSITIVE_INFINITY)) });
    for (let depth = heading.depth; depth <= 6; depth++) nextHeading[depth] = i;
  }
  return sections.reverse();
}

const TICK = 96;
const FENCE_OPEN = /^(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const ATX = /^(#{1,6})(?=[ \t]|$)/;
const SETEXT = /^(?:=+|-+)[ \t]*$/;
const THEMATIC = /^(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const ITEM = /^([-+]|(\d{1,9})[.)])(?= |$)( *)/;
/** Pipes, dashes, colons and spaces: with a dash, a line that could be a table's delimiter row. */
const DELIMITER_CHARS = /^[|:\- \t]+$/;
const DELIMITER_CELL = /^:?-+:?$/;
const TASK = /^\[[ xX]\](?:[ \t]|$)/;
/** Lines the scanner leaves to the parser: tabs and other control characters. */
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F]/;
/**
 * Inline syntax the scanner does not read, so remark must: raw HTML and autolinks (`<`),
 * character references, escapes, emphasis and strikethrough, GFM autolink literals (`@`,
 * `://`, `www.`), reference definitions (`]:`), footnotes (`[^`), and hard line breaks.
 */
const UNREAD = /[<&\\*_~@]|:\/\/|www\.|\]:|\[\^| {2}\r?\n/i;

/** A line of the body: where it starts and ends (before any `\r\n`), and its leading spaces. */
interface Line {
  start: number;
  end: number;
  indent: number;
}

/** An open list item: where its content starts, and its list's type (the bullet, or the ordered delimiter). */
interface Item {
  column: number;
  type: string;
}

/** The parser's decision is needed: thrown inside the scanner, caught at its entry. */
class Decline extends Error {}

const decline = (): never => {
  throw new Decline();
};

/**
 * Reads the headings, prose, raw HTML and links of a Markdown body in one pass over its
 * lines, or declines (`undefined`) when the body holds anything it cannot answer exactly as
 * remark (with GFM) does: raw HTML, entities, escapes, emphasis, block quotes, reference
 * definitions, autolink literals, code or blocks nested in list items, indented code, tabs,
 * tables it cannot delimit for certain. What it does answer, it answers exactly (a property
 * test holds it to the parser); it exists because most records are plain prose, headings,
 * simple lists, tables and fenced code, and reading those is two orders of magnitude faster
 * than parsing them.
 */
export function scanMarkdown(text: string, bodyOffset: number, lines: LineIndex): Scanned | undefined {
  try {
    return new Scanner(text, lines).run(bodyOffset);
  } catch (error) {
    if (error instanceof Decline) return undefined;
    throw error;
  }
}

class Scanner {
  readonly #text: string;
  readonly #lines: LineIndex;
  readonly #blocks: Block[] = [];
  readonly #prose: Prose[] = [];
  readonly #links: BodyLink[] = [];
  /** Lines of the paragraph being read (in a list item or at the top level). */
  #paragraph: Line[] = [];
  /** The open list items, outermost first. */
  #items: Item[] = [];
  /** A blank line came after the last list item line. */
  #blankInList = false;
  /** The number of cells of the table being read. */
  #table: number | undefined;
  #fence: { char: string; length: number } | undefined;

  constructor(text: string, lines: LineIndex) {
    this.#text = text;
    this.#lines = lines;
  }

  run(bodyOffset: number): Scanned {
    const text = this.#text;
    for (let start = bodyOffset; start < text.length || start === bodyOffset; ) {
      const newline = text.indexOf('\n', start);
      const stop = newline === -1 ? text.length : newline;
      const end = stop > start && text.charCodeAt(stop - 1) === 13 ? stop - 1 : stop;
      this.#line(start, end);
      if (newline === -1) break;
      start = newline + 1;
    }
    this.#closeParagraph();
    return { sections: sectionsOf(this.#blocks), prose: this.#prose, html: [], links: this.#links };
  }

  #line(start: number, end: number): void {
    const source = this.#text.slice(start, end);
    if (this.#fence !== undefined) {
      const close = FENCE_CLOSE.exec(source);
      if (close?.[1] !== undefined && close[1][0] === this.#fence.char && close[1].length >= this.#fence.length) this.#fence = undefined;
      return;
    }
    if (CONTROL.test(source)) decline();
    let indent = 0;
    while (source.charCodeAt(indent) === 32) indent++;
    const line: Line = { start, end, indent };
    const rest = source.slice(indent);
    if (rest === '') {
      this.#closeParagraph();
      this.#table = undefined;
      if (this.#items.length > 0) this.#blankInList = true;
      return;
    }
    if (this.#table !== undefined) {
      this.#row(line, rest);
      return;
    }
    const item = ITEM.exec(rest);
    if (item !== null && !THEMATIC.test(rest)) {
      this.#item(line, rest, item);
      return;
    }
    if (this.#items.length > 0) {
      // Under a list item, `===` and `---` may be lazy text or a heading or rule of the item.
      if (SETEXT.test(rest) || delimiterLike(rest)) decline();
      if (this.#blankInList || this.#startsBlock(rest)) {
        // Only a line at the left margin surely leaves every list item.
        if (indent > 0) decline();
        this.#closeParagraph();
        this.#items = [];
        this.#blankInList = false;
      } else {
        this.#paragraph.push(line);
        return;
      }
    }
    this.#topLevel(line, rest);
  }

  /** Whether a line inside a list item would start a block rather than continue the item's paragraph. */
  #startsBlock(rest: string): boolean {
    return ATX.test(rest) || FENCE_OPEN.test(rest) || THEMATIC.test(rest) || SETEXT.test(rest) || delimiterLike(rest) || rest.startsWith('>');
  }

  #topLevel(line: Line, rest: string): void {
    if (line.indent >= 4) {
      // Indented code, unless it continues a paragraph.
      if (this.#paragraph.length === 0) decline();
      this.#paragraph.push(line);
      return;
    }
    const fence = FENCE_OPEN.exec(rest);
    if (fence?.[1] !== undefined && !(fence[1][0] === '`' && (fence[2] ?? '').includes('`'))) {
      this.#closeParagraph();
      this.#fence = { char: fence[1][0] ?? '`', length: fence[1].length };
      this.#blocks.push({});
      return;
    }
    const atx = ATX.exec(rest);
    if (atx?.[1] !== undefined) {
      this.#closeParagraph();
      this.#atx(line, atx[1].length);
      return;
    }
    // An underline of `=` or `-` alone makes a heading even under a row of cells: GFM's
    // delimiter row has a pipe or a colon.
    if (this.#paragraph.length > 0 && SETEXT.test(rest)) {
      this.#setext(rest.startsWith('=') ? 1 : 2);
      return;
    }
    if (THEMATIC.test(rest)) {
      this.#closeParagraph();
      this.#blocks.push({});
      return;
    }
    if (rest.startsWith('>')) decline();
    if (this.#paragraph.length > 0 && delimiterLike(rest)) {
      this.#tableStart(line, rest);
      return;
    }
    this.#paragraph.push(line);
  }

  #item(line: Line, rest: string, item: RegExpExecArray): void {
    const [, marker = '', number, spaces = ''] = item;
    const content = rest.slice(marker.length);
    // Empty items and items starting with indented code follow rules the scanner does not model.
    if (spaces.length === 0 || spaces.length > 4 || content.length === spaces.length) decline();
    const first = content.slice(spaces.length);
    if (this.#startsBlock(first) || ITEM.test(first) || TASK.test(first)) decline();
    if (this.#blankInList && line.indent > 0) decline();
    let closed: Item | undefined;
    while (this.#items.length > 0 && (this.#items.at(-1)?.column ?? 0) > line.indent) closed = this.#items.pop();
    const parent = this.#items.at(-1);
    // A marker indented past its parent's content by four or more is paragraph text.
    if (parent === undefined ? line.indent > 3 : line.indent - parent.column > 3) decline();
    const type = number === undefined ? marker : marker.slice(-1);
    // An item of a new list may interrupt a paragraph only if it is a bullet or starts at 1;
    // an item continuing its list (same bullet or delimiter) interrupts nothing.
    if (number !== undefined && Number(number) !== 1 && this.#paragraph.length > 0 && closed?.type !== type) decline();
    this.#closeParagraph();
    this.#blankInList = false;
    const column = line.indent + marker.length + spaces.length;
    this.#items.push({ column, type });
    this.#paragraph.push({ start: line.start + column, end: line.end, indent: 0 });
  }

  #atx(line: Line, depth: number): void {
    const text = this.#text;
    let start = line.start + line.indent + depth;
    let end = line.end;
    while (start < end && isBlank(text.charCodeAt(start))) start++;
    while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
    // A closing sequence of `#`s is dropped when a space precedes it (or it is all there is).
    let hashes = end;
    while (hashes > start && text.charCodeAt(hashes - 1) === 35) hashes--;
    if (hashes < end && (hashes === start || isBlank(text.charCodeAt(hashes - 1)))) {
      end = hashes;
      while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
    }
    const title: string[] = [];
    this.#inline(start, end, title);
    this.#blocks.push({ heading: { title: title.join('').trim(), depth, position: this.#lines.positionAt(line.start + line.indent) } });
  }

  #setext(depth: number): void {
    const first = this.#paragraph[0];
    const last = this.#paragraph.at(-1);
    this.#paragraph = [];
    if (first === undefined || last === undefined) return;
    const start = first.start + first.indent;
    const title: string[] = [];
    this.#inline(start, trimEnd(this.#text, start, last.end), title);
    this.#blocks.push({ heading: { title: title.join('').trim(), depth, position: this.#lines.positionAt(start) } });
  }

  #closeParagraph(): void {
    const first = this.#paragraph[0];
    const last = this.#paragraph.at(-1);
    this.#paragraph = [];
    if (first === undefined || last === undefined) return;
    const start = first.start + first.indent;
    this.#inline(start, trimEnd(this.#text, start, last.end));
    this.#blocks.push({});
  }

  /** A one-line paragraph of cells and a delimiter row with as many: a GFM table. Anything else is left to the parser. */
  #tableStart(line: Line, rest: string): void {
    const header = this.#paragraph[0];
    if (this.#paragraph.length !== 1 || header === undefined || header.indent > 3) decline();
    const headerCells = this.#cells(header!);
    const delimiter = this.#cells(line);
    if (headerCells.length === 0 || headerCells.length !== delimiter.length || !rest.startsWith('|')) decline();
    if (!delimiter.every(([s, e]) => DELIMITER_CELL.test(this.#text.slice(s, e)))) decline();
    this.#paragraph = [];
    for (const [s, e] of headerCells) this.#inline(s, e);
    this.#table = headerCells.length;
    this.#blocks.push({});
  }

  #row(line: Line, rest: string): void {
    if (line.indent > 3 || delimiterLike(rest) || this.#items.length > 0) decline();
    const cells = this.#cells(line);
    if (cells.length > (this.#table ?? 0)) decline();
    for (const [s, e] of cells) this.#inline(s, e);
  }

  /** The trimmed cells of a row that starts with a pipe (the scanner reads no other tables); pipes in code split cells too, as in GFM. */
  #cells(line: Line): [number, number][] {
    const row = this.#text.slice(line.start, line.end);
    let start = line.indent;
    if (row.charCodeAt(start) !== 124) decline();
    start++;
    let end = trimEnd(row, start, row.length);
    if (end > start && row.charCodeAt(end - 1) === 124) end--;
    const cells: [number, number][] = [];
    for (let from = start; from <= end; ) {
      const pipe = row.indexOf('|', from);
      const stop = pipe === -1 || pipe > end ? end : pipe;
      let s = from;
      while (s < stop && isBlank(row.charCodeAt(s))) s++;
      cells.push([line.start + s, line.start + trimEnd(row, s, stop)]);
      from = stop + 1;
    }
    return cells;
  }

  /**
   * Reads inline content: code spans (matched the CommonMark way), inline links and images
   * in their simplest form, and text. Its text runs are the text nodes remark would make.
   * With `title`, collects the heading's text as mdast-util-to-string reads it. Works on a
   * copy of the content, so no search runs past its end.
   */
  #inline(start: number, end: number, title?: string[]): void {
    const content = this.#text.slice(start, end);
    const spans = codeSpans(content);
    let from = 0;
    for (let i = 0; i <= spans.length; i += 2) {
      const open = spans[i] ?? content.length;
      this.#gap(content, start, from, open, title);
      if (i === spans.length) break;
      const close = spans[i + 1] ?? content.length;
      title?.push(codeValue(content.slice(open, close)));
      from = close;
    }
  }

  /** Text between code spans (content[start, end), content starting at `base` in the body), with the inline links and images in it. */
  #gap(content: string, base: number, start: number, end: number, title?: string[]): void {
    // Searched on its own, so finding no link costs the gap, not the rest of the paragraph.
    const gap = content.slice(start, end);
    const at0 = base + start;
    let from = 0;
    for (let at = gap.indexOf(']('); at !== -1; at = gap.indexOf('](', from)) {
      let open = at - 1;
      while (open >= from && gap.charCodeAt(open) !== 91 && gap.charCodeAt(open) !== 93) open--;
      if (open < from || gap.charCodeAt(open) === 93) decline();
      const image = open > from && gap.charCodeAt(open - 1) === 33;
      const linkStart = image ? open - 1 : open;
      let close = at + 2;
      while (close < gap.length && isUrlChar(gap.charCodeAt(close))) close++;
      if (gap.charCodeAt(close) !== 41) decline();
      this.#textRun(gap, at0, from, linkStart, title);
      if (image) title?.push(checked(gap.slice(open + 1, at)));
      else this.#textRun(gap, at0, open + 1, at, title);
      this.#links.push({ kind: image ? 'image' : 'link', url: gap.slice(at + 2, close), position: this.#lines.positionAt(at0 + linkStart) });
      from = close + 1;
    }
    this.#textRun(gap, at0, from, gap.length, title);
  }

  /** A text node: kept as prose unless it holds syntax the scanner does not read. */
  #textRun(content: string, base: number, start: number, end: number, title?: string[]): void {
    if (start >= end) return;
    const source = checked(content.slice(start, end));
    this.#prose.push({ source, offset: base + start });
    title?.push(textValue(source));
  }
}

function checked(source: string): string {
  if (UNREAD.test(source)) decline();
  return source;
}

function delimiterLike(rest: string): boolean {
  return DELIMITER_CHARS.test(rest) && rest.includes('-');
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

/** Characters of a link destination the scanner reads as remark does: no spaces, parentheses, brackets, escapes or references. */
function isUrlChar(code: number): boolean {
  return code > 32 && code !== 40 && code !== 41 && code !== 60 && code !== 62 && code !== 91 && code !== 92 && code !== 93 && code !== 38 && code !== 96 && code !== 127;
}

function trimEnd(text: string, start: number, end: number): number {
  let stop = end;
  while (stop > start && isBlank(text.charCodeAt(stop - 1))) stop--;
  return stop;
}

/**
 * The code spans of `content` as `[open, close, open, close, …]`: a run of backticks opens a
 * span closed by the next run of the same length, else it is literal. Each run's next run of
 * the same length is found in one pass from the end, so the matching is linear however many
 * unmatched runs there are (a lazy regex retries from every run: quadratic). Runs live in
 * typed arrays: a long line of backticks makes no garbage.
 */
export function codeSpans(content: string): number[] {
  const first = content.indexOf('`');
  if (first === -1) return [];
  let ticks = 0;
  for (let i = first; i !== -1; i = content.indexOf('`', i + 1)) ticks++;
  const at = new Int32Array(ticks);
  const length = new Int32Array(ticks);
  let runs = 0;
  for (let i = first; i !== -1; i = content.indexOf('`', i)) {
    let j = i;
    while (content.charCodeAt(j) === TICK) j++;
    at[runs] = i;
    length[runs++] = j - i;
    i = j;
  }
  const next = new Int32Array(runs);
  const latest = new Map<number, number>();
  for (let r = runs - 1; r >= 0; r--) {
    next[r] = latest.get(length[r] ?? 0) ?? -1;
    latest.set(length[r] ?? 0, r);
  }
  const spans: number[] = [];
  for (let r = 0; r < runs; r++) {
    const match = next[r] ?? -1;
    if (match === -1) continue;
    spans.push(at[r] ?? 0, (at[match] ?? 0) + (length[match] ?? 0));
    r = match;
  }
  return spans;
}

/** The value of a code span as mdast holds it: line endings become spaces, one space is stripped from each side when both have one. */
function codeValue(span: string): string {
  let length = 0;
  while (span.charCodeAt(length) === TICK) length++;
  const value = span.slice(length, span.length - length).replace(/\r?\n[ \t]*/g, ' ');
  return value.startsWith(' ') && value.endsWith(' ') && /[^ ]/.test(value) ? value.slice(1, -1) : value;
}

/** The value of a text node as mdast holds it: the spaces around its line endings are dropped. */
function textValue(source: string): string {
  if (!source.includes('\n')) return source;
  const pieces = source.split('\n');
  return pieces
    .map((piece, i) => {
      let start = 0;
      let end = piece.length;
      if (i < pieces.length - 1) while (end > 0 && (isBlank(piece.charCodeAt(end - 1)) || piece.charCodeAt(end - 1) === 13)) end--;
      if (i > 0) while (start < end && isBlank(piece.charCodeAt(start))) start++;
      return piece.slice(start, end);
    })
    .join('\n');
}
