import type { Prose, Section } from './body.ts';
import type { LineIndex } from './text.ts';

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const ATX = /^( {0,3})(#{1,6})(?=[ \t]|$)[ \t]*(.*?)(?:[ \t]+#+)?[ \t]*$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const BLOCK_START = /^ {0,3}(?:[-+*]|\d{1,9}[.)]|>|\|)/;
const CODE_SPAN = /(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g;

interface Line {
  text: string;
  offset: number;
}

/**
 * Finds the headings and prose of a Markdown body in one pass over its lines: fenced code
 * is skipped, ATX and setext headings become sections, code spans are blanked out of prose.
 * It covers the CommonMark block structure that the rules look at, and is kept in
 * agreement with remark by a test over every example record and fixture; it exists
 * because it is two orders of magnitude faster than a full parse on large handbooks.
 */
export function scanMarkdown(text: string, bodyOffset: number, lines: LineIndex): { sections: Section[]; prose: Prose[] } {
  const all: Line[] = [];
  for (let offset = bodyOffset; offset < text.length; ) {
    const end = text.indexOf('\n', offset);
    const stop = end === -1 ? text.length : end;
    all.push({ text: text.slice(offset, stop).replace(/\r$/, ''), offset });
    offset = stop + 1;
  }
  const headings: { section: Omit<Section, 'empty'>; index: number }[] = [];
  const content: boolean[] = [];
  const prose: Prose[] = [];
  let fence: { char: string; length: number } | undefined;
  let paragraph: Line[] = [];
  const flush = (): void => {
    const first = paragraph[0];
    const last = paragraph.at(-1);
    if (first !== undefined && last !== undefined) {
      const source = text.slice(first.offset, last.offset + last.text.length);
      prose.push({ source: source.replace(CODE_SPAN, (span) => ' '.repeat(span.length)), offset: first.offset });
    }
    paragraph = [];
  };
  for (const [i, line] of all.entries()) {
    content[i] = false;
    if (fence !== undefined) {
      content[i] = true;
      const close = FENCE_OPEN.exec(line.text);
      if (close?.[1] && close[1][0] === fence.char && close[1].length >= fence.length && (close[2] ?? '').trim() === '') fence = undefined;
      continue;
    }
    const open = FENCE_OPEN.exec(line.text);
    if (open?.[1] && !(open[1][0] === '`' && (open[2] ?? '').includes('`'))) {
      flush();
      fence = { char: open[1][0] ?? '`', length: open[1].length };
      content[i] = true;
      continue;
    }
    const atx = ATX.exec(line.text);
    if (atx) {
      flush();
      headings.push({ section: { title: (atx[3] ?? '').trim(), depth: atx[2]?.length ?? 1, position: lines.positionAt(line.offset + (atx[1]?.length ?? 0)) }, index: i });
      continue;
    }
    const setext = SETEXT.exec(line.text);
    const first = paragraph[0];
    if (setext && first !== undefined && !BLOCK_START.test(first.text)) {
      const title = paragraph.map((l) => l.text.trim()).join(' ');
      const start = all.indexOf(first);
      for (let j = start; j <= i; j++) content[j] = false;
      headings.push({ section: { title, depth: setext[1]?.startsWith('=') ? 1 : 2, position: lines.positionAt(first.offset + (/^ */.exec(first.text)?.[0].length ?? 0)) }, index: start });
      paragraph = [];
      continue;
    }
    if (line.text.trim() === '') {
      flush();
      continue;
    }
    content[i] = true;
    paragraph.push(line);
  }
  flush();
  const sections = headings.map(({ section, index }, h): Section => {
    const next = headings.slice(h + 1).find((other) => other.section.depth <= section.depth);
    const end = next?.index ?? all.length;
    const between = new Set(headings.map((other) => other.index));
    let empty = true;
    for (let j = index + 1; j < end && empty; j++) if (content[j] && !between.has(j)) empty = false;
    return { ...section, empty };
  });
  return { sections, prose };
}
