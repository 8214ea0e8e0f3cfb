import { daysBetween } from './dates.ts';
import { KIND_LABELS, personRef, plural, type Directory, type Named } from './labels.ts';

/** What the home page needs to know of a record. */
export interface HomeRecord {
  ref: string;
  collection: string;
  url: string;
  data: { title: string; status: string; owner: string; created: string };
}

export interface StatusCount {
  status: string;
  count: number;
  /** The register filtered to this status; none when there is nothing to show. */
  url: string | undefined;
}

export interface KindCount {
  collection: string;
  label: string;
  total: number;
  url: string;
  statuses: StatusCount[];
}

/** Each kind's published records by status, each count a link to its register filtered to that status. */
export function kindCounts(kinds: readonly { collection: string; statuses: readonly string[] }[], records: readonly HomeRecord[], href: (path: string) => string): KindCount[] {
  return kinds.map(({ collection, statuses }) => {
    const mine = records.filter((r) => r.collection === collection);
    return {
      collection,
      label: KIND_LABELS[collection]?.many ?? collection,
      total: mine.length,
      url: href(`${collection}/`),
      statuses: statuses
        .filter((s) => s !== 'draft')
        .map((status) => {
          const count = mine.filter((r) => r.data.status === status).length;
          return { status, count, url: count > 0 ? href(`${collection}/?status=${encodeURIComponent(status)}`) : undefined };
        }),
    };
  });
}

export interface AttentionItem {
  /** What is late or waiting: "Review overdue", "Action overdue", "Waiting for a decision". */
  what: string;
  title: string;
  url: string;
  /** For an action, the record it comes from. */
  from: { title: string; url: string } | undefined;
  kind: string;
  owner: Named;
  /** The date it was due, or the day it started waiting. */
  date: string;
  /** "12 days late", "open for 40 days". */
  age: string;
  days: number;
}

interface Due {
  ref: string;
  date: string;
  overdue: boolean;
}

interface Action {
  ref: string;
  title: string;
  owner: string;
  due: string;
  overdue: boolean;
}

const late = (days: number): string => (days === 0 ? 'due today' : `${plural(days, 'day')} late`);

/**
 * Everything late, most late first, each with its owner and how late: accepted decisions
 * past their review date, committed outcomes past their due date, open follow-up actions
 * past theirs.
 */
export function overdueItems(due: readonly Due[], actions: readonly Action[], byRef: ReadonlyMap<string, HomeRecord>, directory: Directory, today: string): AttentionItem[] {
  const records = due.flatMap((d): AttentionItem[] => {
    const record = byRef.get(d.ref);
    if (!d.overdue || record === undefined) return [];
    const days = daysBetween(d.date, today);
    const decision = record.collection === 'decisions';
    return [{ what: decision ? 'Review overdue' : 'Due date passed', title: record.data.title, url: record.url, from: undefined, kind: KIND_LABELS[record.collection]?.one ?? record.collection, owner: personRef(directory, record.data.owner), date: d.date, age: late(days), days }];
  });
  const followUps = actions.flatMap((a): AttentionItem[] => {
    const record = byRef.get(a.ref);
    if (!a.overdue || record === undefined) return [];
    const days = daysBetween(a.due, today);
    return [{ what: 'Action overdue', title: a.title, url: record.url, from: { title: record.data.title, url: record.url }, kind: 'Action', owner: personRef(directory, a.owner), date: a.due, age: late(days), days }];
  });
  return [...records, ...followUps].sort((a, b) => b.days - a.days || a.title.localeCompare(b.title, 'en'));
}

/** Records waiting on people, longest waiting first: decisions still proposed, postmortems still in review. */
export function waitingItems(records: readonly HomeRecord[], directory: Directory, today: string): AttentionItem[] {
  const waiting: Record<string, string> = { proposed: 'Waiting for a decision', 'in-review': 'Waiting for review' };
  return records
    .flatMap((r): AttentionItem[] => {
      const what = waiting[r.data.status];
      if (what === undefined) return [];
      const days = daysBetween(r.data.created, today);
      return [{ what, title: r.data.title, url: r.url, from: undefined, kind: KIND_LABELS[r.collection]?.one ?? r.collection, owner: personRef(directory, r.data.owner), date: r.data.created, age: `open for ${plural(days, 'day')}`, days }];
    })
    .sort((a, b) => b.days - a.days || a.title.localeCompare(b.title, 'en'));
}
