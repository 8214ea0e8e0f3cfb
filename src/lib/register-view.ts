import { decisionNumber, isLoopOverdue } from '../model/concepts.ts';
import { duration } from './dates.ts';
import { CLOSED_STATUSES, KIND_LABELS, personRef, plural, statusWords, teamRef, type Directory, type Named, type ViewRecord } from './labels.ts';

/** What a register needs to know of a record. */
export type RegisterRecord = ViewRecord<{
  due?: string | undefined;
  closed?: string | undefined;
  decided?: string | undefined;
  reviewBy?: string | undefined;
  severity?: string | undefined;
  started?: string | undefined;
  resolved?: string | undefined;
}>;

/** One cell of a register beyond title, status, owner and team. */
export interface DateCell {
  label: string;
  /** A `YYYY-MM-DD` date or a date-time; undefined shows a dash. */
  date?: string | undefined;
  /** Plain text instead of a date (a duration, a severity). */
  text?: string | undefined;
  /** A severity shown as a badge. */
  severity?: string | undefined;
  overdue?: boolean;
}

export interface RegisterRow {
  url: string;
  title: string;
  /** A decision's four-digit number. */
  number: string | undefined;
  status: string;
  /** Closed or replaced: listed, but set apart. */
  closed: boolean;
  owner: Named;
  team: Named | undefined;
  cells: DateCell[];
  /** What the filter script matches on and sorts by, as `data-*` attributes. */
  data: Record<string, string>;
}

/** The columns after title, status, owner and team, per kind. */
export function columnsOf(collection: string): string[] {
  if (collection === 'outcomes') return ['Due', 'Closed'];
  if (collection === 'decisions') return ['Decided', 'Review by'];
  return ['Severity', 'Started', 'Duration'];
}

function cellsOf(record: RegisterRecord, today: string): DateCell[] {
  const { data } = record;
  if (record.collection === 'outcomes') {
    return [
      { label: 'Due', date: data.due, overdue: isLoopOverdue('outcomes', data, today) },
      { label: 'Closed', date: data.closed },
    ];
  }
  if (record.collection === 'decisions') {
    return [
      { label: 'Decided', date: data.decided },
      { label: 'Review by', date: data.reviewBy, overdue: isLoopOverdue('decisions', data, today) },
    ];
  }
  return [
    { label: 'Severity', severity: data.severity },
    { label: 'Started', date: data.started },
    { label: 'Duration', text: duration(data.started, data.resolved) ?? '–' },
  ];
}

/** The rows of a register, in the order given, with names instead of ids. */
export function registerRows(records: readonly RegisterRecord[], directory: Directory, today: string): RegisterRow[] {
  return records.map((record) => {
    const number = record.collection === 'decisions' ? record.id.slice(0, 4) : undefined;
    const owner = personRef(directory, record.data.owner);
    const team = record.team === undefined ? undefined : teamRef(directory, record.team);
    const due = record.data.due ?? record.data.reviewBy ?? '';
    return {
      url: record.url,
      title: record.data.title,
      number,
      status: record.data.status,
      closed: CLOSED_STATUSES.has(record.data.status),
      owner,
      team,
      cells: cellsOf(record, today),
      data: {
        status: record.data.status,
        owner: owner.id,
        team: team?.id ?? '',
        'sort-date': record.date,
        'sort-title': record.data.title.toLocaleLowerCase('en'),
        'sort-number': String(decisionNumber(record.id) ?? ''),
        'sort-due': due,
        'sort-severity': record.data.severity ?? '',
        'sort-owner': owner.name.toLocaleLowerCase('en'),
      },
    };
  });
}

export interface Choice {
  value: string;
  label: string;
  count: number;
}

/** A register's filters: the statuses, owners and teams its rows have (never a choice that shows nothing), by name. */
export interface RegisterFilters {
  status: Choice[];
  owner: Choice[];
  team: Choice[];
  sort: { value: string; label: string }[];
  /** The sort a register opens with. */
  defaultSort: string;
}

export function choices(values: readonly string[], label: (value: string) => string): Choice[] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([value, count]) => ({ value, label: label(value), count })).sort((a, b) => a.label.localeCompare(b.label, 'en'));
}

export function registerFilters(collection: string, statuses: readonly string[], rows: readonly RegisterRow[]): RegisterFilters {
  const count = (status: string) => rows.filter((r) => r.status === status).length;
  const sorts = [
    ...(collection === 'decisions' ? [{ value: 'number-desc', label: 'Number, newest first' }] : []),
    { value: 'date-desc', label: 'Date, newest first' },
    { value: 'date-asc', label: 'Date, oldest first' },
    ...(collection === 'outcomes' ? [{ value: 'due-asc', label: 'Due date, soonest first' }] : []),
    ...(collection === 'decisions' ? [{ value: 'due-asc', label: 'Review date, soonest first' }] : []),
    ...(collection === 'postmortems' ? [{ value: 'severity-asc', label: 'Severity, worst first' }] : []),
    { value: 'title-asc', label: 'Title, A to Z' },
    { value: 'owner-asc', label: 'Owner, A to Z' },
  ];
  return {
    status: statuses.map((status) => ({ value: status, label: status, count: count(status) })).filter((c) => c.count > 0),
    owner: choices(
      rows.map((r) => r.owner.id),
      (id) => rows.find((r) => r.owner.id === id)?.owner.name ?? id,
    ),
    team: choices(
      rows.flatMap((r) => (r.team ? [r.team.id] : [])),
      (id) => rows.find((r) => r.team?.id === id)?.team?.name ?? id,
    ),
    sort: sorts,
    defaultSort: sorts[0]!.value,
  };
}

/**
 * "11 postmortems: 9 published, 2 in review." A register's count says what it counts: every
 * published record of the kind, then how many are at each status, never one status's word
 * for them all.
 */
export function registerSummary(collection: string, rows: readonly { status: string }[], statuses: readonly string[]): string {
  const label = KIND_LABELS[collection] ?? { one: collection, many: collection };
  const noun = plural(rows.length, label.one.toLowerCase(), label.many.toLowerCase());
  const parts = statuses
    .map((status) => [status, rows.filter((r) => r.status === status).length] as const)
    .filter(([, n]) => n > 0)
    .map(([status, n]) => `${n} ${statusWords(status)}`);
  return parts.length === 0 ? `${noun}.` : `${noun}: ${parts.join(', ')}.`;
}

/** The action ledger's filters: statuses and owners its actions have, owners by name. */
export function actionFilters(actions: readonly { status: string; owner: string }[], directory: Directory): { status: Choice[]; owner: Choice[] } {
  return {
    status: choices(
      actions.map((a) => a.status),
      statusWords,
    ),
    owner: choices(
      actions.flatMap((a) => (a.owner === '' ? [] : [a.owner])),
      (id) => personRef(directory, id).name,
    ),
  };
}
