import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateHandbook } from '../bench/generate.ts';
import type { Series } from '../bench/measure.ts';
import { summariseProfiles } from '../bench/profile.ts';
import { growthOf, ratiosOf, targetsOf, type BenchReport, type SizeResult } from '../bench/report.ts';
import { checkHandbook, countErrors } from '../src/check/index.ts';
import { userEnv } from './support/built-site.ts';

function snapshot(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [join(e.parentPath, e.name).slice(dir.length), readFileSync(join(e.parentPath, e.name), 'utf8')]),
  );
}

const bench = (args: string[]) => spawnSync('node_modules/.bin/node', ['bench/run.ts', ...args], { encoding: 'utf8', env: userEnv() });

describe('the benchmark generator', () => {
  it('writes the same handbook for the same seed, and another for another seed', () => {
    const [a, b, c] = [1, 2, 3].map(() => mkdtempSync(join(tmpdir(), 'handbook-gen-')));
    generateHandbook(a!, 150, 9);
    generateHandbook(b!, 150, 9);
    generateHandbook(c!, 150, 10);
    expect(snapshot(a!)).toEqual(snapshot(b!));
    expect(snapshot(a!)).not.toEqual(snapshot(c!));
  });

  it('writes a 200-record handbook of every kind and status that passes check', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'handbook-gen-')), 'content');
    const generated = generateHandbook(dir, 200, 42);
    expect(Object.values(generated.byKind).reduce((a, b) => a + b, 0)).toBe(200);
    const { problems, records, handbook } = checkHandbook(dir, { today: '2026-11-24' });
    expect(records).toBe(200);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(countErrors(problems).warnings).toBeGreaterThan(0);
    const statuses = new Set(handbook.records.map((r) => `${r.kind.collection}:${String(r.data['status'])}`));
    for (const kind of [
      'outcomes:draft',
      'outcomes:committed',
      'outcomes:achieved',
      'outcomes:missed',
      'outcomes:dropped',
      'decisions:proposed',
      'decisions:accepted',
      'decisions:rejected',
      'decisions:superseded',
      'decisions:deprecated',
      'postmortems:in-review',
      'postmortems:published',
    ]) {
      expect(statuses, kind).toContain(kind);
    }
    const body = handbook.records.find((r) => r.kind.collection === 'postmortems' && r.data['status'] === 'published')!.body;
    expect(body.sections.length).toBeGreaterThanOrEqual(6);
  });
});

describe('`npm run bench` at 200 records, without Starlight and 100,000 records', () => {
  let out: string;
  let work: string;
  let status: number | null;
  let stderr: string;
  let report: BenchReport;
  let markdown: string;
  let published: number;

  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'handbook-bench-'));
    // The projects the benchmark builds resolve Astro from this repository, so they live in it.
    mkdirSync('bench/.work', { recursive: true });
    work = mkdtempSync('bench/.work/test-');
    const run = bench(['--sizes', '200', '--runs', '1', '--only', 'check,floors,build,rebuild,dev', '--out', out, '--work', work]);
    status = run.status;
    stderr = run.stderr;
    const json = readdirSync(out).find((file) => file.endsWith('.json'));
    if (json !== undefined) report = JSON.parse(readFileSync(join(out, json), 'utf8')) as BenchReport;
    markdown = readFileSync(join(out, 'latest.md'), 'utf8');
    const content = join(mkdtempSync(join(tmpdir(), 'handbook-gen-')), 'content');
    generateHandbook(content, 200, 42);
    published = checkHandbook(content, { today: '2026-11-24' }).handbook.records.filter((r) => r.data['status'] !== 'draft').length;
  }, 300_000);
  afterAll(() => {
    rmSync(out, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  it('runs end to end with no measurement failing', () => {
    expect(stderr).not.toMatch(/ failed: /);
    expect(status).toBe(0);
    expect(report.results.map((r) => [r.records, r.failures])).toEqual([[200, []]]);
  });

  it('measures the handbook and its floors, each with a median inside its range', () => {
    const [result] = report.results;
    const measured: [string, Series | undefined][] = [
      ['check', result!.check],
      ['check floor', result!.checkFloor],
      ['build', result!.build],
      ['rebuild', result!.rebuild],
      ['unified floor', result!.buildFloor],
      ['Sätteri floor', result!.buildFloorSatteri],
    ];
    for (const [name, series] of measured) {
      expect(series, name).toBeDefined();
      expect(series!.seconds.min, name).toBeGreaterThan(0);
      expect(series!.seconds.min, name).toBeLessThanOrEqual(series!.seconds.median);
      expect(series!.seconds.median, name).toBeLessThanOrEqual(series!.seconds.max);
      expect(series!.rssMb.median, name).toBeGreaterThan(0);
    }
    expect(result!.check!.runs).toBe(3);
    expect(result!.starlight).toBeUndefined();
  });

  it('reports every ratio of the handbook to its floor, and the rebuild to the cold build', () => {
    const { ratios } = report.results[0]!;
    expect(Object.keys(ratios).sort()).toEqual(['buildToFloor', 'buildToSatteriFloor', 'checkToFloor', 'rebuildToBuild']);
    for (const [name, ratio] of Object.entries(ratios)) {
      expect(Number.isFinite(ratio!.median) && ratio!.median > 0, name).toBe(true);
      expect(ratio!.min <= ratio!.median && ratio!.median <= ratio!.max, name).toBe(true);
    }
  });

  it('times the writer’s loop in astro dev: first page, the edited title on its page and its register, memory', () => {
    const { dev } = report.results[0]!;
    expect(dev!.timedOut).toEqual([]);
    for (const stat of [dev!.firstPageCold, dev!.firstPageWarm, dev!.editOnPage, dev!.editOnRegister, dev!.rssMb]) expect(stat.median).toBeGreaterThan(0);
  });

  it('weighs the built site: a page and a search entry for every published record', () => {
    const { site } = report.results[0]!;
    expect(site!.recordPages).toBe(published);
    expect(site!.searchPages).toBe(published);
    expect(site!.heaviest.map((page) => page.page.split('/')[0]).sort()).toEqual(['decisions', 'outcomes', 'postmortems']);
  });

  it('prints every target as a line that passes or fails', () => {
    expect(report.targets.map((t) => t.goal)).toEqual([
      'check ≤ 1.5× its floor',
      'check peak RSS ≤ 300 MB',
      'cold build + index ≤ 1.25× its floor',
      'build peak RSS ≤ 2 GB',
      'rebuild after one body changes ≤ 0.5× the cold build',
      'dev: first page ≤ 10 s after start (cold caches)',
      'dev: edited title on its page ≤ 1 s after the save',
      'dev: edited title on its register ≤ 1 s after the save',
      'dev: server process tree RSS ≤ 1 GB',
      'record page ≤ 20.0 KB of HTML and CSS as downloaded (≤ 40.0 KB uncompressed)',
      'record page runs no script but search and the theme toggle',
    ]);
    for (const target of report.targets) expect(markdown).toContain(`${target.pass ? 'PASS' : '**FAIL**'} 200 records: ${target.goal}: ${target.measured}`);
  });

  it('says where and on what it ran', () => {
    expect(report.commit.sha).toMatch(/^[0-9a-f]{40}$/);
    expect(report.node).toMatch(/^v\d+\.\d+\.\d+$/);
    expect(report.machine.cpu).not.toBe('');
    expect(report.machine.cores).toBeGreaterThan(0);
    expect(report.machine.memoryGb).toBeGreaterThan(0);
    expect(report.load.start).toBeGreaterThanOrEqual(0);
    expect(markdown).toContain(`commit ${report.commit.sha.slice(0, 10)}`);
    expect(markdown).toContain(`Node ${report.node}`);
    expect(existsSync(work)).toBe(false);
  });
});

describe('the targets', () => {
  const series = (seconds: number, rssMb = 100): Series => ({ seconds: { median: seconds, min: seconds, max: seconds }, rssMb: { median: rssMb, min: rssMb, max: rssMb }, runs: 1 });
  const size = (records: number, parts: Partial<SizeResult>): SizeResult => {
    const result = { records, generated: { records, people: 1, teams: 1, byKind: {} }, load: 0, measured: [], failures: [], ...parts };
    return { ...result, ratios: ratiosOf(result) };
  };
  const lines = (results: SizeResult[]): string[] => targetsOf(results, growthOf(results)).map((t) => `${t.pass ? 'PASS' : 'FAIL'} ${t.records}: ${t.goal}: ${t.measured}`);

  it('hold check and the build to their floors, memory to its limits, and growth to linear', () => {
    const results = [
      size(10_000, { check: series(1.5, 300), checkFloor: series(1), build: series(50, 2049), buildFloor: series(40), rebuild: series(25) }),
      size(100_000, { check: series(16.6, 900), checkFloor: series(9), build: series(551, 9000), failures: [{ measurement: 'dev', message: 'astro dev stopped:\nand more' }] }),
    ];
    expect(lines(results)).toMatchInlineSnapshot(`
      [
        "PASS 10000: check ≤ 1.5× its floor: 1.50×: 1.50 s against 1.00 s",
        "PASS 10000: check peak RSS ≤ 300 MB: 300 MB",
        "PASS 10000: cold build + index ≤ 1.25× its floor: 1.25×: 50.0 s against 40.0 s",
        "FAIL 10000: build peak RSS ≤ 2 GB: 2049 MB",
        "PASS 10000: rebuild after one body changes ≤ 0.5× the cold build: 0.50×: 25.0 s against 50.0 s",
        "FAIL 100000: dev completes: failed: astro dev stopped:",
        "FAIL 100000: check ≤ 1.5× its floor: 1.84×: 16.6 s against 9.00 s",
        "PASS 100000: check completes: 16.6 s, 900 MB",
        "PASS 100000: cold build + index completes: 551.0 s, 9000 MB",
        "FAIL 100000: check grows ≤ 11.0× from 10,000 records: 11.07×",
        "FAIL 100000: cold build + index grows ≤ 11.0× from 10,000 records: 11.02×",
      ]
    `);
  });
});

describe('the CPU profile summary', () => {
  it('sums self time by owner and by function', () => {
    const dir = mkdtempSync(join(tmpdir(), 'handbook-prof-'));
    const script = join(dir, 'spin.mjs');
    writeFileSync(script, 'function spin() { let x = 0; for (let i = 0; i < 3e7; i++) x += i % 7; return x; }\nspin();\n');
    expect(spawnSync('node_modules/.bin/node', ['--cpu-prof', `--cpu-prof-dir=${dir}`, script]).status).toBe(0);
    const summary = summariseProfiles(dir, process.cwd());
    expect(summary.totalMs).toBeGreaterThan(0);
    expect(summary.byFunction[0]!.where).toBe(`spin ${script}:1`);
    expect(summary.byFunction[0]!.percent).toBeGreaterThan(50);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('the command line', () => {
  it('is `npm run bench`', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['bench']).toBe('node bench/run.ts');
  });

  it('refuses what it cannot measure with one sentence and the usage', () => {
    const sizes = bench(['--sizes', 'abc']);
    const only = bench(['--only', 'check,speed']);
    expect([sizes.status, only.status]).toEqual([2, 2]);
    expect([sizes.stderr.split('\n')[0], only.stderr.split('\n')[0]]).toMatchInlineSnapshot(`
      [
        "Unexpected --sizes abc, expected whole numbers of records from 10, separated by commas",
        "Unexpected --only speed, expected check, check-floor, build, rebuild, build-floor, build-floor-satteri, starlight, dev or floors",
      ]
    `);
    expect(only.stderr).toContain('Usage: npm run bench');
  });
});
