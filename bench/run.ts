import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { devSession, type DevEdit, type DevSession } from './dev-loop.ts';
import { generateHandbook } from './generate.ts';
import { stat, summarise, TIME, timed, type Sample, type Series } from './measure.ts';
import { heaviestRecordPages, recordPages } from './page-weight.ts';
import { summariseProfiles } from './profile.ts';
import { clearBuild, installCli, writeFloorProject, writeHandbookProject } from './projects.ts';
import { count, growthOf, LARGE, MEASUREMENTS, ratiosOf, renderReport, targetsOf, type BenchReport, type DevSummary, type Measurement, type SiteFacts, type SizeResult } from './report.ts';
import { writeStarlightProject } from './starlight.ts';

/**
 * `npm run bench`: generates a seeded handbook per size and measures on that one tree, in
 * one run: `handbook check` and its floor (reading the files and parsing their YAML), a
 * cold `handbook build` with its search index, a rebuild after one record's body changes,
 * the floor of the build (a bare Astro site rendering each record's body, plus Pagefind)
 * with the handbook's renderer and with Astro's default, Starlight building the same
 * Markdown, and the writer's loop in `astro dev`. It prints the report, with every target
 * as a line that passes or fails, and writes it to bench/results/latest.md with the figures
 * as JSON next to it.
 */

const USAGE = `Usage: npm run bench -- [options]

  --sizes 1000,10000,100000   handbooks to generate, in records
  --only NAMES                measure only these, at every size: ${MEASUREMENTS.join(', ')},
                              or floors (check-floor, build-floor, build-floor-satteri)
                              (default: everything up to ${count(LARGE)} records; above it
                              check, check-floor and build)
  --runs 3                    runs of each build below 5,000 records (check: runs + 2)
  --seed 42                   seed of the generated handbooks
  --no-starlight              leave Starlight out
  --starlight-up-to 10000     build Starlight only up to this many records (its build
                              time grows with the square of the pages: 15 min at 10,000)
  --profile                   also write a CPU profile of check and of a cold build
  --label TEXT                a note shown at the top of the report (the machine's state)
  --out bench/results         where the report and its JSON go
  --work DIR                  where trees and projects are built (default bench/.work/<run>)`;

const fail = (message: string): never => {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(2);
};

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    only: { type: 'string' },
    runs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '42' },
    'no-starlight': { type: 'boolean', default: false },
    'starlight-up-to': { type: 'string', default: '10000' },
    profile: { type: 'boolean', default: false },
    label: { type: 'string' },
    out: { type: 'string', default: 'bench/results' },
    work: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);
const seed = Number(values.seed);
const starlightUpTo = Number(values['starlight-up-to']);
if (!Number.isInteger(starlightUpTo)) fail(`Unexpected --starlight-up-to ${values['starlight-up-to']}, expected a whole number of records`);
if (sizes.some((n) => !Number.isInteger(n) || n < 10)) fail(`Unexpected --sizes ${values.sizes}, expected whole numbers of records from 10, separated by commas`);
if (!Number.isInteger(runs) || runs < 1) fail(`Unexpected --runs ${values.runs}, expected a whole number from 1`);
if (!Number.isInteger(seed)) fail(`Unexpected --seed ${values.seed}, expected a whole number`);
const only = values.only?.split(',').flatMap((name): Measurement[] => {
  if (name === 'floors') return ['check-floor', 'build-floor', 'build-floor-satteri'];
  if ((MEASUREMENTS as readonly string[]).includes(name)) return [name as Measurement];
  return fail(`Unexpected --only ${name}, expected ${MEASUREMENTS.join(', ')} or floors`);
});
if (!existsSync(TIME)) fail('The benchmark reads peak memory from GNU time: apt-get install -y time');

const ROOT = process.cwd();
const BIN = resolve('node_modules/.bin');
// Profiles run the sources, so their frames name this repository's files.
const SOURCES = resolve('bin/handbook.js');
const TODAY = '2026-11-24';
const STAMP = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
const WORK = resolve(values.work ?? join('bench/.work', STAMP));
const OUT = resolve(values.out);
const checkRuns = runs + 2;
// HANDBOOK_DEBUG: a command that fails leaves its stack trace in the report.
const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${BIN}:${process.env['PATH']}`, NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1', HANDBOOK_DEBUG: '1' };

/** What runs at a size: `--only` everywhere, otherwise everything up to LARGE and check and build above. */
function plan(n: number): Measurement[] {
  const wanted = only ?? (n > LARGE ? ['check', 'check-floor', 'build'] : [...MEASUREMENTS]);
  return wanted.filter((name) => !(name === 'starlight' && (values['no-starlight'] || n > starlightUpTo)));
}

/** Builds that are slow at large sizes run once; the rest `runs` times. */
const repeat = (n: number): number => (n >= 5000 ? 1 : runs);

const log = (text: string): void => {
  process.stderr.write(`${text}\n`);
};
const shown = (s: Sample): string => `${s.seconds}s/${s.rssMb}MB`;

/** The first accepted decision: published, on its page and on the decisions register. */
function editedRecord(content: string): DevEdit {
  const dir = join(content, 'decisions');
  const name = readdirSync(dir)
    .sort()
    .find((file) => /^status: accepted$/m.test(readFileSync(join(dir, file), 'utf8')));
  if (name === undefined) throw new Error(`No accepted decision in ${dir}`);
  return { file: join(dir, name), page: `/decisions/${name.replace(/\.mdx?$/, '')}/`, register: '/decisions/' };
}

function siteFacts(dist: string): SiteFacts {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  const indexed = JSON.parse(readFileSync(join(dist, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  return {
    files,
    mb: Math.round(bytes / 1e5) / 10,
    recordPages: recordPages(dist).length,
    searchPages: Object.values(indexed.languages).reduce((sum, l) => sum + l.page_count, 0),
    heaviest: heaviestRecordPages(dist),
  };
}

function summariseDev(sessions: { cold: DevSession; warm: DevSession }[]): DevSummary {
  return {
    firstPageCold: stat(sessions.map((s) => s.cold.firstPageSeconds)),
    firstPageWarm: stat(sessions.map((s) => s.warm.firstPageSeconds)),
    editOnPage: stat(sessions.map((s) => s.cold.edit?.pageSeconds ?? Number.NaN)),
    editOnRegister: stat(sessions.map((s) => s.cold.edit?.registerSeconds ?? Number.NaN)),
    rssMb: stat(sessions.flatMap((s) => [s.cold.rssMb, s.warm.rssMb])),
    sessions: sessions.length,
    timedOut: sessions.flatMap((s) => [...s.cold.timedOut, ...s.warm.timedOut.map((what) => `${what} (warm)`)]),
  };
}

/** Runs `command` under `node --cpu-prof` into `dir` and summarises where its time went. */
function profile(dir: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }) {
  mkdirSync(dir, { recursive: true });
  const result = spawnSync(join(BIN, 'node'), ['--max-semi-space-size=16', '--cpu-prof', `--cpu-prof-dir=${dir}`, SOURCES, ...args], { ...options, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (result.status !== 0) throw new Error(`handbook ${args.join(' ')} failed under --cpu-prof:\n${result.stderr.slice(-2000)}`);
  return summariseProfiles(dir, ROOT);
}

async function measureSize(n: number): Promise<SizeResult> {
  const measured = plan(n);
  const wants = (name: Measurement): boolean => measured.includes(name);
  const failures: SizeResult['failures'] = [];
  const attempt = async (name: Measurement | 'profile', body: () => void | Promise<void>): Promise<void> => {
    try {
      await body();
    } catch (error) {
      failures.push({ measurement: name, message: error instanceof Error ? error.message : String(error) });
      log(`${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const load = loadavg()[0]!;
  const dir = join(WORK, String(n));
  const content = join(dir, 'content');
  const generated = generateHandbook(content, n, seed);
  log(`\n${count(n)} records (load ${load.toFixed(2)}): ${JSON.stringify(generated.byKind)}, ${generated.people} people, ${generated.teams} teams; measuring ${measured.join(', ')}`);
  const result: Omit<SizeResult, 'ratios'> = { records: n, generated, load, measured, failures };

  const handbook = join(dir, 'handbook');
  writeHandbookProject(handbook);
  const handbookEnv = { ...env, HANDBOOK_CONTENT: content, HANDBOOK_TODAY: TODAY };

  // Check and its floor alternate, so a change in the machine's load touches both alike.
  const check: Sample[] = [];
  const checkFloor: Sample[] = [];
  for (let i = 0; i < checkRuns; i++) {
    if (wants('check')) await attempt('check', () => void check.push(timed(HANDBOOK, ['check', content, '--today', TODAY], { cwd: handbook, env })));
    if (wants('check-floor')) {
      await attempt('check-floor', () => {
        const sample = timed(join(BIN, 'node'), [resolve('bench/floor-check.ts'), content], { cwd: ROOT, env });
        const read = JSON.parse(sample.stdout) as { records: number };
        if (read.records !== n) throw new Error(`the check floor read ${read.records} records of ${n}`);
        checkFloor.push(sample);
      });
    }
  }
  if (check.length > 0) log(`check: ${check.map(shown).join(' ')}`);
  if (checkFloor.length > 0) log(`check floor: ${checkFloor.map(shown).join(' ')}`);

  // The builds alternate in the same way: handbook (cold, then warm), floors, Starlight.
  const builds: Record<'build' | 'rebuild' | 'build-floor' | 'build-floor-satteri' | 'starlight', Sample[]> = { build: [], rebuild: [], 'build-floor': [], 'build-floor-satteri': [], starlight: [] };
  const floors = { 'build-floor': join(dir, 'floor-unified'), 'build-floor-satteri': join(dir, 'floor-satteri') } as const;
  if (wants('build-floor')) writeFloorProject(floors['build-floor'], content, 'unified');
  if (wants('build-floor-satteri')) writeFloorProject(floors['build-floor-satteri'], content, 'satteri');
  const starlight = join(dir, 'starlight');
  if (wants('starlight')) writeStarlightProject(content, starlight);
  for (let i = 0; i < repeat(n); i++) {
    if (wants('build') || wants('rebuild')) {
      await attempt('build', () => {
        clearBuild(handbook);
        builds.build.push(timed(HANDBOOK, ['build', '--out', 'dist'], { cwd: handbook, env: handbookEnv }));
        log(`build: ${shown(builds.build.at(-1)!)}`);
      });
    }
    if (wants('rebuild')) {
      // What a pull-request preview pays: one record's body changed, the caches are warm.
      await attempt('rebuild', () => {
        const changed = editedRecord(content).file;
        const original = readFileSync(changed, 'utf8');
        appendFileSync(changed, `\nEdited in run ${i + 1}: the review moved a week.\n`);
        try {
          builds.rebuild.push(timed(HANDBOOK, ['build', '--out', 'dist'], { cwd: handbook, env: handbookEnv }));
        } finally {
          writeFileSync(changed, original);
        }
        log(`rebuild: ${shown(builds.rebuild.at(-1)!)}`);
      });
    }
    for (const name of ['build-floor', 'build-floor-satteri'] as const) {
      if (!wants(name)) continue;
      await attempt(name, () => {
        clearBuild(floors[name]);
        builds[name].push(timed(join(BIN, 'astro'), ['build'], { cwd: floors[name], env }));
        log(`${name}: ${shown(builds[name].at(-1)!)}`);
      });
    }
    if (wants('starlight')) {
      await attempt('starlight', () => {
        clearBuild(starlight);
        rmSync(join(starlight, '.cache'), { recursive: true, force: true });
        builds.starlight.push(timed(join(BIN, 'astro'), ['build'], { cwd: starlight, env }));
        log(`starlight: ${shown(builds.starlight.at(-1)!)}`);
      });
    }
  }
  const series = (samples: Sample[]): Series | undefined => (samples.length > 0 ? summarise(samples) : undefined);
  Object.assign(result, {
    check: series(check),
    checkFloor: series(checkFloor),
    build: series(builds.build),
    rebuild: series(builds.rebuild),
    buildFloor: series(builds['build-floor']),
    buildFloorSatteri: series(builds['build-floor-satteri']),
    starlight: series(builds.starlight),
  });
  if (builds.build.length > 0) {
    await attempt('build', () => {
      result.site = siteFacts(join(handbook, 'dist'));
    });
  }

  if (wants('dev')) {
    await attempt('dev', async () => {
      const sessions: { cold: DevSession; warm: DevSession }[] = [];
      const limits = { startMs: 600_000, editMs: 60_000 };
      for (let i = 0; i < repeat(n); i++) {
        clearBuild(handbook);
        const cold = await devSession({ project: handbook, astro: join(BIN, 'astro'), env: handbookEnv, edit: editedRecord(content), ...limits });
        const warm = await devSession({ project: handbook, astro: join(BIN, 'astro'), env: handbookEnv, ...limits });
        log(
          `dev: first page ${cold.firstPageSeconds.toFixed(2)}s cold, ${warm.firstPageSeconds.toFixed(2)}s warm; edit on page ${cold.edit?.pageSeconds.toFixed(2)}s, on register ${cold.edit?.registerSeconds.toFixed(2)}s; ${Math.max(cold.rssMb, warm.rssMb)}MB`,
        );
        sessions.push({ cold, warm });
      }
      result.dev = summariseDev(sessions);
      if (result.dev.timedOut.length > 0) log(`dev: timed out: ${result.dev.timedOut.join(', ')}`);
    });
  }

  if (values.profile) {
    const profiles: NonNullable<SizeResult['profiles']> = {};
    const into = join(OUT, 'profiles', STAMP);
    await attempt('profile', () => {
      if (wants('check')) profiles.check = profile(join(into, `check-${n}`), ['check', content, '--today', TODAY], { cwd: handbook, env });
      if (wants('build') || wants('rebuild')) {
        clearBuild(handbook);
        profiles.build = profile(join(into, `build-${n}`), ['build', '--out', 'dist'], { cwd: handbook, env: handbookEnv });
      }
    });
    result.profiles = profiles;
    log(`profiles: ${into}`);
  }
  rmSync(dir, { recursive: true, force: true });
  return { ...result, ratios: ratiosOf(result) };
}

const git = (...args: string[]): string => execFileSync('git', args, { encoding: 'utf8' }).trim();
const startLoad = loadavg()[0]!;
rmSync(WORK, { recursive: true, force: true });
mkdirSync(WORK, { recursive: true });
// check and builds run the CLI as installed, as a team's CI runs it.
const HANDBOOK = installCli(WORK);
const results: SizeResult[] = [];
for (const n of sizes) results.push(await measureSize(n));
rmSync(WORK, { recursive: true, force: true });

const growth = growthOf(results);
const report: BenchReport = {
  date: new Date().toISOString(),
  ...(values.label === undefined ? {} : { label: values.label }),
  commit: { sha: git('rev-parse', 'HEAD'), changedFiles: git('status', '--porcelain').split('\n').filter(Boolean).length },
  node: process.version,
  machine: { cpu: cpus()[0]?.model.trim() ?? 'unknown', cores: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30) },
  load: { start: startLoad, end: loadavg()[0]! },
  options: { sizes, runs, checkRuns, seed, ...(only === undefined ? {} : { only }), profile: values.profile },
  results,
  growth,
  targets: targetsOf(results, growth),
};
const markdown = renderReport(report);
process.stdout.write(markdown);
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, `${STAMP}.json`), `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(join(OUT, 'latest.md'), markdown);
log(`\nWrote ${join(values.out, `${STAMP}.json`)} and ${join(values.out, 'latest.md')}`);
if (results.some((r) => r.failures.length > 0)) process.exit(1);
