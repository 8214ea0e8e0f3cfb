import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateHandbook } from './generate.ts';
import { writeStarlightProject } from './starlight.ts';

/**
 * `npm run bench`: on trees generated once per size, measures `handbook check`, a cold
 * build with its search index, a warm rebuild after one record changes, and Starlight
 * building the same Markdown, side by side in one run. Prints a Markdown table and writes
 * the figures to bench/results/.
 */

const USAGE = 'Usage: npm run bench -- [--sizes 1000,10000] [--runs 3] [--seed 42] [--no-starlight]';
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    runs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '42' },
    'no-starlight': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);
if (sizes.some((n) => !Number.isInteger(n) || n < 10) || !Number.isInteger(runs) || runs < 1) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(2);
}
const TIME = '/usr/bin/time';
if (!existsSync(TIME)) {
  process.stderr.write('The benchmark reads peak memory from GNU time: apt-get install -y time\n');
  process.exit(2);
}

const ROOT = process.cwd();
const WORK = resolve('bench/.work');
const BIN = resolve('node_modules/.bin');
const TODAY = '2026-11-24';
const env = { ...process.env, PATH: `${BIN}:${process.env['PATH']}`, NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1' };

interface Sample {
  seconds: number;
  rssMb: number;
}

/** Runs a command under GNU time; fails the benchmark if the command fails. */
function measure(command: string, args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Sample {
  const out = join(WORK, 'time.txt');
  const result = spawnSync(TIME, ['-f', '%e %M', '-o', out, command, ...args], { cwd: options.cwd ?? ROOT, env: { ...env, ...options.env }, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`);
  const [seconds, kb] = readFileSync(out, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
  return { seconds: seconds!, rssMb: Math.round(kb! / 1024) };
}

interface Stat {
  median: number;
  min: number;
  max: number;
}

function stat(values: number[]): Stat {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted.at(-1)! };
}

function summarise(samples: Sample[]): { seconds: Stat; rssMb: Stat; runs: number } {
  return { seconds: stat(samples.map((s) => s.seconds)), rssMb: stat(samples.map((s) => s.rssMb)), runs: samples.length };
}

function tree(dir: string): { files: number; mb: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return { files, mb: Math.round(bytes / 1e5) / 10 };
}

const log = (text: string): void => {
  process.stderr.write(`${text}\n`);
};

/** Builds that are slow at large sizes run once; the rest `runs` times. */
const repeat = (n: number, slow: boolean): number => (slow && n >= 5000 ? 1 : runs);

rmSync(WORK, { recursive: true, force: true });
mkdirSync(WORK, { recursive: true });
const results: Record<string, unknown>[] = [];

for (const n of sizes) {
  const content = join(WORK, `handbook-${n}`, 'content');
  const generated = generateHandbook(content, n, Number(values.seed));
  log(`\n${n} records: ${JSON.stringify(generated.byKind)}, ${generated.people} people, ${generated.teams} teams`);

  const check = Array.from({ length: Math.max(runs, 5) }, () => measure(resolve('bin/handbook.js'), ['check', content, '--today', TODAY]));
  log(`check: ${check.map((s) => `${s.seconds}s/${s.rssMb}MB`).join(' ')}`);

  const outDir = join(WORK, `handbook-${n}`, 'dist');
  const buildEnv = { HANDBOOK_CONTENT: content, HANDBOOK_TODAY: TODAY };
  const cold: Sample[] = [];
  const warm: Sample[] = [];
  for (let i = 0; i < repeat(n, true); i++) {
    rmSync(outDir, { recursive: true, force: true });
    rmSync('node_modules/.astro', { recursive: true, force: true });
    // `npm run build` is `handbook build`: Astro, the Pagefind index, and the swap into place.
    cold.push(measure(resolve('bin/handbook.js'), ['build', '--out', outDir], { env: buildEnv }));
    // What a pull request preview pays: one record's body changes, the cache is warm.
    const changed = join(content, 'decisions', readdirSync(join(content, 'decisions')).sort()[0]!);
    appendFileSync(changed, `\nEdited in run ${i + 1}: the review moved a week.\n`);
    warm.push(measure(resolve('bin/handbook.js'), ['build', '--out', outDir], { env: buildEnv }));
    log(`build: cold ${cold.at(-1)!.seconds}s/${cold.at(-1)!.rssMb}MB, warm ${warm.at(-1)!.seconds}s/${warm.at(-1)!.rssMb}MB`);
  }
  const dist = tree(outDir);
  const indexed = JSON.parse(readFileSync(join(outDir, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  const pages = Object.values(indexed.languages).reduce((sum, l) => sum + l.page_count, 0);
  rmSync(outDir, { recursive: true, force: true });

  let starlight: ReturnType<typeof summarise> | undefined;
  if (!values['no-starlight']) {
    const project = join(WORK, `starlight-${n}`);
    writeStarlightProject(content, project);
    const samples: Sample[] = [];
    for (let i = 0; i < repeat(n, true); i++) {
      rmSync(join(project, 'dist'), { recursive: true, force: true });
      rmSync(join(project, '.cache'), { recursive: true, force: true });
      samples.push(measure(join(BIN, 'astro'), ['build'], { cwd: project }));
      log(`starlight: ${samples.at(-1)!.seconds}s/${samples.at(-1)!.rssMb}MB`);
    }
    starlight = summarise(samples);
    rmSync(project, { recursive: true, force: true });
  }
  results.push({ records: n, generated, check: summarise(check), build: { cold: summarise(cold), warm: summarise(warm), distFiles: dist.files, distMb: dist.mb, searchPages: pages }, starlight });
  rmSync(join(WORK, `handbook-${n}`), { recursive: true, force: true });
}

type Result = { records: number; check: ReturnType<typeof summarise>; build: { cold: ReturnType<typeof summarise>; warm: ReturnType<typeof summarise>; distFiles: number; distMb: number; searchPages: number }; starlight?: ReturnType<typeof summarise> };
const rows = results as unknown as Result[];
const fmt = (s: Stat, unit: string, digits = 1): string => (s.min === s.max ? `${s.median.toFixed(digits)} ${unit}` : `${s.median.toFixed(digits)} ${unit} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`);
const lines = [
  `| Records | check | check RSS | cold build + index | ms / record | build RSS | warm rebuild | dist | Starlight build | Starlight RSS | Starlight / handbook |`,
  `| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`,
  ...rows.map((r) =>
    [
      r.records.toLocaleString('en'),
      fmt(r.check.seconds, 's', 2),
      `${r.check.rssMb.median} MB`,
      fmt(r.build.cold.seconds, 's'),
      ((r.build.cold.seconds.median * 1000) / r.records).toFixed(1),
      `${r.build.cold.rssMb.median} MB`,
      fmt(r.build.warm.seconds, 's'),
      `${r.build.distFiles.toLocaleString('en')} files, ${r.build.distMb} MB`,
      r.starlight ? fmt(r.starlight.seconds, 's') : '–',
      r.starlight ? `${r.starlight.rssMb.median} MB` : '–',
      r.starlight ? `${(r.starlight.seconds.median / r.build.cold.seconds.median).toFixed(1)}×` : '–',
    ].join(' | '),
  ).map((row) => `| ${row} |`),
];
const growth: Record<string, number> = {};
if (rows.length >= 2) {
  const [a, b] = [rows[0]!, rows.at(-1)!];
  const ratio = (x: number, y: number): number => Math.round((y / x) * 100) / 100;
  growth['check'] = ratio(a.check.seconds.median, b.check.seconds.median);
  growth['build'] = ratio(a.build.cold.seconds.median, b.build.cold.seconds.median);
  if (a.starlight && b.starlight) growth['starlight'] = ratio(a.starlight.seconds.median, b.starlight.seconds.median);
  lines.push('', `Growth from ${a.records.toLocaleString('en')} to ${b.records.toLocaleString('en')} records (${b.records / a.records}× the records; linear is ${b.records / a.records}): ${Object.entries(growth).map(([k, v]) => `${k} ${v}×`).join(', ')}.`);
}
const machine = `${cpus().length} cores (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}`;
lines.push('', `Medians of ${runs} runs (check: ${Math.max(runs, 5)}; builds at 5,000 records and more: 1), min–max in brackets. ${machine}.`);
const table = lines.join('\n');
process.stdout.write(`${table}\n`);

mkdirSync('bench/results', { recursive: true });
const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
const json = { date: new Date().toISOString(), machine, sizes, runs, seed: Number(values.seed), results, growth };
writeFileSync(join('bench/results', `${stamp}.json`), `${JSON.stringify(json, null, 2)}\n`);
writeFileSync(join('bench/results', 'latest.md'), `${table}\n`);
rmSync(WORK, { recursive: true, force: true });
log(`\nWrote bench/results/${stamp}.json and bench/results/latest.md`);
