/** Block quotes and lists nested deeper than this are refused: no record needs them, and parsers slow down or overflow their stack on them. */
export const MAX_NESTING = 32;

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

/**
 * Where a Markdown body first nests block quotes or lists deeper than MAX_NESTING, read
 * without parsing it: on each line, the container markers it opens (`>`, `-`, `+`, `*`,
 * `1.`, `1)`) and, before a list marker, its indentation (a nested list item is indented by
 * at least two columns per level). Top-level fenced code is skipped. Linear in the text,
 * so it can run before the parsers that are not: remark and MDX overflow the call stack on
 * ten thousand nested `>`, and rendering slows down with the square of the depth.
 */
export function nestingTooDeep(text: string, bodyOffset = 0): { offset: number; message: string } | undefined {
  let fence: { char: string; length: number } | undefined;
  for (let start = bodyOffset; start < text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(start, end);
    if (fence !== undefined) {
      const close = FENCE_CLOSE.exec(line);
      if (close?.[1] !== undefined && close[1][0] === fence.char && close[1].length >= fence.length) fence = undefined;
    } else {
      const open = FENCE_OPEN.exec(line);
      if (open?.[1] !== undefined && !(open[1][0] === '`' && (open[2] ?? '').includes('`'))) fence = { char: open[1][0] ?? '`', length: open[1].length };
      else {
        const deep = deepMarker(line);
        if (deep !== undefined) {
          return {
            offset: start + deep.at,
            message: `Unexpected block quotes or lists nested ${deep.depth} deep, expected at most ${MAX_NESTING} levels (put quoted or generated text in a code block)`,
          };
        }
      }
    }
    start = end + 1;
  }
  return undefined;
}

/** The position in a line of the container marker past the limit, and how deep the line nests. */
function deepMarker(line: string): { at: number; depth: number } | undefined {
  const tails = { '-': thematicTail(line, '-'), '*': thematicTail(line, '*') };
  const markers: number[] = [];
  let indentation = 0;
  for (let at = 0; ; ) {
    while (line.charCodeAt(at) === 32 || line.charCodeAt(at) === 9) at++;
    const length = markerLength(line, at, tails);
    if (length === 0) break;
    if (markers.length === 0 && line[at] !== '>') indentation = Math.floor(at / 2);
    markers.push(at);
    at += length;
  }
  const depth = indentation + markers.length;
  if (depth <= MAX_NESTING) return undefined;
  return { at: markers[Math.max(0, MAX_NESTING - indentation)] ?? 0, depth };
}

/** The length of the container marker at `at` (0 when there is none): `>`, a bullet or an ordered marker followed by a space or the end. */
function markerLength(line: string, at: number, tails: Record<'-' | '*', number>): number {
  const char = line[at];
  if (char === '>') return 1;
  if (char === '-' || char === '*') return isBlankOrEnd(line, at + 1) && !isThematicBreak(line, at, char, tails[char]) ? 1 : 0;
  if (char === '+') return isBlankOrEnd(line, at + 1) ? 1 : 0;
  let digits = 0;
  while (digits < 10 && isDigit(line.charCodeAt(at + digits))) digits++;
  if (digits === 0 || digits > 9 || (line[at + digits] !== '.' && line[at + digits] !== ')')) return 0;
  return isBlankOrEnd(line, at + digits + 1) ? digits + 1 : 0;
}

function isBlankOrEnd(line: string, at: number): boolean {
  const code = line.charCodeAt(at);
  return Number.isNaN(code) || code === 32 || code === 9 || code === 13;
}

/** Where the line's tail of `char`, spaces and tabs begins: a thematic break (`- - -`) can only start there. */
function thematicTail(line: string, char: string): number {
  let at = line.length;
  while (at > 0 && (line[at - 1] === char || line[at - 1] === ' ' || line[at - 1] === '\t' || line[at - 1] === '\r')) at--;
  return at;
}

/**
 * Whether the line from `at` on is a thematic break made of `char`, which is no list. Counted
 * only inside the tail, so a line of many markers is not rescanned for each of them.
 */
function isThematicBreak(line: string, at: number, char: string, tail: number): boolean {
  if (at < tail) return false;
  let count = 0;
  for (let i = at; i < line.length && count < 3; i++) if (line[i] === char) count++;
  return count >= 3;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
