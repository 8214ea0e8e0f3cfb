import { overdueOf, type Overdue } from '../model/concepts.ts';

export { isOverdue, overdueOf, type Overdue } from '../model/concepts.ts';

/** The version of the `/records.json` shape; raised on any change that is not an addition. */
export const RECORDS_JSON_VERSION = 1;

/** One record of `/records.json`. */
export interface ExportedRecord {
  /** `<collection>/<id>`. */
  ref: string;
  collection: string;
  id: string;
  /** Absolute URL of the record's page. */
  url: string;
  /** The record's team, or its owner's team. */
  team: string | null;
  /** The frontmatter as written (dates as `YYYY-MM-DD`, date-times as written). */
  data: Record<string, unknown>;
  /** Refs of the published records that link here. */
  backlinks: string[];
  /** The decision that replaced this one, from either side of the supersession. */
  supersededBy: string | null;
  overdue: Overdue;
}

export interface RecordsJson {
  version: typeof RECORDS_JSON_VERSION;
  title: string;
  /** The date overdue flags were judged at. */
  today: string;
  records: ExportedRecord[];
}

interface Exportable {
  ref: string;
  collection: string;
  id: string;
  url: string;
  team: string | undefined;
  data: Record<string, unknown>;
}

/** The `/records.json` document for a set of published records and their backlinks. */
export function recordsJson(title: string, today: string, records: readonly Exportable[], backlinks: ReadonlyMap<string, readonly string[]>): RecordsJson {
  const replacedBy = new Map<string, string>();
  for (const r of records) {
    if (r.collection !== 'decisions') continue;
    const by = r.data['supersededBy'];
    if (typeof by === 'string') replacedBy.set(r.id, by);
    const supersedes = r.data['supersedes'];
    if (Array.isArray(supersedes)) for (const id of supersedes) if (typeof id === 'string' && !replacedBy.has(id)) replacedBy.set(id, r.id);
  }
  return {
    version: RECORDS_JSON_VERSION,
    title,
    today,
    records: records.map((r) => ({
      ref: r.ref,
      collection: r.collection,
      id: r.id,
      url: r.url,
      team: r.team ?? null,
      data: r.data,
      backlinks: [...(backlinks.get(r.ref) ?? [])],
      supersededBy: r.collection === 'decisions' ? (replacedBy.get(r.id) ?? null) : null,
      overdue: overdueOf(r.collection, r.data, today),
    })),
  };
}

const CHANGE_DATES = ['created', 'decided', 'started', 'detected', 'resolved', 'closed'];

/** The last date a record's own history moved (created, decided, resolved, closed...): what a feed orders by. */
export function changedOn(data: Record<string, unknown>): string {
  return CHANGE_DATES.map((key) => data[key])
    .filter((value): value is string => typeof value === 'string')
    .map((value) => value.slice(0, 10))
    .reduce((latest, date) => (date > latest ? date : latest), '');
}
