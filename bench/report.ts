import type { Generated } from './generate.ts';
import type { Series, Stat } from './measure.ts';
import { PAGE_BUDGET, RAW_CEILING, type PageWeight } from './page-weight.ts';
import type { ProfileSummary } from './profile.ts';

/** The dev loop at one size: the sessions' figures summarised. */
export interface DevSummary {
  /** First answer of `/` with Astro's caches removed, as on a fresh clone. */
  firstPageCold: Stat;
  /** First answer of `/` on the next start, with the caches the first one left. */
  firstPageWarm: Stat;
  editOnPage: Stat;
  editOnRegister: Stat;
  /** Peak resident memory of the server's process tree over all sessions. */
  rssMb: Stat;
  sessions: number;
  timedOut: string[];
}

/** The built handbook site at one size. */
export interface SiteFacts {
  files: number;
  mb: number;
  recordPages: number;
  searchPages: number;
  /** The heaviest record page of each kind. */
  heaviest: PageWeight[];
}

/** Every measurement the benchmark knows, by the name `--only` takes. */
export const MEASUREMENTS = ['check', 'check-floor', 'build', 'rebuild', 'build-floor', 'build-floor-satteri', 'starlight', 'dev'] as const;
export type Measurement = (typeof MEASUREMENTS)[number];

export interface SizeResult {
  records: number;
  generated: Generated;
  /** The one-minute load average when this size started. */
  load: number;
  measured: Measurement[];
  check?: Series;
  checkFloor?: Series;
  build?: Series;
  rebuild?: Series;
  buildFloor?: Series;
  buildFloorSatteri?: Series;
  starlight?: Series;
  dev?: DevSummary;
  site?: SiteFacts;
  profiles?: { check?: ProfileSummary; build?: ProfileSummary };
  failures: { measurement: Measurement | 'profile'; message: string }[];
  ratios: Ratios;
}

/** Handbook ÷ reference, from the medians; the range pairs the extremes (fastest ÷ slowest, slowest ÷ fastest). */
export interface Ratios {
  checkToFloor?: Stat | undefined;
  buildToFloor?: Stat | undefined;
  buildToSatteriFloor?: Stat | undefined;
  rebuildToBuild?: Stat | undefined;
  buildToStarlight?: Stat | undefined;
}

export interface Growth {
  from: number;
  to: number;
  check?: number | undefined;
  checkFloor?: number | undefined;
  build?: number | undefined;
  buildFloor?: number | undefined;
}

export interface Target {
  records: number;
  goal: string;
  measured: string;
  pass: boolean;
}

export interface BenchReport {
  date: string;
  label?: string;
  commit: { sha: string; changedFiles: number };
  node: string;
  machine: { cpu: string; cores: number; memoryGb: number };
  /** One-minute load average at the start and the end of the run. */
  load: { start: number; end: number };
  options: { sizes: number[]; runs: number; checkRuns: number; seed: number; only?: Measurement[]; profile: boolean };
  results: SizeResult[];
  growth: Growth[];
  targets: Target[];
}

function ratio(a: Series | undefined, b: Series | undefined): Stat | undefined {
  if (a === undefined || b === undefined) return undefined;
  return { median: a.seconds.median / b.seconds.median, min: a.seconds.min / b.seconds.max, max: a.seconds.max / b.seconds.min };
}

export function ratiosOf(result: Omit<SizeResult, 'ratios'>): Ratios {
  return {
    checkToFloor: ratio(result.check, result.checkFloor),
    buildToFloor: ratio(result.build, result.buildFloor),
    buildToSatteriFloor: ratio(result.build, result.buildFloorSatteri),
    rebuildToBuild: ratio(result.rebuild, result.build),
    buildToStarlight: ratio(result.build, result.starlight),
  };
}

/** How each median grew from one size to the next; linear growth equals the ratio of the sizes. */
export function growthOf(results: readonly SizeResult[]): Growth[] {
  const grew = (a: Series | undefined, b: Series | undefined): number | undefined => (a && b ? b.seconds.median / a.seconds.median : undefined);
  return results.slice(1).map((b, i) => {
    const a = results[i]!;
    return { from: a.records, to: b.records, check: grew(a.check, b.check), checkFloor: grew(a.checkFloor, b.checkFloor), build: grew(a.build, b.build), buildFloor: grew(a.buildFloor, b.buildFloor) };
  });
}

const times = (value: number): string => `${value.toFixed(2)}×`;
const range = (s: Stat, format: (n: number) => string): string => (s.min === s.max ? format(s.median) : `${format(s.median)} (${format(s.min)}–${format(s.max)})`);
const seconds = (n: number): string => `${n < 10 ? n.toFixed(2) : n.toFixed(1)} s`;
const mb = (n: number): string => `${Math.round(n)} MB`;
const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
export const count = (n: number): string => n.toLocaleString('en');

/** Sizes above this are the scale test: by default only check and a cold build run there. */
export const LARGE = 10_000;

/**
 * The targets, each a line that passes or fails. Ratios are of medians measured in the
 * same run; memory is the highest peak of any run. They are set for 10,000 records and
 * computed at every size, so a smaller run shows the trend.
 */
export function targetsOf(results: readonly SizeResult[], growth: readonly Growth[]): Target[] {
  const targets: Target[] = [];
  for (const r of results) {
    const add = (goal: string, measured: string, pass: boolean): void => {
      targets.push({ records: r.records, goal, measured, pass });
    };
    for (const failure of r.failures) add(`${failure.measurement} completes`, `failed: ${failure.message.split('\n')[0]}`, false);
    // A ratio target: the handbook's median against its reference's, at most `limit` times it.
    const within = (goal: string, ratio: Stat | undefined, a: Series | undefined, b: Series | undefined, limit: number): void => {
      if (ratio && a && b) add(goal, `${range(ratio, times)}: ${seconds(a.seconds.median)} against ${seconds(b.seconds.median)}`, ratio.median <= limit);
    };
    within('check ≤ 1.5× its floor', r.ratios.checkToFloor, r.check, r.checkFloor, 1.5);
    if (r.check && r.records <= LARGE) add('check peak RSS ≤ 300 MB', mb(r.check.rssMb.max), r.check.rssMb.max <= 300);
    within('cold build + index ≤ 1.25× its floor', r.ratios.buildToFloor, r.build, r.buildFloor, 1.25);
    if (r.build && r.records <= LARGE) add('build peak RSS ≤ 2 GB', mb(r.build.rssMb.max), r.build.rssMb.max <= 2048);
    within('rebuild after one body changes ≤ 0.5× the cold build', r.ratios.rebuildToBuild, r.rebuild, r.build, 0.5);
    if (r.dev) {
      add('dev: first page ≤ 10 s after start (cold caches)', range(r.dev.firstPageCold, seconds), r.dev.firstPageCold.median <= 10);
      add('dev: edited title on its page ≤ 1 s after the save', range(r.dev.editOnPage, seconds), r.dev.editOnPage.median <= 1);
      add('dev: edited title on its register ≤ 1 s after the save', range(r.dev.editOnRegister, seconds), r.dev.editOnRegister.median <= 1);
      add('dev: server process tree RSS ≤ 1 GB', mb(r.dev.rssMb.max), r.dev.rssMb.max <= 1024);
    }
    if (r.site && r.site.heaviest.length > 0) {
      const heaviest = r.site.heaviest.reduce((a, b) => (b.transferBytes > a.transferBytes ? b : a));
      add(`record page ≤ ${kb(PAGE_BUDGET)} of HTML and CSS as downloaded (≤ ${kb(RAW_CEILING)} uncompressed)`, `${kb(heaviest.transferBytes)}, ${kb(heaviest.bytes)} uncompressed (${heaviest.page})`, heaviest.transferBytes <= PAGE_BUDGET && heaviest.bytes <= RAW_CEILING);
      const others = r.site.heaviest.flatMap((page) => page.scripts.filter((s) => s.role === 'other').map((s) => `${s.source} on ${page.page}`));
      add('record page runs no script but search and the theme toggle', others.length === 0 ? 'none other' : others.join(', '), others.length === 0);
    }
    if (r.records > LARGE) {
      if (r.check) add('check completes', `${seconds(r.check.seconds.median)}, ${mb(r.check.rssMb.max)}`, true);
      if (r.build) add('cold build + index completes', `${seconds(r.build.seconds.median)}, ${mb(r.build.rssMb.max)}`, true);
    }
  }
  for (const g of growth) {
    const limit = 1.1 * (g.to / g.from);
    for (const [name, value] of [
      ['check', g.check],
      ['cold build + index', g.build],
    ] as const) {
      if (value !== undefined) targets.push({ records: g.to, goal: `${name} grows ≤ ${limit.toFixed(1)}× from ${count(g.from)} records`, measured: times(value), pass: value <= limit });
    }
  }
  return targets;
}

/** The report as Markdown: what was measured, the ratios, growth, targets, page weight and profiles. */
export function renderReport(report: BenchReport): string {
  const { results } = report;
  const lines: string[] = [`# Benchmark${report.label ? `: ${report.label}` : ''}`, ''];
  lines.push(
    `${report.date.slice(0, 16).replace('T', ' ')} UTC, commit ${report.commit.sha.slice(0, 10)}${report.commit.changedFiles > 0 ? ` with ${report.commit.changedFiles} files changed` : ''}, Node ${report.node}, ${report.machine.cpu} (${report.machine.cores} cores), ${report.machine.memoryGb} GB; load average (1 min) ${report.load.start.toFixed(2)} at the start, ${report.load.end.toFixed(2)} at the end. Builds ran ${report.options.runs}× below 5,000 records and once from 5,000, check and its floor ${report.options.checkRuns}×; medians, min–max in brackets.`,
    '',
    '| Records | Load | Measurement | Time | Peak RSS | Runs |',
    '| ---: | ---: | --- | ---: | ---: | ---: |',
  );
  const names: [keyof SizeResult, string][] = [
    ['check', '`handbook check`'],
    ['checkFloor', 'check floor: read + js-yaml'],
    ['build', '`handbook build` (cold, with index)'],
    ['rebuild', 'rebuild after one body change'],
    ['buildFloor', 'build floor: glob + render() + Pagefind, unified'],
    ['buildFloorSatteri', 'build floor, Sätteri (context)'],
    ['starlight', 'Starlight build (with index)'],
  ];
  for (const r of results) {
    const row = (name: string, time: string, rss: string, runs: number): void => {
      lines.push(`| ${count(r.records)} | ${r.load.toFixed(2)} | ${name} | ${time} | ${rss} | ${runs} |`);
    };
    for (const [key, name] of names) {
      const series = r[key] as Series | undefined;
      if (series) row(name, range(series.seconds, seconds), `${mb(series.rssMb.median)} (max ${mb(series.rssMb.max)})`, series.runs);
    }
    if (r.dev) {
      row('dev: first page, cold caches', range(r.dev.firstPageCold, seconds), mb(r.dev.rssMb.max), r.dev.sessions);
      row('dev: first page, warm caches', range(r.dev.firstPageWarm, seconds), '', r.dev.sessions);
      row('dev: edited title on its page', range(r.dev.editOnPage, seconds), '', r.dev.sessions);
      row('dev: edited title on its register', range(r.dev.editOnRegister, seconds), '', r.dev.sessions);
    }
  }

  const withRatios = results.filter((r) => Object.values(r.ratios).some((s) => s !== undefined));
  if (withRatios.length > 0) {
    lines.push('', '| Records | check ÷ floor | build ÷ floor | build ÷ Sätteri floor | rebuild ÷ cold build | build ÷ Starlight |', '| ---: | ---: | ---: | ---: | ---: | ---: |');
    const cell = (s: Stat | undefined): string => (s ? range(s, times) : '–');
    for (const r of withRatios)
      lines.push(
        `| ${count(r.records)} | ${cell(r.ratios.checkToFloor)} | ${cell(r.ratios.buildToFloor)} | ${cell(r.ratios.buildToSatteriFloor)} | ${cell(r.ratios.rebuildToBuild)} | ${cell(r.ratios.buildToStarlight)} |`,
      );
  }

  if (report.growth.length > 0) {
    lines.push('', '| Growth | linear | check | check floor | build | build floor |', '| --- | ---: | ---: | ---: | ---: | ---: |');
    const g = (n: number | undefined): string => (n === undefined ? '–' : times(n));
    for (const row of report.growth)
      lines.push(`| ${count(row.from)} → ${count(row.to)} | ${times(row.to / row.from)} | ${g(row.check)} | ${g(row.checkFloor)} | ${g(row.build)} | ${g(row.buildFloor)} |`);
  }

  lines.push('', 'Targets:', '');
  for (const t of report.targets) lines.push(`- ${t.pass ? 'PASS' : '**FAIL**'} ${count(t.records)} records: ${t.goal}: ${t.measured}`);

  const sites = results.filter((r) => r.site);
  if (sites.length > 0) {
    lines.push('', '| Records | site | record pages | searchable | heaviest record page (HTML + CSS) | scripts on it |', '| ---: | ---: | ---: | ---: | --- | --- |');
    for (const r of sites) {
      const site = r.site!;
      const pages = site.heaviest.map((p) => `${p.page} ${kb(p.htmlBytes)} + ${kb(p.cssBytes)}`).join('; ');
      const scripts = [...new Set(site.heaviest.flatMap((p) => p.scripts.map((s) => `${s.role} ${kb(s.bytes)}`)))].join(', ') || 'none';
      lines.push(`| ${count(r.records)} | ${count(site.files)} files, ${site.mb} MB | ${count(site.recordPages)} | ${count(site.searchPages)} | ${pages} | ${scripts} |`);
    }
  }

  for (const r of results) {
    for (const [command, summary] of Object.entries(r.profiles ?? {})) {
      lines.push(
        '',
        `Where the time goes: \`handbook ${command}\` at ${count(r.records)} records, ${summary.totalMs} ms sampled (self time):`,
        '',
        '| by package or file | ms | % | by function | ms | % |',
        '| --- | ---: | ---: | --- | ---: | ---: |',
      );
      for (let i = 0; i < Math.max(summary.byModule.length, summary.byFunction.length); i++) {
        const [m, f] = [summary.byModule[i], summary.byFunction[i]];
        lines.push(`| ${m ? `${m.where} | ${m.ms} | ${m.percent}` : ' | | '} | ${f ? `\`${f.where}\` | ${f.ms} | ${f.percent}` : ' | | '} |`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
