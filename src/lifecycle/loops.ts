import { daysBetween, relativeDays } from '../lib/dates.ts';
import { isActionOverdue, loopDate, staleCheckin, unweighedMisses } from '../model/concepts.ts';
import type { Settings } from '../schemas/settings.ts';

/** The kinds of open loop an owner is told about, in the order they are listed. */
export const LOOP_KINDS = {
  'review-overdue': 'Review overdue',
  'review-missed-outcome': 'Review after a missed outcome',
  'review-due': 'Review due',
  'outcome-overdue': 'Outcome past due',
  'outcome-due': 'Outcome due',
  'checkin-stale': 'Check-in due',
  'action-overdue': 'Action overdue',
} as const;
export type LoopKind = keyof typeof LOOP_KINDS;

/** One loop someone has to close. */
export interface Loop {
  kind: LoopKind;
  /** The record the loop is on, `<collection>/<id>`. */
  ref: string;
  /** The record's title. */
  title: string;
  /** The postmortem action's title, for an overdue action. */
  action?: string;
  /** For a review after a missed outcome: the outcome that was missed. */
  outcome?: { ref: string; title: string };
  /** The date that matters: the review or due date, the latest check-in, when the outcome was missed. */
  date: string;
  /** Days from today to `date`: negative once it has passed. */
  days: number;
}

/** Someone's open loops. */
export interface OwnerLoops {
  owner: string;
  name: string;
  github: string | undefined;
  loops: Loop[];
}

/** A record as loops need it, from check's reader or from the site. */
export interface LoopRecord {
  ref: string;
  collection: string;
  data: Readonly<Record<string, unknown>>;
}

export interface Person {
  id: string;
  name?: string | undefined;
  github?: string | undefined;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Every open loop of one published record, with the person who owns it. */
function loopsOf(record: LoopRecord, today: string, settings: Settings, outcome: (id: string) => Readonly<Record<string, unknown>> | undefined): { owner: string; loop: Loop }[] {
  const { data, ref, collection } = record;
  const owner = text(data['owner']);
  const title = text(data['title']);
  const found: { owner: string; loop: Loop }[] = [];
  const add = (kind: LoopKind, date: string, extra: Partial<Loop> = {}, who = owner): void => {
    found.push({ owner: who, loop: { kind, ref, title, date, days: daysBetween(today, date), ...extra } });
  };
  const date = loopDate(collection, data);
  if (date !== undefined) {
    const days = daysBetween(today, date);
    const review = collection === 'decisions';
    if (days < 0) add(review ? 'review-overdue' : 'outcome-overdue', date);
    else if (days <= settings.policy.dueSoon) add(review ? 'review-due' : 'outcome-due', date);
  }
  if (collection === 'decisions') {
    for (const miss of unweighedMisses(data, outcome)) add('review-missed-outcome', miss.closed, { outcome: { ref: `outcomes/${miss.id}`, title: text(outcome(miss.id)?.['title']) } });
  }
  if (collection === 'outcomes') {
    const stale = staleCheckin(data, today, settings.policy.checkinEvery);
    if (stale !== undefined) add('checkin-stale', stale.since);
  }
  if (collection === 'postmortems' && Array.isArray(data['actions'])) {
    for (const action of data['actions'] as Record<string, unknown>[]) {
      const item = { status: text(action['status']) || undefined, due: text(action['due']) || undefined };
      if (item.due !== undefined && isActionOverdue(item, today)) add('action-overdue', item.due, { action: text(action['title']) }, text(action['owner']) || owner);
    }
  }
  return found;
}

/**
 * Every open loop of the published records, grouped by the person who has to close it:
 * reviews due within `policy.dueSoon` days or past, decisions owed a review after a missed
 * outcome, committed outcomes due or late, stale check-ins and overdue actions. People
 * are listed by id, each one's loops most overdue first.
 */
export function openLoops(records: readonly LoopRecord[], people: readonly Person[], today: string, settings: Settings): OwnerLoops[] {
  const published = records.filter((r) => r.data['status'] !== 'draft');
  const outcomes = new Map(published.filter((r) => r.collection === 'outcomes').map((r) => [r.ref.slice('outcomes/'.length), r.data]));
  const byOwner = new Map<string, Loop[]>();
  for (const record of published) {
    for (const { owner, loop } of loopsOf(record, today, settings, (id) => outcomes.get(id))) {
      const loops = byOwner.get(owner);
      if (loops === undefined) byOwner.set(owner, [loop]);
      else loops.push(loop);
    }
  }
  const order = Object.keys(LOOP_KINDS);
  const byId = new Map(people.map((p) => [p.id, p]));
  return [...byOwner]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([owner, loops]) => {
      const person = byId.get(owner);
      return {
        owner,
        name: person?.name ?? owner,
        github: person?.github,
        loops: loops.sort((a, b) => a.days - b.days || order.indexOf(a.kind) - order.indexOf(b.kind) || a.ref.localeCompare(b.ref)),
      };
    });
}

/** A record's published page, when the site's address is known. */
export function pageUrl(site: string | undefined, ref: string): string | undefined {
  return site === undefined ? undefined : `${site.replace(/\/+$/, '')}/${ref}/`;
}

/** "due 2026-11-17, 7 days ago": when a loop's date is, in words. */
export function when(loop: Loop, today: string): string {
  const ago = relativeDays(loop.date, today);
  switch (loop.kind) {
    case 'checkin-stale':
      return `last read ${loop.date}, ${ago}`;
    case 'review-missed-outcome':
      return `outcome missed ${loop.date}, ${ago}`;
    default:
      return `due ${loop.date}, ${ago}`;
  }
}

const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function headline(owners: readonly OwnerLoops[], today: string): string {
  const loops = owners.reduce((sum, o) => sum + o.loops.length, 0);
  const people = owners.length === 1 ? '1 person' : `${owners.length} people`;
  return loops === 0 ? `No open loops on ${today}.` : `${count(loops, 'open loop')} on ${today}, for ${people}.`;
}

/** Markdown with `[` `]` and friends escaped, so a title cannot break a link or a list. */
function markdownText(value: string): string {
  return value.replace(/[\\`*_[\]<>|]/g, (char) => `\\${char}`);
}

/**
 * The loops as Markdown for a GitHub issue: one section per person, headed by their
 * GitHub handle (a mention) when people.yaml has one, each loop linked to its page.
 */
export function loopsMarkdown(owners: readonly OwnerLoops[], today: string, site: string | undefined): string {
  const link = (title: string, ref: string): string => {
    const url = pageUrl(site, ref);
    return url === undefined ? `${markdownText(title)} (\`${ref}\`)` : `[${markdownText(title)}](${url})`;
  };
  const lines = [headline(owners, today)];
  for (const { name, github, loops } of owners) {
    lines.push('', `### ${github === undefined ? markdownText(name) : `@${github} (${markdownText(name)})`}`, '');
    for (const loop of loops) {
      const what = loop.action === undefined ? link(loop.title, loop.ref) : `${markdownText(loop.action)}, from ${link(loop.title, loop.ref)}`;
      const missed = loop.outcome === undefined ? '' : `, against ${link(loop.outcome.title, loop.outcome.ref)}`;
      lines.push(`- **${LOOP_KINDS[loop.kind]}** (${when(loop, today)}): ${what}${missed}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The loops for a terminal: one block per person, one aligned line per loop. */
export function loopsPretty(owners: readonly OwnerLoops[], today: string, site: string | undefined): string {
  const loops = owners.flatMap((o) => o.loops);
  const kindWidth = loops.reduce((width, loop) => Math.max(width, LOOP_KINDS[loop.kind].length), 0);
  const whenWidth = loops.reduce((width, loop) => Math.max(width, when(loop, today).length), 0);
  const lines = [headline(owners, today)];
  for (const { owner, name, loops } of owners) {
    lines.push('', `${name} (${owner})`);
    for (const loop of loops) {
      const what = loop.action === undefined ? loop.title : `${loop.action} (${loop.title})`;
      lines.push(`  ${LOOP_KINDS[loop.kind].padEnd(kindWidth)}  ${when(loop, today).padEnd(whenWidth)}  ${pageUrl(site, loop.ref) ?? loop.ref}  ${what}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The loops as JSON for other tools, with each record's page when the site is known. */
export function loopsJson(owners: readonly OwnerLoops[], today: string, site: string | undefined): string {
  return `${JSON.stringify({ today, owners: owners.map((o) => ({ ...o, loops: o.loops.map((l) => ({ ...l, url: pageUrl(site, l.ref) ?? null })) })) }, null, 2)}\n`;
}
