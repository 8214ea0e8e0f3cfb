import { SET_ASIDE_STATUSES } from '../model/concepts.ts';

/** How a status badge reads: done and good, in flight, closed badly, or set aside. */
export function statusTone(status: string): 'ok' | 'warn' | 'bad' | 'info' | 'dim' {
  switch (status) {
    case 'achieved':
    case 'accepted':
    case 'published':
    case 'done':
      return 'ok';
    case 'committed':
    case 'proposed':
    case 'in-review':
    case 'in-progress':
      return 'info';
    case 'missed':
    case 'rejected':
      return 'bad';
    case 'open':
      return 'warn';
    default:
      return 'dim';
  }
}

export { CLOSED_STATUSES, SET_ASIDE_STATUSES } from '../model/concepts.ts';

/** Whether a record still holds (`current`) or was set aside, as search's `standing` filter names it. */
export function standingOf(status: string): 'current' | 'set-aside' {
  return SET_ASIDE_STATUSES.has(status) ? 'set-aside' : 'current';
}

export const KIND_LABELS: Record<string, { one: string; many: string }> = {
  outcomes: { one: 'Outcome', many: 'Outcomes' },
  decisions: { one: 'Decision', many: 'Decisions' },
  postmortems: { one: 'Postmortem', many: 'Postmortems' },
};

/** What each kind of record is for, in one sentence: register introductions and the about page. */
export const KIND_PURPOSE: Record<string, string> = {
  outcomes: 'Owned, measurable commitments: what will be true, by when, and how we will know.',
  decisions: 'What we decided, what we chose not to do, why, and when we look at it again.',
  postmortems: 'Blameless reviews of incidents: what happened, why, and what we are changing.',
};

/**
 * What each status means, in the words a new reader needs. Every status of every kind and
 * every action status has one (a test holds this list to the schemas).
 */
export const STATUS_MEANING: Record<string, string> = {
  draft: 'Being written. Drafts are never published; only their author sees them, in the dev server.',
  committed: 'The team has committed to it: an owner, a due date, success criteria and key results with baselines and targets.',
  achieved: 'Closed with every key result at its target; the results and learnings are written down.',
  missed: 'Closed without reaching its targets; the results and what was learned are written down.',
  dropped: 'Stopped before its due date, with the reason written down.',
  proposed: 'Open for comment: the context and the options are written, the call is not made yet.',
  accepted: 'The call is made: one option chosen, the expected outcome and a date to review it set.',
  rejected: 'Considered and turned down; kept so the same question is not asked again without the history.',
  superseded: 'Was accepted and has since been replaced by a later decision, which it links to.',
  deprecated: 'Was accepted and no longer applies, without a single decision replacing it.',
  'in-review': 'The incident is written up and being reviewed: summary, impact, timeline and root causes.',
  published: 'Reviewed and final, with owned and dated follow-up actions.',
  open: 'Not started yet.',
  'in-progress': 'Being worked on.',
  done: 'Finished.',
  'wont-do': 'Decided against, with the postmortem explaining why.',
};

/** What a decision's `door` says about it. */
export const DOOR_MEANING: Record<string, string> = {
  'one-way': 'Hard or costly to reverse: decided slowly, by at least two deciders, with people consulted.',
  'two-way': 'Cheap to undo: decided quickly, and revisited if it turns out wrong.',
};

const SEVERITY_TONE: Record<string, 'bad' | 'warn' | 'info' | 'dim'> = { sev1: 'bad', sev2: 'bad', sev3: 'warn', sev4: 'dim' };

export function severityTone(severity: string): 'bad' | 'warn' | 'info' | 'dim' {
  return SEVERITY_TONE[severity] ?? 'dim';
}

/** "1 postmortem", "11 postmortems": a count with its noun. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** A person's or team's name from its directory, or the id when the directory has no such entry. */
export function nameOf(directory: ReadonlyMap<string, { name: string }>, id: string): string {
  return directory.get(id)?.name ?? id;
}

/** A person or team as pages link to it: by name, never by id. */
export interface Named {
  id: string;
  name: string;
  url: string;
}

/** Who is who, and where their pages are: what every view needs to show names instead of ids. */
export interface Directory {
  people: ReadonlyMap<string, { name: string }>;
  teams: ReadonlyMap<string, { name: string }>;
  /** A site-absolute URL under the base path, from a path such as `people/ana/`. */
  href: (path: string) => string;
}

export function personRef(directory: Directory, id: string): Named {
  return { id, name: nameOf(directory.people, id), url: directory.href(`people/${id}/`) };
}

export function teamRef(directory: Directory, id: string): Named {
  return { id, name: nameOf(directory.teams, id), url: directory.href(`teams/${id}/`) };
}

/** A status as it reads inside a sentence: "in review", "won't do". */
export function statusWords(status: string): string {
  return status === 'wont-do' ? "won't do" : status.replaceAll('-', ' ');
}

/**
 * What every page's view needs of a record, as the site model holds it; each view names the
 * further fields of `data` it reads.
 */
export interface ViewRecord<Data = object> {
  /** `<collection>/<id>`. */
  ref: string;
  collection: string;
  id: string;
  url: string;
  /** The record's team, or its owner's. */
  team: string | undefined;
  /** The date the record is filed under. */
  date: string;
  data: { title: string; status: string; owner: string } & Data;
}
