import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import config from 'virtual:handbook/config';
import { parseYaml } from '../records/frontmatter.ts';
import { COLLECTIONS, kinds, type Collection, type Person, type Team } from '../schemas/index.ts';
import { actionItems, dueSoon, type ActionItem, type Due } from './attention.ts';
import { backlinks } from './graph.ts';
import { involvement, type Involvement } from './people.ts';

type Entry = CollectionEntry<Collection>;

/** A published record as the pages see it. */
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

export interface Site {
  records: SiteRecord[];
  byRef: Map<string, SiteRecord>;
  byCollection: Record<Collection, SiteRecord[]>;
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

function readList<T>(file: string): T[] {
  const parsed = parseYaml(readFileSync(join(config.content, file), 'utf8'));
  return parsed.ok && Array.isArray(parsed.data) ? (parsed.data as T[]) : [];
}

function dateOf(entry: Entry): string {
  const data = entry.data as Record<string, unknown>;
  const first = ['decided', 'started', 'closed', 'created'].map((key) => data[key]).find((v) => typeof v === 'string');
  return String(first).slice(0, 10);
}

let cached: Promise<Site> | undefined;

async function build(): Promise<Site> {
  const people = new Map(readList<Person>('people.yaml').map((p) => [p.id, p]));
  const teams = new Map(readList<Team>('teams.yaml').map((t) => [t.id, t]));
  const entries = (await Promise.all(COLLECTIONS.map((c) => getCollection(c, (e: Entry) => e.data.status !== 'draft')))).flat() as Entry[];
  const records = entries.map(
    (entry) =>
      ({
        collection: entry.collection,
        id: entry.id,
        ref: `${entry.collection}/${entry.id}`,
        url: href(`${entry.collection}/${entry.id}/`),
        entry,
        data: entry.data,
        team: entry.data.team ?? people.get(entry.data.owner)?.team,
        date: dateOf(entry),
      }) as SiteRecord,
  );
  records.sort((a, b) => b.date.localeCompare(a.date) || a.ref.localeCompare(b.ref));
  const byCollection = Object.fromEntries(kinds.map((k) => [k.collection, records.filter((r) => r.collection === k.collection)])) as Record<Collection, SiteRecord[]>;
  const actions = actionItems(byCollection.postmortems.map((r) => ({ ref: r.ref, data: r.data as { actions?: Record<string, unknown>[] } })), config.today);
  return {
    records,
    byRef: new Map(records.map((r) => [r.ref, r])),
    byCollection,
    backlinks: backlinks(records.map((r) => ({ ref: r.ref, data: r.data as Record<string, unknown>, body: r.entry.body ?? '' }))),
    people,
    teams,
    actions,
    involvement: involvement(records as (SiteRecord & { data: { owner: string } })[], actions),
    due: dueSoon(records.map((r) => ({ ref: r.ref, collection: r.collection, data: r.data as { status: string; reviewBy?: string; due?: string } })), config.today),
    today: config.today,
  };
}

/**
 * The whole published handbook with its indexes (backlinks, actions, what is due),
 * computed once per build and shared by every page, so no page does work proportional
 * to the size of the handbook.
 */
export function site(): Promise<Site> {
  cached ??= build();
  return cached;
}
