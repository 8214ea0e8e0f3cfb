import { isActionOverdue } from '../model/concepts.ts';
import { severities } from '../schemas/postmortems.ts';

/** A published record as the insights need it: its kind, its team (or its owner's) and its frontmatter. */
export interface InsightRecord {
  collection: string;
  team: string | null | undefined;
  data: Readonly<Record<string, unknown>>;
}

/** `2026-Q3`: the calendar quarter a `YYYY-MM-DD` date (or a date-time) falls in. */
export function quarterOf(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Outcomes closed for a quarter, by how they closed. */
export interface OutcomeTally {
  quarter: string;
  achieved: number;
  missed: number;
  dropped: number;
}

/** Incidents that started in a quarter, by severity. */
export type IncidentTally = { quarter: string } & Record<(typeof severities)[number], number>;

/** How quickly the incidents that started in a quarter were detected and resolved. */
export interface ResponseTimes {
  quarter: string;
  incidents: number;
  /** Median minutes from `started` to `detected`. */
  detect: number;
  /** Median minutes from `started` to `resolved`. */
  resolve: number;
}

/** Follow-up actions still open today that were already past their due date at the end of a month. */
export interface OverduePoint {
  /** `YYYY-MM`. */
  month: string;
  /** The day counted at: the month's last day, or today for the current month. */
  date: string;
  overdue: number;
}

/** What the insights page shows for one team, or for all of them. */
export interface Scope {
  /** A team id, or `all`. */
  id: string;
  name: string;
  outcomes: OutcomeTally[];
  incidents: IncidentTally[];
  response: ResponseTimes[];
  overdue: OverduePoint[];
}

/** Every quarter from the first to the last given, so bars line up across teams and gaps show. */
function quarterRange(quarters: readonly string[]): string[] {
  const sorted = [...new Set(quarters)].sort();
  const [first, last] = [sorted[0], sorted.at(-1)];
  if (first === undefined || last === undefined) return [];
  const range: string[] = [];
  let [year, q] = [Number(first.slice(0, 4)), Number(first.slice(6))];
  while (`${year}-Q${q}` <= last) {
    range.push(`${year}-Q${q}`);
    [year, q] = q === 4 ? [year + 1, 1] : [year, q + 1];
  }
  return range;
}

/** The quarter an outcome was closed for: the quarter of its `due` date, else of `closed`. */
function outcomeQuarter(data: Readonly<Record<string, unknown>>): string | undefined {
  const date = text(data['due']) ?? text(data['closed']);
  return date === undefined ? undefined : quarterOf(date);
}

const CLOSED = ['achieved', 'missed', 'dropped'] as const;

/** Closed outcomes per quarter they were due, as achieved, missed or dropped; every quarter of `quarters` is listed. */
export function outcomesByQuarter(records: readonly InsightRecord[], quarters: readonly string[]): OutcomeTally[] {
  const tallies = new Map(quarters.map((quarter) => [quarter, { quarter, achieved: 0, missed: 0, dropped: 0 }]));
  for (const { collection, data } of records) {
    const status = data['status'];
    const quarter = outcomeQuarter(data);
    const tally = quarter === undefined ? undefined : tallies.get(quarter);
    if (collection !== 'outcomes' || tally === undefined || !CLOSED.includes(status as never)) continue;
    tally[status as (typeof CLOSED)[number]] += 1;
  }
  return [...tallies.values()];
}

/** Postmortems per quarter their incident started, by severity; every quarter of `quarters` is listed. */
export function incidentsBySeverity(records: readonly InsightRecord[], quarters: readonly string[]): IncidentTally[] {
  const empty = (quarter: string): IncidentTally => ({ quarter, sev1: 0, sev2: 0, sev3: 0, sev4: 0 });
  const tallies = new Map(quarters.map((quarter) => [quarter, empty(quarter)]));
  for (const { collection, data } of records) {
    const started = text(data['started']);
    const severity = data['severity'];
    const tally = started === undefined ? undefined : tallies.get(quarterOf(started));
    if (collection !== 'postmortems' || tally === undefined || !severities.includes(severity as never)) continue;
    tally[severity as (typeof severities)[number]] += 1;
  }
  return [...tallies.values()];
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const minutesBetween = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / 60_000);

/** Median minutes to detect and to resolve the incidents of each quarter that had any, oldest first. */
export function responseTimes(records: readonly InsightRecord[]): ResponseTimes[] {
  const byQuarter = new Map<string, { detect: number[]; resolve: number[] }>();
  for (const { collection, data } of records) {
    const [started, detected, resolved] = [text(data['started']), text(data['detected']), text(data['resolved'])];
    if (collection !== 'postmortems' || started === undefined || detected === undefined || resolved === undefined) continue;
    const quarter = quarterOf(started);
    const times = byQuarter.get(quarter) ?? { detect: [], resolve: [] };
    times.detect.push(minutesBetween(started, detected));
    times.resolve.push(minutesBetween(started, resolved));
    byQuarter.set(quarter, times);
  }
  return [...byQuarter]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([quarter, times]) => ({ quarter, incidents: times.detect.length, detect: median(times.detect), resolve: median(times.resolve) }));
}

/** The last day of a `YYYY-MM` month. */
function monthEnd(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
}

function nextMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * At the end of each month from `from` to today's month, how many follow-up actions of
 * published postmortems were past due and are still open today. A record does not say when
 * an action was done, so an action done since is not counted in any month: the line shows
 * how long today's overdue actions have been left, month by month.
 */
export function overdueActionsByMonth(records: readonly InsightRecord[], from: string, today: string): OverduePoint[] {
  const actions = records.flatMap(({ collection, data }) => (collection === 'postmortems' && Array.isArray(data['actions']) ? (data['actions'] as Record<string, unknown>[]) : []));
  const open = actions.map((a) => ({ status: text(a['status']), due: text(a['due']) })).filter((a) => isActionOverdue(a, today));
  const points: OverduePoint[] = [];
  for (let month = from.slice(0, 7); month <= today.slice(0, 7); month = nextMonth(month)) {
    const date = month === today.slice(0, 7) ? today : monthEnd(month);
    points.push({ month, date, overdue: open.filter((a) => a.due !== undefined && a.due < date).length });
  }
  return points;
}

/**
 * The insights of a handbook: for all teams, then for each team in the order given, the
 * outcomes closed per quarter, incidents by severity, response times and overdue actions.
 * Quarters and months span the whole handbook, so every team's charts share their axes.
 */
export function insights(records: readonly InsightRecord[], teams: readonly { id: string; name: string }[], today: string): Scope[] {
  const dated = (values: readonly (string | undefined)[]): string[] => values.filter((value): value is string => value !== undefined);
  const closed = records.filter((r) => r.collection === 'outcomes' && CLOSED.includes(r.data['status'] as never));
  const outcomeQuarters = quarterRange(dated(closed.map((r) => outcomeQuarter(r.data))));
  const postmortems = records.filter((r) => r.collection === 'postmortems');
  const incidentQuarters = quarterRange(dated(postmortems.map((r) => text(r.data['started']))).map(quarterOf));
  const dues = dated(postmortems.flatMap((r) => (Array.isArray(r.data['actions']) ? (r.data['actions'] as Record<string, unknown>[]).map((a) => text(a['due'])) : [])));
  const from = dues.reduce((earliest, due) => (due < earliest ? due : earliest), today);
  const scope = (id: string, name: string, of: readonly InsightRecord[]): Scope => ({
    id,
    name,
    outcomes: outcomesByQuarter(of, outcomeQuarters),
    incidents: incidentsBySeverity(of, incidentQuarters),
    response: responseTimes(of),
    overdue: overdueActionsByMonth(of, from, today),
  });
  return [scope('all', 'All teams', records), ...teams.map((team) => scope(team.id, team.name, records.filter((r) => r.team === team.id)))];
}

/** A round number at or above `value` for an axis to end at: 1, 2 or 5 times a power of ten. */
export function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((step) => step * power).find((candidate) => candidate >= value)!;
}
