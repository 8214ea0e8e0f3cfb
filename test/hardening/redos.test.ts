import { describe, expect, it } from 'vitest';
import { svgProblems } from '../../src/markdown/svg.ts';
import { analyseBody, type Body } from '../../src/records/body.ts';
import { nestingTooDeep } from '../../src/records/depth.ts';
import type { RecordFile } from '../../src/records/load.ts';
import { scanMarkdown } from '../../src/records/scan.ts';
import { LineIndex } from '../../src/records/text.ts';
import type { RuleContext } from '../../src/rules/context.ts';
import { isPrompt, rawHtml } from '../../src/rules/markup.ts';
import { placeholders } from '../../src/rules/placeholders.ts';
import { references } from '../../src/rules/references.ts';
import { blameLanguage, blamePatterns } from '../../src/rules/warnings.ts';
import { kinds } from '../../src/schemas/index.ts';

/**
 * Growth, not speed: each rule and reader runs on adversarial text of 20 KB and of 160 KB.
 * Linear work takes about 8 times as long on the larger text, quadratic work 64 times; the
 * tests allow 16.
 */
const SMALL = 20_000;
const LARGE = 160_000;
const LIMIT = 16;

/**
 * CPU milliseconds per call of `run` over `calls` calls. CPU time, not wall time: on a
 * shared machine the longer runs would otherwise be the likelier to wait for a core.
 */
function timed(run: () => unknown, calls: number): number {
  const start = process.cpuUsage();
  for (let i = 0; i < calls; i++) run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / calls;
}

/**
 * How much longer `work` takes on the large input than on the small one: after a warm-up,
 * the fastest of seven runs of each, taken in turn so a garbage collection weighs on both
 * sizes alike, with enough calls per run (some 30 ms on the small input) that the clock's
 * resolution does not matter.
 */
function growth(work: (size: number) => () => unknown): number {
  const small = work(SMALL);
  const large = work(LARGE);
  small();
  large();
  const calls = Math.max(1, Math.ceil(30 / Math.max(timed(small, 3), 0.01)));
  let fastestSmall = Number.POSITIVE_INFINITY;
  let fastestLarge = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 7; run++) {
    fastestSmall = Math.min(fastestSmall, timed(small, calls));
    fastestLarge = Math.min(fastestLarge, timed(large, calls));
  }
  return fastestLarge / fastestSmall;
}

/** `unit` repeated to about `size` characters, whole units only (a cut unit could change how the text is read). */
const fill = (unit: string, size: number): string => unit.repeat(Math.max(1, Math.round(size / unit.length)));

const FRONTMATTER = '---\ntitle: x\nstatus: published\n---\n';
const postmortems = kinds.find((kind) => kind.collection === 'postmortems')!;
const context = {
  today: '2026-11-25',
  blame: blamePatterns([{ name: 'Ana Lima' }, { name: 'Ben Okafor' }]),
  handbook: { byRef: new Map() },
} as unknown as RuleContext;

/** A published postmortem whose body is one run of prose, or holds one piece of raw HTML. */
function recordWith(text: string, part: 'prose' | 'html' = 'prose'): RecordFile {
  const body: Body = { sections: [], prose: [], html: [], links: [], start: { line: 1, column: 1 }, lines: new LineIndex(text) };
  if (part === 'prose') body.prose.push({ source: text, offset: 0 });
  else body.html.push({ value: text, position: { line: 1, column: 1 } });
  return { kind: postmortems, id: 'x', ref: 'postmortems/x', file: 'x.md', data: { status: 'published' }, locator: { scan: () => [] }, body } as unknown as RecordFile;
}

/** Reading a body the scanner answers for (the parser's own growth is not this project's to test). */
const readBody = (body: string) => {
  const text = `${FRONTMATTER}${body}`;
  if (scanMarkdown(text, FRONTMATTER.length, new LineIndex(text)) === undefined) throw new Error('the scanner declines this body');
  return () => analyseBody(text, { isMdx: false, bodyLine: 5, bodyOffset: FRONTMATTER.length });
};

describe(`rules and readers grow linearly on adversarial text (${SMALL / 1000} KB → ${LARGE / 1000} KB, under ${LIMIT}×)`, () => {
  it.each<[string, (size: number) => () => unknown]>([
    ['the body reader on a run of backticks that never closes', (size) => readBody(`${'`'.repeat(size / 2)}${fill('a ', size / 2)}`)],
    ['the body reader on backtick runs of two lengths', (size) => readBody(fill('`a``a ', size))],
    ['the body reader on a long paragraph of links', (size) => readBody(fill('[a](b) [[x/y]] ', size))],
    ['the body reader on table cells', (size) => readBody(`| a | b |\n| - | - |\n${fill('| `c` | d |\n', size)}`)],
    ['the body reader on list items', (size) => readBody(fill('- item `a` [[x/y]]\n  more\n', size))],
    ['the nesting check on one line of markers', (size) => () => nestingTooDeep(fill('- ', size))],
    ['the nesting check on a long thematic break', (size) => () => nestingTooDeep(`${fill('- ', size)}\n`)],
    ['placeholders on unclosed prompts', (size) => () => placeholders(recordWith(`<a${fill(' b', size)}`), context)],
    ['placeholders on unclosed {{ and <', (size) => () => placeholders(recordWith(fill('{{a <a ', size)), context)],
    ['raw-html on a long tag', (size) => () => rawHtml(recordWith(`<a${fill(' b', size)}>`, 'html'), context)],
    ['the prompt test on a long tag', (size) => () => isPrompt(`<a${fill(' b', size)}>`)],
    ['blame on a long hyphenated word', (size) => () => blameLanguage(recordWith(`${fill('a-', size)} 's fault`), context)],
    ['blame on names followed by spaces', (size) => () => blameLanguage(recordWith(`${fill('Ana        x ', size)} broke`), context)],
    ['record links on unclosed [[a/', (size) => () => references(recordWith(fill('[[a/', size)), context)],
    ['the SVG check on unclosed url(', (size) => () => svgProblems(`<svg><style>${fill('a{fill:url(', size)}</style></svg>`)],
    ['the SVG check on many attributes', (size) => () => svgProblems(`<svg>${fill('<rect x="1" y="2"/>', size)}</svg>`)],
  ])(
    '%s',
    (_, work) => {
      expect(growth(work)).toBeLessThan(LIMIT);
    },
    120_000,
  );
});
