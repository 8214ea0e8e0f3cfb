import { isOverdue, overdueOf, type Overdue } from '../lib/exports.ts';
import type { Handbook } from './load.ts';

/** What `handbook list` narrows by; every filter given must hold. */
export interface Filters {
  kind?: string | undefined;
  status?: string | undefined;
  owner?: string | undefined;
  team?: string | undefined;
  tag?: string | undefined;
  /** Only records whose loop is late: review, due date, or an action. */
  overdue?: boolean | undefined;
}

/** One record as `handbook list` shows it. */
export interface Row {
  ref: string;
  kind: string;
  status: string;
  owner: string;
  team: string;
  title: string;
  /** The date that matters for the kind: due, review-by (or decided), incident start. */
  date: string;
  overdue: Overdue;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function keyDate(collection: string, data: Record<string, unknown>): string {
  if (collection === 'outcomes') return text(data['due']);
  if (collection === 'decisions') return text(data['reviewBy']) || text(data['decided']);
  return text(data['started']).slice(0, 10) || text(data['created']);
}

/** The records of a handbook that pass the filters, in file order, judged at `today`. */
export function queryRecords(handbook: Handbook, filters: Filters, today: string): Row[] {
  const teamOf = new Map(handbook.people.items.flatMap((p) => (typeof p === 'object' && p !== null ? [[text((p as Record<string, unknown>)['id']), text((p as Record<string, unknown>)['team'])] as const] : [])));
  return handbook.records
    .map((record): Row & { tags: unknown } => {
      const { data } = record;
      const owner = text(data['owner']);
      return {
        ref: record.ref,
        kind: record.kind.singular,
        status: text(data['status']),
        owner,
        team: text(data['team']) || (teamOf.get(owner) ?? ''),
        title: text(data['title']),
        date: keyDate(record.kind.collection, data),
        overdue: overdueOf(record.kind.collection, data, today),
        tags: data['tags'],
      };
    })
    .filter(
      (row) =>
        (filters.kind === undefined || row.kind === filters.kind || row.ref.startsWith(`${filters.kind}/`)) &&
        (filters.status === undefined || row.status === filters.status) &&
        (filters.owner === undefined || row.owner === filters.owner) &&
        (filters.team === undefined || row.team === filters.team) &&
        (filters.tag === undefined || (Array.isArray(row.tags) && row.tags.includes(filters.tag))) &&
        (filters.overdue !== true || isOverdue(row.overdue)),
    )
    .map(({ tags: _, ...row }) => row);
}

function lateness(overdue: Overdue): string {
  return [overdue.review && 'review overdue', overdue.due && 'past due', overdue.actions > 0 && `${overdue.actions} action${overdue.actions === 1 ? '' : 's'} overdue`].filter(Boolean).join(', ');
}

/** Rows as an aligned plain-text table. */
export function formatTable(rows: readonly Row[]): string {
  if (rows.length === 0) return 'No records match.\n';
  const header = ['RECORD', 'STATUS', 'OWNER', 'TEAM', 'DATE', 'TITLE', 'OVERDUE'];
  const cells = rows.map((r) => [r.ref, r.status, r.owner, r.team, r.date, r.title, lateness(r.overdue)]);
  // A loop, not Math.max(...column): spreading one argument per row overflows the call stack on a large handbook.
  const widths = header.map((h) => h.length);
  for (const row of cells) row.forEach((cell, i) => (widths[i] = Math.max(widths[i]!, cell.length)));
  const line = (cols: string[]): string => cols.map((c, i) => (i === cols.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return `${[header, ...cells].map(line).join('\n')}\n${rows.length} record${rows.length === 1 ? '' : 's'}\n`;
}
