/**
 * The concepts every part of the handbook shares, defined once: check's rules, the CLI,
 * import and the pages all ask here, so adding a status or a reference field is one edit.
 */
import { daysBetween } from '../lib/dates.ts';
// Type imports only: this module runs in the browser too (search ranks by status), where
// the schemas' zod would trip the Content-Security-Policy.
import type { Collection } from '../schemas/common.ts';

/** The fields a record is filed under, most telling first: when it was decided, started or closed, else created. */
const DATE_FIELDS = ['decided', 'started', 'closed', 'created'] as const;

/** The day (`YYYY-MM-DD`) a record is filed under on the timeline, in feeds and in lists. */
export function recordDate(data: Readonly<Record<string, unknown>>): string {
  const first = DATE_FIELDS.map((key) => data[key]).find((value): value is string => typeof value === 'string');
  return (first ?? '').slice(0, 10);
}

/**
 * Frontmatter fields that name other records: the collection they point into, and whether
 * they hold one id or a list. `related` names full refs (`<collection>/<id>`) instead.
 */
export const REFERENCE_FIELDS = {
  parent: { collection: 'outcomes', many: false },
  outcomes: { collection: 'outcomes', many: true },
  decisions: { collection: 'decisions', many: true },
  supersedes: { collection: 'decisions', many: true },
  supersededBy: { collection: 'decisions', many: false },
} as const satisfies Record<string, { collection: Collection; many: boolean }>;

export type ReferenceField = keyof typeof REFERENCE_FIELDS;

/** The refs a record's reference fields name, field by field, in order. */
export function referencedRefs(data: Readonly<Record<string, unknown>>): { field: ReferenceField | 'related'; ref: string; index: number | undefined }[] {
  const found: { field: ReferenceField | 'related'; ref: string; index: number | undefined }[] = [];
  for (const [field, { collection, many }] of Object.entries(REFERENCE_FIELDS) as [ReferenceField, { collection: Collection; many: boolean }][]) {
    const value = data[field];
    if (many && Array.isArray(value)) value.forEach((id, index) => typeof id === 'string' && found.push({ field, ref: `${collection}/${id}`, index }));
    else if (!many && typeof value === 'string') found.push({ field, ref: `${collection}/${value}`, index: undefined });
  }
  const related = data['related'];
  if (Array.isArray(related)) related.forEach((ref, index) => typeof ref === 'string' && found.push({ field: 'related', ref, index }));
  return found;
}

/** Statuses of a decision that was taken (and so can be superseded, reviewed or replaced). */
export const DECIDED = ['accepted', 'superseded', 'deprecated'] as const;
export const DECIDED_STATUSES: ReadonlySet<string> = new Set(DECIDED);

/**
 * Statuses of a record that no longer holds: replaced, withdrawn, turned down or abandoned.
 * Search ranks them after the records that still hold. A missed outcome is not here: what
 * it taught holds.
 */
export const SET_ASIDE_STATUSES: ReadonlySet<string> = new Set(['superseded', 'deprecated', 'rejected', 'dropped']);

/** Statuses whose loop ended without the record standing as it was: the set-aside ones and a missed outcome; registers mark their rows. */
export const CLOSED_STATUSES: ReadonlySet<string> = new Set([...SET_ASIDE_STATUSES, 'missed']);

/** Statuses of a follow-up action that still needs doing. */
export const OPEN_ACTION_STATUSES: ReadonlySet<string> = new Set(['open', 'in-progress']);

/** A loop whose date has passed: a review, a due date, or a follow-up action. */
export interface Overdue {
  /** An accepted decision past its `reviewBy`. */
  review: boolean;
  /** A committed outcome past its `due`. */
  due: boolean;
  /** Open or in-progress postmortem actions past their `due`. */
  actions: number;
}

/** The date a record's open loop closes by: an accepted decision's review, a committed outcome's due date. */
export function loopDate(collection: string, data: { status?: unknown; reviewBy?: unknown; due?: unknown }): string | undefined {
  if (collection === 'decisions' && data.status === 'accepted' && typeof data.reviewBy === 'string') return data.reviewBy;
  if (collection === 'outcomes' && data.status === 'committed' && typeof data.due === 'string') return data.due;
  return undefined;
}

/** A record's open loop whose date has passed: a review past `reviewBy`, a committed outcome past `due`. */
export function isLoopOverdue(collection: string, data: { status?: unknown; reviewBy?: unknown; due?: unknown }, today: string): boolean {
  const date = loopDate(collection, data);
  return date !== undefined && date < today;
}

export function isActionOpen(action: { status?: string | undefined }): boolean {
  return OPEN_ACTION_STATUSES.has(action.status ?? 'open');
}

/** An open or in-progress action whose due date has passed. */
export function isActionOverdue(action: { status?: string | undefined; due?: string | undefined }, today: string): boolean {
  return isActionOpen(action) && action.due !== undefined && action.due < today;
}

/** What is late about one record at `today`. */
export function overdueOf(collection: string, data: { status?: unknown; reviewBy?: unknown; due?: unknown; actions?: unknown }, today: string): Overdue {
  const late = isLoopOverdue(collection, data, today);
  const actions = Array.isArray(data.actions) ? (data.actions as { status?: string; due?: string }[]) : [];
  return {
    review: collection === 'decisions' && late,
    due: collection === 'outcomes' && late,
    actions: collection === 'postmortems' ? actions.filter((a) => isActionOverdue(a, today)).length : 0,
  };
}

export function isOverdue(overdue: Overdue): boolean {
  return overdue.review || overdue.due || overdue.actions > 0;
}

/** A decision's number: the digits its id starts with, four or more (after 9999 comes 10000). */
export function decisionNumber(id: string): number | undefined {
  const match = /^(\d{4,})-/.exec(id);
  return match ? Number(match[1]) : undefined;
}

/**
 * The day `months` calendar months after `date` (`YYYY-MM-DD`), kept within the month it
 * lands in: a month after 31 January is 28 (or 29) February.
 */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(year, month - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(day, last));
  return first.toISOString().slice(0, 10);
}

/** The dates of a list of dated entries (check-ins, reviews), as written; entries without a date are skipped. */
function entryDates(value: unknown): string[] {
  return Array.isArray(value) ? value.flatMap((entry) => (entry !== null && typeof entry === 'object' && typeof (entry as { date?: unknown }).date === 'string' ? [(entry as { date: string }).date] : [])) : [];
}

/** The date of an outcome's latest check-in, or of a decision's latest review. */
export function latestEntry(data: Readonly<Record<string, unknown>>, field: 'checkins' | 'reviews'): string | undefined {
  return entryDates(data[field]).reduce<string | undefined>((latest, date) => (latest === undefined || date > latest ? date : latest), undefined);
}

/** A committed outcome whose progress has not been read for longer than a team allows. */
export interface StaleCheckin {
  /** The latest check-in, or `created` when there has been none. */
  since: string;
  /** Whether `since` is a check-in (false: the outcome never had one). */
  checkedIn: boolean;
  days: number;
}

/**
 * A committed outcome is owed a check-in once `every` days have passed since its latest
 * check-in (or since it was created, when it has none): its owner should read the numbers
 * and say whether it is on track.
 */
export function staleCheckin(data: Readonly<Record<string, unknown>>, today: string, every: number): StaleCheckin | undefined {
  if (data['status'] !== 'committed') return undefined;
  const latest = latestEntry(data, 'checkins');
  const since = latest ?? (typeof data['created'] === 'string' ? data['created'] : undefined);
  if (since === undefined) return undefined;
  const days = daysBetween(since, today);
  return days > every ? { since, checkedIn: latest !== undefined, days } : undefined;
}

/** A missed outcome an accepted decision served, which the decision has not been reviewed against. */
export interface UnweighedMiss {
  /** The outcome's id and its position in the decision's `outcomes`. */
  id: string;
  index: number;
  /** When the outcome was closed as missed. */
  closed: string;
}

/**
 * The outcomes an accepted decision serves that were missed, and that no review of the
 * decision dated on or after their `closed` has weighed: a missed outcome is the moment to
 * ask whether the decision behind it held.
 */
export function unweighedMisses(data: Readonly<Record<string, unknown>>, outcome: (id: string) => Readonly<Record<string, unknown>> | undefined): UnweighedMiss[] {
  if (data['status'] !== 'accepted' || !Array.isArray(data['outcomes'])) return [];
  const reviewed = latestEntry(data, 'reviews');
  return data['outcomes'].flatMap((id, index): UnweighedMiss[] => {
    const target = typeof id === 'string' ? outcome(id) : undefined;
    const closed = target?.['closed'];
    if (target?.['status'] !== 'missed' || typeof closed !== 'string') return [];
    return reviewed !== undefined && reviewed >= closed ? [] : [{ id: id as string, index, closed }];
  });
}
