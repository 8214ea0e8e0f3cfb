import type { Collection } from '../schemas/index.ts';

/** How two source records are linked, as their status lines say it. */
export type LinkRel = 'supersedes' | 'supersededBy' | 'amends' | 'amendedBy';

/** A source Markdown file as the readers get it. */
export interface SourceFile {
  /** Relative to the source folder, with `/` separators: how the report names it. */
  file: string;
  /** Relative to the source repository's root: `imported.source`, and how links between sources are matched. */
  source: string;
  text: string;
  /** The day git first saw the file, for sources that state no date. */
  committed?: string | undefined;
  /** Tags the file's place gives it: a log4brains package, a MADR category folder. */
  tags: string[];
}

/**
 * A source file read into this model's terms, before numbering, people and links are
 * resolved against the handbook it goes into.
 */
export interface Draft {
  file: string;
  source: string;
  collection: Extract<Collection, 'decisions' | 'postmortems'>;
  /** Decisions: the number the source gave it, if any. */
  number?: number;
  /** The id the source gave the record: its number as written, else its file name. */
  sourceId: string;
  /** The kebab-case part of the new file name. */
  slug: string;
  /** Postmortems: the date that prefixes the file name. */
  date?: string | undefined;
  /**
   * Frontmatter in the model's field order. Person fields (`owner`, `deciders`,
   * `consulted`, `informed`, `actions[].owner`) still hold names as the source wrote them.
   */
  fields: Record<string, unknown>;
  /** Source frontmatter fields the model has no place for. */
  unmapped: Record<string, unknown>;
  /** The text before the first section, as written: the header lines stay, with what they said. */
  lead: string;
  /** Body sections in order, their text as the source wrote it. */
  sections: { heading: string; text: string }[];
  /** Links to other source files (their `source` path without extension, or `#<number>`). */
  links: { rel: LinkRel; target: string }[];
  /** What could not be mapped, for the report. */
  notes: string[];
}

/** Decision statuses as ADR tools spell them, mapped to this model's. */
const DECISION_STATUSES: Record<string, string> = {
  draft: 'draft',
  wip: 'draft',
  proposed: 'proposed',
  pending: 'proposed',
  open: 'proposed',
  'in review': 'proposed',
  'under review': 'proposed',
  'under discussion': 'proposed',
  'in discussion': 'proposed',
  accepted: 'accepted',
  approved: 'accepted',
  adopted: 'accepted',
  agreed: 'accepted',
  decided: 'accepted',
  done: 'accepted',
  implemented: 'accepted',
  'partly superseded': 'accepted',
  'partially superseded': 'accepted',
  rejected: 'rejected',
  declined: 'rejected',
  deprecated: 'deprecated',
  obsolete: 'deprecated',
  retired: 'deprecated',
  superseded: 'superseded',
  superceded: 'superseded',
};

/** Postmortem statuses: the SRE book's "Complete, action items in progress" is published. */
const POSTMORTEM_STATUSES: Record<string, string> = {
  draft: 'draft',
  wip: 'draft',
  'in progress': 'draft',
  investigating: 'draft',
  'in review': 'in-review',
  'under review': 'in-review',
  review: 'in-review',
  reviewed: 'in-review',
  complete: 'published',
  completed: 'published',
  final: 'published',
  published: 'published',
  closed: 'published',
  done: 'published',
};

/** The model's status for the words a source starts its status with, case and punctuation aside: the longest known phrase wins. */
function statusIn(table: Record<string, string>, text: string): string | undefined {
  const words = text
    .toLowerCase()
    .replace(/[^a-z ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const phrase = Object.keys(table)
    .filter((key) => words === key || words.startsWith(`${key} `))
    .sort((a, b) => b.length - a.length)[0];
  return phrase === undefined ? undefined : table[phrase];
}

export const decisionStatus = (text: string): string | undefined => statusIn(DECISION_STATUSES, text);
export const postmortemStatus = (text: string): string | undefined => statusIn(POSTMORTEM_STATUSES, text);

/** Adds `text` to the section called `heading`, or appends a new section; an empty section keeps its heading. */
export function addSection(sections: Draft['sections'], heading: string, text: string): void {
  const existing = sections.find((s) => s.heading === heading);
  if (existing === undefined) sections.push({ heading, text });
  else if (text.trim() !== '') existing.text = existing.text.trim() === '' ? text : `${existing.text}\n\n${text}`;
}

/**
 * A heading that carries its content (`Decision: use PostgreSQL 12 on RDS`): the known name
 * before the colon or dash, and the words after it, which become the section's first line.
 */
export function splitHeading(heading: string, known: (name: string) => string | undefined): { name: string; rest: string } | undefined {
  const match = /^(.{2,40}?)\s*(?::|\s[-–—]\s)\s*(.+)$/.exec(heading);
  if (match === null) return undefined;
  const name = known(match[1]!.replace(/[*_`]/g, '').trim().toLowerCase());
  return name === undefined ? undefined : { name, rest: match[2]!.trim() };
}
