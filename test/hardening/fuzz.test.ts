import fc from 'fast-check';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { checkHandbook } from '../../src/check/index.ts';
import type { Problem } from '../../src/records/problem.ts';
import { disallowed } from '../markdown/allowed.ts';
import { markdownBody } from '../markdown/arbitraries.ts';
import { render } from '../markdown/render.ts';
import { MINIMAL, TODAY } from '../support/fixture.ts';

// `npm test` runs a small sample with a fixed seed; `npm run fuzz` sets FUZZ_RUNS=10000
// and a fresh seed (printed, so a failure can be replayed with FUZZ_SEED).
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 150);
const SEED = Number(process.env['FUZZ_SEED'] ?? (process.env['FUZZ_RUNS'] === undefined ? 20261124 : Date.now() % 2 ** 31));

/** Records nothing else references, so breaking them cannot break another record's links. */
const TARGETS = ['postmortems/2026-03-02-vault-timeouts.md', 'outcomes/draft-idea.md'] as const;

/** Enough time for the runs asked for: a fuzz case takes a few milliseconds. */
const TIMEOUT = Math.max(30_000, RUNS * 40);

let cases = 0;
const dir = mkdtempSync(join(tmpdir(), 'handbook-fuzz-'));
cpSync(MINIMAL, dir, { recursive: true });
const originals = Object.fromEntries(TARGETS.map((t) => [t, readFileSync(join(dir, t), 'utf8')])) as Record<(typeof TARGETS)[number], string>;
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  process.stdout.write(`fuzz: ${cases} mutated records checked (seed ${SEED})\n`);
});

/** Pieces of text that trip up parsers: right-to-left scripts, emoji, combining marks, CJK, odd spaces. */
const UNICODE = ['مرحبا', 'שלום', '\u202Eevil\u202C', '👩🏽‍💻', '🚀', 'e\u0301', 'a\u0308\u0323', '漢字', 'ｆｕｌｌ', '\u00A0', '\u2028', 'Ω', 'Zoë', 'ﬁ', 'İ'];
const unicodeText = (min: number, max: number) =>
  fc.array(fc.constantFrom(...UNICODE.filter((p) => p !== '\u2028'), 'word', ' '), { minLength: min, maxLength: max }).map((parts) => `Text ${parts.join('')} end`);

type Mutation = (text: string) => string;

const lines = (text: string): string[] => text.split('\n');
const frontmatterLines = (text: string): number => Math.max(1, text.indexOf('\n---', 1) === -1 ? 1 : text.slice(0, text.indexOf('\n---', 1)).split('\n').length - 1);

/** Changes that may break a record: each must give problems, never a crash. */
const breaking: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map(
    (n): Mutation =>
      (t) =>
        lines(t)
          .filter((_, i) => i !== 1 + (n % frontmatterLines(t)))
          .join('\n'),
  ),
  fc.nat().map(
    (n): Mutation =>
      (t) =>
        lines(t)
          .flatMap((l, i) => (i === 1 + (n % frontmatterLines(t)) ? [l, l] : [l]))
          .join('\n'),
  ),
  fc
    .tuple(fc.nat(), fc.constantFrom('42', '[a, b]', '{ a: 1 }', 'true', 'null', '~', "''", '2026-13-45', `"${'x'.repeat(300)}"`, '- nested', '*alias', '&anchor value', '!!binary aGk=', '|\n  block'))
    .map(
      ([n, value]): Mutation =>
        (t) =>
          lines(t)
            .map((l, i) => (i === 1 + (n % frontmatterLines(t)) ? l.replace(/:.*$/, `: ${value}`) : l))
            .join('\n'),
    ),
  fc.nat().map(
    (n): Mutation =>
      (t) =>
        lines(t)
          .map((l, i) => (i === 1 + (n % frontmatterLines(t)) ? l.replace(/^(\s*-?\s*)(\w)(\w)/, '$1$3$2') : l))
          .join('\n'),
  ),
  fc.nat().map(
    (n): Mutation =>
      (t) =>
        t.slice(0, n % (t.length + 1)),
  ),
  fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 8 })).map(
    ([n, bytes]): Mutation =>
      (t) =>
        `${t.slice(0, n % (t.length + 1))}${Buffer.from(bytes).toString('latin1')}${t.slice(n % (t.length + 1))}`,
  ),
  fc.tuple(fc.nat(), fc.constantFrom('\0', '\uFEFF', '\r', '\t', '\r\n', '---\n', '\n## \n', '[[decisions/missing]]', '<script>', '`', '```\n')).map(
    ([n, insert]): Mutation =>
      (t) =>
        `${t.slice(0, n % (t.length + 1))}${insert}${t.slice(n % (t.length + 1))}`,
  ),
  fc.tuple(fc.nat(), unicodeText(1, 12)).map(
    ([n, insert]): Mutation =>
      (t) =>
        `${t.slice(0, n % (t.length + 1))}${insert}${t.slice(n % (t.length + 1))}`,
  ),
  fc.constant<Mutation>((t) => t.replaceAll('\n', '\r')),
  fc.nat({ max: 200_000 }).map(
    (n): Mutation =>
      (t) =>
        `${t}\n${'long '.repeat(n / 5)}\n`,
  ),
);

/** Changes that keep a record valid: the record must still have no problem at all. */
const preserving: fc.Arbitrary<Mutation> = fc.oneof(
  unicodeText(2, 20).map(
    (title): Mutation =>
      (t) =>
        t.replace(/^title: .*$/m, `title: ${JSON.stringify(title)}`),
  ),
  fc.tuple(unicodeText(1, 30), unicodeText(1, 8), unicodeText(1, 8)).map(
    ([impact, service, action]): Mutation =>
      (t) =>
        t
          .replace(/^impact: .*$/m, `impact: ${JSON.stringify(impact)}`)
          .replace(/^summary: .*$/m, `summary: ${JSON.stringify(impact)}`)
          .replace(/^services: \[vault, /m, `services: [${JSON.stringify(service)}, `)
          .replace(/^ {2}- title: .*$/m, `  - title: ${JSON.stringify(action)}`),
  ),
  fc.constant<Mutation>((t) => t.replace('The vault connection pool', 'The vault\tconnection\tpool')),
  fc.nat({ max: 50_000 }).map(
    (n): Mutation =>
      (t) =>
        t.replace('Detection took four minutes.', `Detection took four minutes. ${'Steady '.repeat(n / 7)}`),
  ),
  fc.constant<Mutation>((t) => `${t}\n\n`),
);

/** CRLF line endings and a byte order mark, which must not move any position. */
const windows = (text: string): string => `\uFEFF${text.replaceAll('\r\n', '\n').replaceAll('\n', '\r\n')}`;

/** Runs `check` with the target replaced, failing on anything written to stderr or the console. */
function checkWith(target: string, text: string): Problem[] {
  cases += 1;
  for (const other of TARGETS) writeFileSync(join(dir, other), other === target ? text : originals[other]);
  const stderr = vi.spyOn(process.stderr, 'write');
  const consoles = (['log', 'warn', 'error', 'info', 'debug'] as const).map((name) => vi.spyOn(console, name));
  try {
    return checkHandbook(dir, { today: TODAY }).problems.map((p) => ({ ...p, file: relative(dir, p.file) }));
  } finally {
    const printed = [stderr, ...consoles].flatMap((spy) => spy.mock.calls.map((call) => String(call[0])));
    for (const spy of [stderr, ...consoles]) spy.mockRestore();
    expect(printed).toEqual([]);
  }
}

/** Every problem names a file of the handbook and a line and column inside it. */
function expectPlaced(problems: Problem[]): void {
  for (const problem of problems) {
    const text = new TextDecoder().decode(readFileSync(join(dir, problem.file)));
    const fileLines = text.split('\n');
    expect(problem.line, JSON.stringify(problem)).toBeGreaterThanOrEqual(1);
    expect(problem.line, JSON.stringify(problem)).toBeLessThanOrEqual(fileLines.length);
    expect(problem.column, JSON.stringify(problem)).toBeGreaterThanOrEqual(1);
    expect(problem.column, JSON.stringify(problem)).toBeLessThanOrEqual((fileLines[problem.line - 1] ?? '').length + 1);
    expect(problem.message).not.toMatch(/\n|\bat .*\.ts:\d+/);
  }
}

const placed = (problems: Problem[]) => problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.rule}`);

describe(`check never crashes on mutated records (${RUNS} cases per property, seed ${SEED})`, () => {
  it(
    'reports every broken record with problems placed inside its file, and nothing else',
    () => {
      fc.assert(
        fc.property(fc.constantFrom(...TARGETS), fc.array(breaking, { minLength: 1, maxLength: 3 }), (target, mutations) => {
          const problems = checkWith(
            target,
            mutations.reduce((text, mutate) => mutate(text), originals[target]),
          );
          expectPlaced(problems);
          expect(problems.filter((p) => p.file !== target && p.severity === 'error')).toEqual([]);
        }),
        { numRuns: RUNS, seed: SEED },
      );
    },
    TIMEOUT,
  );

  it(
    'never reports a valid record as broken, whatever unicode, tabs or long lines it holds',
    () => {
      fc.assert(
        fc.property(fc.array(preserving, { minLength: 1, maxLength: 4 }), fc.boolean(), (mutations, crlf) => {
          const text = mutations.reduce((t, mutate) => mutate(t), originals[TARGETS[0]]);
          expect(checkWith(TARGETS[0], crlf ? windows(text) : text)).toEqual([]);
        }),
        { numRuns: RUNS, seed: SEED },
      );
    },
    TIMEOUT,
  );

  it(
    'puts every problem at the same line and column with CRLF line endings and a byte order mark',
    () => {
      fc.assert(
        fc.property(fc.constantFrom(...TARGETS), fc.array(breaking, { minLength: 1, maxLength: 2 }), (target, mutations) => {
          const text = mutations.reduce((t, mutate) => mutate(t), originals[target]);
          fc.pre(!text.includes('\r') && !text.includes('\uFEFF'));
          expect(placed(checkWith(target, windows(text)))).toEqual(placed(checkWith(target, text)));
        }),
        { numRuns: RUNS, seed: SEED },
      );
    },
    TIMEOUT,
  );
});

describe(`hostile Markdown is read by check and rendered by the site safely (${RUNS} cases per property, seed ${SEED})`, () => {
  it(
    'check reads any Markdown body without crashing, every problem placed in the record',
    () => {
      fc.assert(
        fc.property(markdownBody, (body) => {
          const problems = checkWith(TARGETS[0], `${originals[TARGETS[0]].trimEnd()}\n\n${body}\n`);
          expectPlaced(problems);
          expect(problems.filter((p) => p.file !== TARGETS[0] && p.severity === 'error')).toEqual([]);
        }),
        { numRuns: RUNS, seed: SEED },
      );
    },
    TIMEOUT,
  );

  it(
    'the site renders any Markdown body with no element or attribute outside the allow-list',
    async () => {
      await fc.assert(
        fc.asyncProperty(markdownBody, async (body) => {
          expect(disallowed(await render(body)), body).toEqual([]);
        }),
        { numRuns: RUNS, seed: SEED },
      );
    },
    TIMEOUT,
  );
});
