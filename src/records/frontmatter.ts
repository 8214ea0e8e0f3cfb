import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import type { Position } from './problem.ts';
import { LineIndex } from './text.ts';

export type PathSegment = string | number;

/**
 * Answers "where in the file is this field?". The `yaml` package keeps source ranges but
 * is slow; it parses the text only the first time a position is asked for, which on a
 * healthy handbook is never.
 */
export class YamlLocator {
  readonly #text: string;
  readonly #lineOffset: number;
  #parsed: { doc: Document; lines: LineCounter } | undefined;
  #lines: string[] | undefined;

  constructor(text: string, lineOffset: number) {
    this.#text = text;
    this.#lineOffset = lineOffset;
  }

  get #doc(): Document {
    return this.#parse().doc;
  }

  #parse(): { doc: Document; lines: LineCounter } {
    if (this.#parsed === undefined) {
      const lines = new LineCounter();
      this.#parsed = { doc: parseDocument(this.#text, { version: '1.2', lineCounter: lines }), lines };
    }
    return this.#parsed;
  }

  #at(offset: number): Position {
    const { line, col } = this.#parse().lines.linePos(offset);
    return { line: line + this.#lineOffset, column: col };
  }

  /** The start of the YAML text: where a field missing at the top level belongs. */
  get start(): Position {
    return { line: 1 + this.#lineOffset, column: 1 };
  }

  /**
   * The position of the value at `path` (or of its key, with `key: true`). When the path
   * does not exist, the position of the deepest node that does, so a missing list item
   * field points at the item it belongs to. `parsed: true` always asks the parser.
   */
  locate(path: readonly PathSegment[], { key = false, parsed = false } = {}): Position {
    return (parsed ? undefined : this.#quick(path, key)) ?? this.#locateParsed(path, key);
  }

  /** The YAML text the positions refer to. */
  get text(): string {
    return this.#text;
  }

  /**
   * `locate` without parsing, for the block-style YAML records are written in: a top-level
   * key, an item of a block list, or a field of a map in a block list. Undefined whenever
   * the text is anything else (flow collections, anchors, tags, multi-line values, a
   * missing path), so the parser answers; a test holds the two to the same answers.
   */
  #quick(path: readonly PathSegment[], key: boolean): Position | undefined {
    const [top, index, field] = path;
    if (typeof top !== 'string' || path.length > 3 || (path.length > 1 && typeof index !== 'number') || (path.length > 2 && typeof field !== 'string')) return undefined;
    const lines = (this.#lines ??= this.#text.split('\n'));
    const at = (line: number, column: number): Position => ({ line: line + 1 + this.#lineOffset, column: column + 1 });
    const entry = (line: string, indent: number, name: string): { key: number; value: number } | undefined => {
      if (!line.startsWith(name, indent) || line[indent + name.length] !== ':') return undefined;
      const rest = line.slice(indent + name.length + 1);
      if (rest !== '' && !/^[ \t]/.test(rest)) return undefined;
      const value = rest.search(/\S/);
      return { key: indent, value: value === -1 || rest[value] === '#' ? -1 : indent + name.length + 1 + value };
    };
    const plain = (line: string, column: number): boolean => !/^[&*!|>{[]/.test(line.slice(column));
    const row = lines.findIndex((line) => entry(line, 0, top) !== undefined);
    if (row === -1) return undefined;
    const found = entry(lines[row]!, 0, top)!;
    if (path.length === 1) {
      if (key) return at(row, 0);
      return found.value !== -1 && plain(lines[row]!, found.value) ? at(row, found.value) : undefined;
    }
    if (path.length === 2 && found.value !== -1) {
      const column = flowItem(lines[row]!, found.value, index as number);
      return column === undefined ? undefined : at(row, column);
    }
    if (found.value !== -1) return undefined;
    // The block list under `top`: items are `- ` lines at one indentation, up to the next top-level line.
    let end = lines.findIndex((line, i) => i > row && /^\S/.test(line) && !line.startsWith('#'));
    if (end === -1) end = lines.length;
    const dash = lines.slice(row + 1, end).find((line) => /^\s*-( |$)/.test(line))?.search(/-/);
    if (dash === undefined) return undefined;
    const items: number[] = [];
    for (let i = row + 1; i < end; i++) {
      const line = lines[i]!;
      if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
      const indent = line.search(/\S/);
      if (indent < dash || (indent === dash && !/^-( |$)/.test(line.slice(dash)))) return undefined;
      if (indent === dash) items.push(i);
    }
    const item = items[index as number];
    if (item === undefined) return undefined;
    const line = lines[item]!;
    const gap = line.slice(dash + 1).search(/\S/);
    const content = dash + 1 + gap;
    if (gap === -1 || line[content] === '#') return undefined;
    if (path.length === 2) return plain(line, content) && !/^[^'"]*:( |$)/.test(line.slice(content)) ? at(item, content) : undefined;
    // A field of the map that starts on the item's line.
    const next = items[(index as number) + 1] ?? end;
    for (let i = item; i < next; i++) {
      const candidate = entry(lines[i]!, content, field as string);
      if (candidate === undefined || (i > item && lines[i]!.search(/\S/) !== content)) continue;
      if (key) return at(i, content);
      return candidate.value !== -1 && plain(lines[i]!, candidate.value) ? at(i, candidate.value) : undefined;
    }
    return undefined;
  }

  #locateParsed(path: readonly PathSegment[], key: boolean): Position {
    let node: unknown = this.#doc.contents;
    let found = this.start;
    for (const [i, segment] of path.entries()) {
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === segment);
        if (pair === undefined) return found;
        const keyNode = pair.key as Node;
        if (last && key && keyNode.range) return this.#at(keyNode.range[0]);
        node = pair.value;
        const target = (node as Node | null)?.range ? (node as Node) : keyNode;
        if (target.range) found = this.#at(target.range[0]);
      } else if (isSeq(node) && typeof segment === 'number') {
        node = node.items[segment];
        const range = (node as Node | undefined)?.range;
        if (range === undefined || range === null) return found;
        found = this.#at(range[0]);
      } else {
        return found;
      }
    }
    return found;
  }

  /**
   * Every match of `pattern` (a global regex) in the YAML text, outside comments, with its
   * position. Scans the text itself, so it needs no parse.
   */
  scan(pattern: RegExp): { value: string; position: Position }[] {
    // Text without a match anywhere has none outside comments either: most records.
    pattern.lastIndex = 0;
    const anywhere = pattern.test(this.#text);
    pattern.lastIndex = 0;
    if (!anywhere) return [];
    return this.#text.split('\n').flatMap((line, i) => {
      const code = line.replace(/(^|\s)#.*$/, '$1');
      return [...code.matchAll(pattern)].map((match) => ({
        value: match[0],
        position: { line: i + 1 + this.#lineOffset, column: match.index + 1 },
      }));
    });
  }
}

/** A flow list item written as a plain word or words, such as `[a-b, c]`: nothing YAML could read another way. */
const FLOW_WORD = /^[\w.][\w./+-]*(?: [\w./+-]+)*$/;

/**
 * The column of item `index` of a one-line flow list of plain words (`outcomes: [a, b]`)
 * starting at `column` of `line`; undefined for anything else (quotes, nesting, a comma
 * left dangling, a comment), which the parser answers.
 */
function flowItem(line: string, column: number, index: number): number | undefined {
  if (line[column] !== '[') return undefined;
  const close = line.indexOf(']', column);
  if (close === -1 || line.slice(close + 1).trim() !== '') return undefined;
  let start = column + 1;
  const starts: number[] = [];
  for (const part of line.slice(column + 1, close).split(',')) {
    if (!FLOW_WORD.test(part.trim())) return undefined;
    starts.push(start + part.search(/\S/));
    start += part.length + 1;
  }
  return starts[index];
}

export type Frontmatter =
  | { ok: true; data: unknown; locator: YamlLocator; bodyOffset: number; bodyLine: number }
  | { ok: false; problems: { position: Position; rule: string; message: string }[] };

const FENCE = /^---[ \t]*$/;

/**
 * Splits a record into YAML frontmatter and body and parses the YAML as 1.2 (so `no`
 * stays a string). Problems come back as values, with positions in the whole file.
 */
export function parseFrontmatter(text: string): Frontmatter {
  const firstEnd = text.indexOf('\n');
  if (!FENCE.test((firstEnd === -1 ? text : text.slice(0, firstEnd)).replace(/\r$/, ''))) {
    return {
      ok: false,
      problems: [
        {
          position: { line: 1, column: 1 },
          rule: 'frontmatter-missing',
          message: 'Unexpected start of file, expected a frontmatter block opened by `---` on the first line',
        },
      ],
    };
  }
  // The closing line: only the frontmatter's lines are looked at, never the body's.
  let close = -1;
  let closeStart = 0;
  let closeEnd = 0;
  let line = 1;
  for (let start = firstEnd + 1; firstEnd !== -1; line++) {
    const found = text.indexOf('\n', start);
    const end = found === -1 ? text.length : found;
    const content = text.slice(start, end).replace(/\r$/, '');
    if (FENCE.test(content) || content === '...') {
      [close, closeStart, closeEnd] = [line, start, end];
      break;
    }
    if (found === -1) break;
    start = end + 1;
  }
  // YAML allows `...` to end a document, but Markdown tools (Astro's MDX compiler, GitHub's
  // preview) only end frontmatter at `---`: they would show the fields as body text.
  if (close !== -1 && !FENCE.test(text.slice(closeStart, closeEnd).replace(/\r$/, ''))) {
    return {
      ok: false,
      problems: [{ position: { line: close + 1, column: 1 }, rule: 'frontmatter-unterminated', message: 'Unexpected `...` closing the frontmatter, expected `---`' }],
    };
  }
  if (close === -1) {
    return {
      ok: false,
      problems: [
        {
          position: { line: firstEnd === -1 ? 1 : line + 1, column: 1 },
          rule: 'frontmatter-unterminated',
          message: 'Unexpected end of file, expected `---` to close the frontmatter opened on line 1',
        },
      ],
    };
  }
  const yamlText = closeStart > firstEnd + 1 ? text.slice(firstEnd + 1, closeStart - 1).replace(/\r$/gm, '') : '';
  const bodyOffset = closeEnd + 1;
  const parsed = parseYaml(yamlText, 1);
  if (!parsed.ok) return parsed;
  if (parsed.data === null || typeof parsed.data !== 'object' || Array.isArray(parsed.data)) {
    return {
      ok: false,
      problems: [
        {
          position: { line: 2, column: 1 },
          rule: 'frontmatter-shape',
          message: 'Unexpected frontmatter, expected a map of fields such as `title: ...`',
        },
      ],
    };
  }
  return { ...parsed, bodyOffset, bodyLine: close + 2 };
}

const duplicateKeyMessage = (key: string | undefined): string =>
  key === undefined ? 'Unexpected second use of a key, expected each key once in a map' : `Unexpected second \`${key}\`, expected each key once in a map`;

/** Flow collections nested deeper than this are refused before parsing: no record needs them. */
export const MAX_YAML_DEPTH = 32;

const DEPTH_MESSAGE = 'Unexpected nesting too deep to read, expected plain fields and short lists';

/**
 * What the handbook refuses to parse: flow collections nested deeper than
 * MAX_YAML_DEPTH (they exhaust the parser's stack) and aliases, which let a few lines
 * expand into millions of values ("billion laughs"). Aliases are found by the `yaml`
 * parser, which does not expand them, and only when a `*` could start one.
 */
function refuse(text: string): { offset: number; rule: string; message: string } | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (char === 91 || char === 123) {
      depth += 1;
      if (depth > MAX_YAML_DEPTH) return { offset: i, rule: 'yaml-depth', message: DEPTH_MESSAGE };
    } else if ((char === 93 || char === 125) && depth > 0) depth -= 1;
    else if (char === 10) depth = text.startsWith('  ', i + 1) || text.startsWith('- ', i + 1) ? depth : 0;
  }
  if (!/(?:^|[\s,[{])\*[^\s,[\]{}]/.test(text)) return undefined;
  let alias: { offset: number; source: string } | undefined;
  visit(parseDocument(text, { version: '1.2' }), {
    Alias(_, node) {
      alias = { offset: node.range?.[0] ?? 0, source: node.source };
      return visit.BREAK;
    },
  });
  return alias === undefined ? undefined : { offset: alias.offset, rule: 'yaml-alias', message: `Unexpected YAML alias \`*${alias.source}\`, expected every value written out: aliases can expand a few lines into millions of values` };
}

/**
 * Parses YAML 1.2 text whose first line is line `lineOffset + 1` of its file. Values come
 * from js-yaml with its YAML 1.2 core schema (fast; no 1.1 surprises such as `no` → false,
 * and dates stay strings); the `yaml` package supplies positions when something is wrong.
 */
export function parseYaml(text: string, lineOffset = 0): Frontmatter {
  const parsed = parseYamlText(text, lineOffset);
  if (parsed.ok) return parsed;
  // Both parsers give up on deep block nesting in their own words; say it once, plainly.
  const problems = parsed.problems.map((p) => (/maxDepth|call stack/i.test(p.message) ? { ...p, rule: 'yaml-depth', message: DEPTH_MESSAGE } : p));
  return { ok: false, problems };
}

function parseYamlText(text: string, lineOffset: number): Frontmatter {
  const refused = refuse(text);
  if (refused !== undefined) {
    const position = new LineIndex(text).positionAt(refused.offset);
    return { ok: false, problems: [{ position: { line: position.line + lineOffset, column: position.column }, rule: refused.rule, message: refused.message }] };
  }
  try {
    const data: unknown = loadYaml(text, { schema: CORE_SCHEMA });
    return { ok: true, data, locator: new YamlLocator(text, lineOffset), bodyOffset: text.length, bodyLine: 1 };
  } catch (error) {
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { version: '1.2', lineCounter, prettyErrors: true, uniqueKeys: true });
    if (doc.errors.length > 0) {
      return {
        ok: false,
        problems: doc.errors.map((e) => ({
          position: { line: (e.linePos?.[0].line ?? 1) + lineOffset, column: e.linePos?.[0].col ?? 1 },
          rule: e.code === 'DUPLICATE_KEY' ? 'yaml-duplicate-key' : 'yaml-syntax',
          message:
            e.code === 'DUPLICATE_KEY'
              ? duplicateKeyMessage(/^\s*(?:-\s+)?([^:#\s][^:#]*?)\s*:/.exec(text.slice(e.pos[0]).split('\n')[0] ?? '')?.[1])
              : `Unexpected YAML: ${(e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}`,
        })),
      };
    }
    const mark = (error as { mark?: { line: number; column: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? String(error);
    return {
      ok: false,
      problems: [{ position: { line: (mark?.line ?? 0) + 1 + lineOffset, column: (mark?.column ?? 0) + 1 }, rule: 'yaml-syntax', message: `Unexpected YAML: ${reason}` }],
    };
  }
}
