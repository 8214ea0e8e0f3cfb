import { getCollection, type CollectionEntry } from 'astro:content';
import config from 'virtual:handbook/config';
import { COLLECTIONS, kindOf, kinds, personSchema, teamSchema, type Collection, type Person, type Team } from '../schemas/index.ts';
import { recordDate } from '../model/concepts.ts';
import { directoryEntries } from '../authoring/new.ts';
import { recordPaths } from '../records/load.ts';
import { markdownRefs } from '../records/refs.ts';
import { readSettings } from '../records/settings.ts';
import { actionItems, dueSoon, type ActionItem, type Due } from './attention.ts';
import { devState, liveRecords } from './dev-state.ts';
import { backlinks } from './graph.ts';
import { involvement, type Involvement } from './people.ts';

type Entry = CollectionEntry<Collection>;

/** A record as the pages see it. */
export type SiteRecord = {
  [C in Collection]: {
    collection: C;
    id: string;
    ref: string;
    url: string;
    entry: CollectionEntry<C>;
    data: CollectionEntry<C>['data'];
    /** The record's team, or its owner's. */
    team: string | undefined;
    /** The date the record is filed under: decided, incident start, closed, else created. */
    date: string;
  };
}[Collection];

/** In dev, a record that cannot be shown as a record: its page lists its problems instead. */
export interface BrokenRecord {
  collection: Collection;
  id: string;
  ref: string;
  file: string;
}

export interface Site {
  records: SiteRecord[];
  byRef: Map<string, SiteRecord>;
  byCollection: Record<Collection, SiteRecord[]>;
  broken: BrokenRecord[];
  backlinks: Map<string, string[]>;
  people: Map<string, Person>;
  teams: Map<string, Team>;
  actions: ActionItem[];
  due: Due[];
  /** What each person owns, decided, was consulted on and holds. */
  involvement: Map<string, Involvement<SiteRecord>>;
  today: string;
}

/** A site-absolute URL under the configured base path. */
export function href(path: string): string {
  return `${import.meta.env.BASE_URL.replace(/\/$/, '')}/${path.replace(/^\//, '')}`;
}

// In dev the site is built again after every save; what one record yields is kept while
// its digest (Astro's hash of the file) is unchanged, so a save costs little per record.
// The map lives on a process-wide symbol because Vite evaluates this module again when the
// content layer's data changes.
interface Remembered {
  digest: string | number | undefined;
  valid?: boolean;
  refs?: string[];
}
type PerRecord = Map<string, Remembered>;
const PER_RECORD = Symbol.for('handbook.site-records');
const perRecord: PerRecord = ((globalThis as { [PER_RECORD]?: PerRecord })[PER_RECORD] ??= new Map());

function remembered(entry: Entry): Remembered {
  const ref = `${entry.collection}/${entry.id}`;
  const digest = (entry as { digest?: string | number }).digest;
  let known = perRecord.get(ref);
  if (known === undefined || digest === undefined || known.digest !== digest) perRecord.set(ref, (known = { digest }));
  return known;
}

/** Whether a record's fields pass its schema (in dev, where records with problems still load). */
function validData(entry: Entry): boolean {
  const known = remembered(entry);
  known.valid ??= kinds.find((k) => k.collection === entry.collection)!.schema.safeParse(entry.data).success;
  return known.valid;
}

/** The records a record's body links to, read as `handbook check` reads them. */
function bodyRefs(record: SiteRecord): string[] {
  const known = remembered(record.entry);
  known.refs ??= markdownRefs(record.entry.body ?? '', { mdx: record.entry.filePath?.endsWith('.mdx') === true });
  return known.refs;
}

/** The records of every kind that has a folder: in dev drafts too, in a build only what is published. */
async function currentEntries(): Promise<Entry[]> {
  const { stores } = liveRecords();
  if (config.drafts && stores.size > 0) {
    return [...stores].flatMap(([collection, store]) => store.values().map((entry) => ({ ...entry, collection }) as unknown as Entry));
  }
  // Astro warns about a collection with no entries, which in a new handbook is no mistake.
  const present = COLLECTIONS.filter((c) => recordPaths(config.content, kindOf(c)).length > 0);
  return (await Promise.all(present.map((c) => getCollection(c, (e: Entry) => config.drafts || e.data.status !== 'draft')))).flat() as Entry[];
}

async function build(entries: Entry[]): Promise<Site> {
  // people.yaml and teams.yaml through the reader `handbook new` and import use; an entry
  // check would refuse is left out, so the dev server shows the rest.
  const people = new Map(directoryEntries(config.content, 'people.yaml').flatMap((p) => (personSchema.safeParse(p).success ? [[p.id, p as Person] as const] : [])));
  const teams = new Map(directoryEntries(config.content, 'teams.yaml').flatMap((t) => (teamSchema.safeParse(t).success ? [[t.id, t as Team] as const] : [])));
  const broken: BrokenRecord[] = [];
  const valid = entries.filter((entry) => {
    // A build only starts once check passed; in dev a record with invalid fields is shown by its problems.
    if (!config.drafts) return true;
    if (validData(entry)) return true;
    broken.push({ collection: entry.collection, id: entry.id, ref: `${entry.collection}/${entry.id}`, file: entry.filePath ?? '' });
    return false;
  });
  const records = valid.map(
    (entry) =>
      ({
        collection: entry.collection,
        id: entry.id,
        ref: `${entry.collection}/${entry.id}`,
        url: href(`${entry.collection}/${entry.id}/`),
        entry,
        data: entry.data,
        team: entry.data.team ?? people.get(entry.data.owner)?.team,
        date: recordDate(entry.data),
      }) as SiteRecord,
  );
  records.sort((a, b) => b.date.localeCompare(a.date) || a.ref.localeCompare(b.ref));
  const byCollection = Object.fromEntries(kinds.map((k) => [k.collection, records.filter((r) => r.collection === k.collection)])) as Record<Collection, SiteRecord[]>;
  const actions = actionItems(byCollection.postmortems.map((r) => ({ ref: r.ref, data: r.data as { actions?: Record<string, unknown>[] } })), config.today);
  return {
    records,
    byRef: new Map(records.map((r) => [r.ref, r])),
    byCollection,
    broken,
    backlinks: backlinks(records.map((r) => ({ ref: r.ref, data: r.data as Record<string, unknown>, refs: bodyRefs(r) }))),
    people,
    teams,
    actions,
    involvement: involvement(records as (SiteRecord & { data: { owner: string } })[], actions),
    due: dueSoon(records.map((r) => ({ ref: r.ref, collection: r.collection, data: r.data as { status: string; reviewBy?: string; due?: string } })), config.today, readSettings(config.content).policy.dueSoon),
    today: config.today,
  };
}

let cached: { version: string; site: Promise<Site> } | undefined;

/**
 * The whole handbook with its indexes (backlinks, actions, what is due), computed once
 * and shared by every page, so no page does work proportional to the size of the
 * handbook. In dev it is computed again after the loader stored or deleted a record and
 * after any other change under the content folder (people.yaml, handbook.yaml).
 */
export async function site(): Promise<Site> {
  if (!config.drafts) {
    cached ??= { version: '', site: currentEntries().then(build) };
    return cached.site;
  }
  const version = `${devState()?.generation ?? 0}.${liveRecords().changes}`;
  if (cached?.version !== version) cached = { version, site: currentEntries().then(build) };
  return cached.site;
}
