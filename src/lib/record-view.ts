import { decisionNumber } from '../model/concepts.ts';
import { humanDate, relativeDays } from './dates.ts';
import { KIND_LABELS, personRef, standingOf, teamRef, type Directory, type Named, type ViewRecord } from './labels.ts';
import type { LastChange } from './last-updated.ts';

/** What a record page needs to know of its record. */
export type PageRecord = ViewRecord<{
  tags?: readonly string[] | undefined;
  severity?: string | undefined;
  door?: string | undefined;
  due?: string | undefined;
  reviewBy?: string | undefined;
  parent?: string | undefined;
  outcomes?: readonly string[] | undefined;
  supersededBy?: string | undefined;
}>;

export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

/** A record page shows its table of contents from this many sections on. */
export const TOC_FROM = 4;

/** The sections of a long record, for its table of contents; none for a short one. */
export function tableOfContents(headings: readonly Heading[]): Heading[] {
  const sections = headings.filter((h) => h.depth === 2 || h.depth === 3);
  return sections.filter((h) => h.depth === 2).length >= TOC_FROM ? sections : [];
}

export interface LastUpdated {
  /** `YYYY-MM-DD` of the commit. */
  date: string;
  /** The commit's short hash. */
  commit: string;
  /** The commit on the repository's site, when the handbook names its repository. */
  url: string | undefined;
}

export function lastUpdated(change: LastChange | undefined, repository: string | undefined): LastUpdated | undefined {
  if (change === undefined) return undefined;
  return { date: change.date.slice(0, 10), commit: change.commit.slice(0, 7), url: repository ? `${repository.replace(/\/$/, '')}/commit/${change.commit}` : undefined };
}

/** A date with how far it is from today, and whether it is late: "in 12 days", "overdue, 3 days ago". */
export interface DateNote {
  text: string;
  overdue: boolean;
}

export function loopNote(date: string | undefined, open: boolean, today: string): DateNote | undefined {
  if (date === undefined || !open) return undefined;
  const overdue = date < today;
  return { text: overdue ? `overdue, ${relativeDays(date, today)}` : relativeDays(date, today), overdue };
}

export interface RecordHeader {
  /** "Decision", with the register it belongs to. */
  kind: { label: string; url: string };
  /** A decision's number: "0009". */
  number: string | undefined;
  owner: Named;
  team: Named | undefined;
}

export function recordHeader(record: PageRecord, directory: Directory): RecordHeader {
  const number = decisionNumber(record.id);
  return {
    kind: { label: KIND_LABELS[record.collection]?.one ?? record.collection, url: directory.href(`${record.collection}/`) },
    number: record.collection === 'decisions' && number !== undefined ? record.id.slice(0, 4) : undefined,
    owner: personRef(directory, record.data.owner),
    team: record.team === undefined ? undefined : teamRef(directory, record.team),
  };
}

/**
 * What search knows of a record beyond its text: the filters of the search page (ids, so
 * a filtered search is a stable URL), `standing` (whether the record still holds, which
 * ranks it), and the meta a result shows (kind, status, owner by name, date).
 */
export function searchData(record: PageRecord, directory: Directory): { filters: [string, string][]; meta: [string, string][] } {
  const { data } = record;
  const optional = (name: string, value: string | undefined): [string, string][] => (value === undefined ? [] : [[name, value]]);
  return {
    filters: [
      ['kind', record.collection],
      ['status', data.status],
      ['owner', data.owner],
      ...optional('team', record.team),
      ...(data.tags ?? []).map((tag): [string, string] => ['tag', tag]),
      ...optional('severity', record.collection === 'postmortems' ? data.severity : undefined),
      ...optional('door', record.collection === 'decisions' ? data.door : undefined),
      ['standing', standingOf(data.status)],
    ],
    meta: [
      ['title', data.title],
      ['kind', KIND_LABELS[record.collection]?.one ?? record.collection],
      ['status', data.status],
      ['owner', personRef(directory, data.owner).name],
      ['date', record.date],
      ['when', record.date ? humanDate(record.date) : ''],
    ],
  };
}

export interface Connections<R> {
  /** Published records that link here. */
  referencedBy: R[];
  /** For an outcome: the outcomes that serve it. */
  children: R[];
  /** For an outcome: the decisions taken to serve it. */
  serving: R[];
  /** For a decision: the outcomes it serves. */
  served: R[];
}

/** The records around a record, from the backlink index: what links here and how. */
export function connections<R extends PageRecord>(record: PageRecord, byRef: ReadonlyMap<string, R>, backlinks: ReadonlyMap<string, readonly string[]>): Connections<R> {
  const referencedBy = (backlinks.get(record.ref) ?? []).flatMap((ref) => byRef.get(ref) ?? []);
  const outcome = record.collection === 'outcomes';
  return {
    referencedBy,
    children: outcome ? referencedBy.filter((r) => r.collection === 'outcomes' && r.data.parent === record.id) : [],
    serving: outcome ? referencedBy.filter((r) => r.collection === 'decisions' && (r.data.outcomes ?? []).includes(record.id)) : [],
    served: record.collection === 'decisions' ? (record.data.outcomes ?? []).flatMap((id) => byRef.get(`outcomes/${id}`) ?? []) : [],
  };
}

interface Indexed {
  collection: string;
  data: {
    status: string;
    owner: string;
    deciders?: readonly string[] | undefined;
    consulted?: readonly string[] | undefined;
    informed?: readonly string[] | undefined;
    contributors?: readonly string[] | undefined;
    severity?: string | undefined;
    door?: string | undefined;
    services?: readonly string[] | undefined;
  };
  team: string | undefined;
}

/**
 * The record's people, team and classification as one sentence for the search index, so
 * "Priya" finds what Priya owns, decided or holds and "sev1" finds the worst incidents. The
 * details panel shows the same facts as a list whose items the indexer would run together.
 */
export function searchText(record: Indexed, actionOwners: readonly string[], directory: Directory): string {
  const names = (ids: readonly string[] | undefined) => [...new Set(ids ?? [])].map((id) => personRef(directory, id).name).join(', ');
  const { data } = record;
  const parts: [string, string | undefined][] = [
    ['Status', data.status],
    ['Owner', names([data.owner])],
    ['Team', record.team === undefined ? undefined : teamRef(directory, record.team).name],
    ['Deciders', names(data.deciders)],
    ['Consulted', names(data.consulted)],
    ['Informed', names(data.informed)],
    ['Contributors', names(data.contributors)],
    ['Door', data.door],
    ['Severity', data.severity],
    ['Services', (data.services ?? []).join(', ')],
    ['Actions held by', names(actionOwners)],
  ];
  return parts
    .filter((part): part is [string, string] => part[1] !== undefined && part[1] !== '')
    .map(([label, value]) => `${label}: ${value}.`)
    .join(' ');
}
