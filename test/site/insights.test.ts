import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import type { RecordsJson } from '../../src/lib/exports.ts';

const dir = inject('siteDir');
const page = (path: string): string => readFileSync(join(dir, path, 'index.html'), 'utf8');
const json = JSON.parse(readFileSync(join(dir, 'records.json'), 'utf8')) as RecordsJson;

/** The rows of a table of numbers on a page: its first column, then each number. */
function table(html: string, id: string): Record<string, number[]> {
  const body = new RegExp(`<table id="${id}"[^>]*>([\\s\\S]*?)</table>`).exec(html)?.[1];
  if (body === undefined) throw new Error(`no table #${id}`);
  const cells = (row: string): string[] => [...row.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').trim());
  const rows = [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => cells(m[1]!)).slice(1);
  return Object.fromEntries(rows.map(([label, ...values]) => [label!, values.map(Number)]));
}

const quarter = (date: string): string => `${date.slice(0, 4)}-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;
const scoped = (team: string) => json.records.filter((r) => team === 'all' || r.team === team);
const teams = ['all', ...new Set(json.records.map((r) => r.team).filter((t): t is string => t !== null))];

/** Counts of records.json, computed here on their own: what the charts must show. */
function expectedCounts(team: string) {
  const outcomes: Record<string, number[]> = {};
  const incidents: Record<string, number[]> = {};
  for (const r of scoped(team)) {
    const data = r.data as Record<string, string>;
    const closed = ['achieved', 'missed', 'dropped'].indexOf(data['status']!);
    if (r.collection === 'outcomes' && closed !== -1) (outcomes[quarter(data['due']!)] ??= [0, 0, 0])[closed]! += 1;
    if (r.collection === 'postmortems' && data['started']) (incidents[quarter(data['started'])] ??= [0, 0, 0, 0])[Number(data['severity']!.slice(3)) - 1]! += 1;
  }
  return { outcomes, incidents };
}

/** Drops the quarters a chart lists only to keep its axis continuous. */
const nonZero = (rows: Record<string, number[]>): Record<string, number[]> => Object.fromEntries(Object.entries(rows).filter(([, values]) => values.some((v) => v > 0)));

describe('the insights page', () => {
  const html = page('insights');

  it('charts outcomes achieved, missed and dropped per team and quarter, as records.json counts them', () => {
    for (const team of teams) expect(nonZero(table(html, `${team}-outcomes`)), team).toEqual(expectedCounts(team).outcomes);
    expect(table(html, 'all-outcomes')['2026-Q1']).toEqual([1, 1, 0]);
  });

  it('charts incidents by severity per team and quarter, as records.json counts them', () => {
    for (const team of teams) expect(nonZero(table(html, `${team}-incidents`)), team).toEqual(expectedCounts(team).incidents);
  });

  it('charts the median minutes to detect and to resolve per quarter', () => {
    const minutes = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / 60_000);
    const median = (values: number[]): number => {
      const sorted = [...values].sort((a, b) => a - b);
      const middle = Math.floor(sorted.length / 2);
      return Math.round(sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2);
    };
    const byQuarter: Record<string, { detect: number[]; resolve: number[] }> = {};
    for (const r of json.records.filter((r) => r.collection === 'postmortems')) {
      const { started, detected, resolved } = r.data as Record<string, string>;
      const times = (byQuarter[quarter(started!)] ??= { detect: [], resolve: [] });
      times.detect.push(minutes(started!, detected!));
      times.resolve.push(minutes(started!, resolved!));
    }
    const expected = Object.fromEntries(Object.entries(byQuarter).map(([q, t]) => [q, [median(t.detect), median(t.resolve)]]));
    expect(table(html, 'all-response')).toEqual(expected);
  });

  it('charts the open actions past due at each month end, ending today with every overdue action', () => {
    const overdue = json.records.reduce((sum, r) => sum + r.overdue.actions, 0);
    const rows = table(html, 'all-overdue');
    expect(rows['2026-11']).toEqual([overdue]);
    const counts = Object.values(rows).map(([n]) => n!);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
  });

  it('draws every chart as an SVG image with a text alternative, and is linked from the navigation', () => {
    const charts = [...html.matchAll(/<svg viewBox="[^"]+" role="img" aria-label="([^"]+)"/g)].map((m) => m[1]);
    expect(charts.length).toBe(teams.length * 4);
    expect(charts[0]).toMatch(/^Outcomes by quarter due\. 2025-Q3: 1 achieved, 0 missed, 0 dropped; /);
    // The charts add no script: the page has the same scripts as any other page of the site.
    const scripts = (text: string): string[] => [...text.matchAll(/<script[\s\S]*?<\/script>/g)].map((m) => m[0]);
    expect(scripts(html)).toEqual(scripts(page('timeline')));
    expect(page('')).toContain('href="/insights/"');
  });
});

describe('check-ins and reviews on the site', () => {
  it("shows a committed outcome's progress from its latest check-in, its trend and its log", () => {
    const html = page('outcomes/2026-q4-payout-latency');
    expect(html).toMatch(/now <strong>88<\/strong>/);
    // Progress under way is not a miss: the bar keeps the site's neutral colour until the outcome closes.
    expect(html).toMatch(/<svg class="bar under-way"[^>]*aria-label="70% of the way from baseline to target"/);
    expect(table(html, 'trend-1')).toEqual({ '28 Sept 2026': [62], '12 Oct 2026': [71], '9 Nov 2026': [84], '23 Nov 2026': [88] });
    expect(html).toContain('The late 14:00 window on 20 November cost a day');
  });

  it('marks a committed outcome without a recent check-in', () => {
    expect(page('outcomes/2026-q3-on-call-load')).toMatch(/No check-in since <time datetime="2026-09-21">/);
  });

  it("sets a decision's expected outcome beside what happened, with its review log", () => {
    const html = page('decisions/0010-opentelemetry-tracing');
    expect(html).toMatch(/Expected and actual[\s\S]*Time to find the failing service[\s\S]*What happened[\s\S]*Traces found the failing service within ten minutes/);
    expect(html).toMatch(/Review log[\s\S]*revisit/);
    expect(page('decisions/0001-postgres-for-the-ledger')).toMatch(/CockroachDB<span class="muted"[^>]*>: Nobody on the team had run it in production/);
  });

  it('flags a decision whose outcome was missed and that was not reviewed since, on its page and on /reviews/', () => {
    expect(page('decisions/0015-transactional-outbox-events')).toMatch(/was missed on <time datetime="2026-10-06">[^<]*<\/time>, and this decision has not been reviewed since/);
    expect(page('decisions/0018-slo-based-alerting')).not.toContain('has not been reviewed since');
    const reviews = page('reviews');
    expect(reviews).toMatch(/Reviews and check-ins owed[\s\S]*\/decisions\/0015-transactional-outbox-events\/[\s\S]*\/outcomes\/2026-q3-ledger-reconciliation\//);
    expect(reviews).toMatch(/Reviews and check-ins owed[\s\S]*\/outcomes\/2026-q3-on-call-load\/[\s\S]*A check-in/);
  });

  it('indexes check-in notes and what reviews found for search', () => {
    const fragments = readdirSync(join(dir, 'pagefind/fragment')).map((name) => gunzipSync(readFileSync(join(dir, 'pagefind/fragment', name))).toString('utf8'));
    const fragment = (ref: string): string => fragments.find((text) => text.includes(`"url":"/${ref}/"`)) ?? '';
    expect(fragment('outcomes/2026-q4-payout-latency')).toContain('faster acknowledgement channel from December');
    expect(fragment('decisions/0010-opentelemetry-tracing')).toContain('tracing helps after an alert, not before it');
  });

  it('carries check-ins and reviews in records.json', () => {
    const outcome = json.records.find((r) => r.ref === 'outcomes/2026-q4-payout-latency')!;
    expect((outcome.data['checkins'] as unknown[]).length).toBe(3);
    const decision = json.records.find((r) => r.ref === 'decisions/0001-postgres-for-the-ledger')!;
    expect(decision.data['reviews']).toEqual([expect.objectContaining({ verdict: 'held', nextReviewBy: '2027-02-15' })]);
  });
});
