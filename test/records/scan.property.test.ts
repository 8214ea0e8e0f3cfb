import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { type Body, parseBody } from '../../src/records/body.ts';
import type { RecordFile } from '../../src/records/load.ts';
import { scanMarkdown } from '../../src/records/scan.ts';
import { LineIndex } from '../../src/records/text.ts';
import type { RuleContext } from '../../src/rules/context.ts';
import { placeholders } from '../../src/rules/placeholders.ts';
import { references } from '../../src/rules/references.ts';
import { blameLanguage, blamePatterns } from '../../src/rules/warnings.ts';
import { kinds } from '../../src/schemas/index.ts';
import { markdownBody, plainBody } from '../markdown/arbitraries.ts';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 400);
const SEED = Number(process.env['FUZZ_SEED'] ?? (process.env['FUZZ_RUNS'] === undefined ? 20261125 : Date.now() % 2 ** 31));

/** Remark parses every case: a few milliseconds each. */
const TIMEOUT = Math.max(60_000, RUNS * 60);

const FRONTMATTER = '---\ntitle: A record\nstatus: published\n---\n';
const postmortems = kinds.find((kind) => kind.collection === 'postmortems')!;
const context = {
  today: '2026-11-25',
  blame: blamePatterns([{ name: 'Ana Lima' }, { name: 'Ben Okafor' }]),
  handbook: { byRef: new Map([['decisions/0001-cache-tokens', { data: { status: 'accepted' } }]]) },
} as unknown as RuleContext;

/** The problems the rules derive from a body's prose: placeholders, links between records, blame. */
function proseProblems(body: Body): string[] {
  const record = { kind: postmortems, id: 'x', ref: 'postmortems/x', file: 'x.md', data: { status: 'published' }, locator: { scan: () => [] }, body } as unknown as RecordFile;
  return [...placeholders(record, context), ...references(record, context), ...blameLanguage(record, context)].map((p) => `${p.line}:${p.column} ${p.rule} ${p.message}`).sort();
}

/** The scanner's view of a body (undefined when it declines) and remark's, with the problems each leads to. */
function compare(body: string) {
  const text = `${FRONTMATTER}${body}\n`;
  const where = { isMdx: false, bodyLine: 5, bodyOffset: FRONTMATTER.length };
  const lines = new LineIndex(text);
  const fast = scanMarkdown(text, where.bodyOffset, lines);
  const reference = parseBody(text, where);
  if (!reference.ok) throw new Error('remark refused Markdown');
  if (fast === undefined) return undefined;
  const scanned: Body = { ...fast, start: reference.body.start, lines };
  return {
    fast: { sections: scanned.sections, html: scanned.html, links: scanned.links, problems: proseProblems(scanned) },
    reference: { sections: reference.body.sections, html: reference.body.html, links: reference.body.links, problems: proseProblems(reference.body) },
  };
}

let answered = 0;
let declined = 0;
afterAll(() => {
  process.stdout.write(`scanner: answered ${answered}, left ${declined} to remark (seed ${SEED})\n`);
});

describe(`the scanner agrees with remark on generated Markdown (${RUNS} cases per property, seed ${SEED})`, () => {
  it(
    'answers plain Markdown itself, exactly as remark reads it',
    () => {
      fc.assert(
        fc.property(plainBody, (body) => {
          const result = compare(body);
          expect(result, body).toBeDefined();
          expect(result!.fast).toEqual(result!.reference);
        }),
        { numRuns: RUNS, seed: SEED },
      );
    },
    TIMEOUT,
  );

  it(
    'on any Markdown, either declines or gives the same sections, raw HTML, links and prose problems',
    () => {
      fc.assert(
        fc.property(markdownBody, (body) => {
          const result = compare(body);
          if (result === undefined) {
            declined++;
            return;
          }
          answered++;
          expect(result.fast, body).toEqual(result.reference);
        }),
        { numRuns: RUNS * 2, seed: SEED },
      );
      // The property means little if the scanner never answers.
      expect(answered).toBeGreaterThan(RUNS / 10);
    },
    TIMEOUT,
  );
});
