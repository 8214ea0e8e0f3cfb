import type { Collection } from '../schemas/index.ts';

/** How two source records are linked, as their status lines say it. */
export type LinkRel = 'supersedes' | 'supersededBy' | 'amends' | 'amendedBy';

/**
 * A source file read into this model's terms, before numbering, people and links are
 * resolved against the handbook it goes into.
 */
export interface Draft {
  /** The source file, relative to the source folder, with `/` separators. */
  source: string;
  collection: Extract<Collection, 'decisions' | 'postmortems'>;
  /** Decisions: the number the source gave it, if any. */
  number?: number;
  /** The kebab-case part of the new file name. */
  slug: string;
  /** Postmortems: the date that prefixes the file name. */
  date?: string | undefined;
  /**
   * Frontmatter in the model's field order. Person fields (`owner`, `deciders`,
   * `consulted`, `informed`, `actions[].owner`) still hold names as the source wrote them.
   */
  fields: Record<string, unknown>;
  /** Body sections in order, their text as the source wrote it. */
  sections: { heading: string; text: string }[];
  /** Links to other source files (their path relative to the source folder, no extension). */
  links: { rel: LinkRel; target: string }[];
  /** What could not be mapped, for the report. */
  notes: string[];
}

/** Decision statuses as ADR tools spell them, mapped to this model's. */
const DECISION_STATUSES: Record<string, string> = {
  draft: 'draft',
  proposed: 'proposed',
  pending: 'proposed',
  open: 'proposed',
  'in review': 'proposed',
  accepted: 'accepted',
  approved: 'accepted',
  adopted: 'accepted',
  decided: 'accepted',
  rejected: 'rejected',
  declined: 'rejected',
  deprecated: 'deprecated',
  obsolete: 'deprecated',
  retired: 'deprecated',
  superseded: 'superseded',
  superceded: 'superseded',
};

/** This model's decision status for a source's status word, if it has one. */
export function decisionStatus(word: string): string | undefined {
  return DECISION_STATUSES[word.toLowerCase().replace(/[^a-z ]/g, '').trim()];
}

/** Adds `text` to the section called `heading`, or appends a new section. */
export function addSection(sections: Draft['sections'], heading: string, text: string): void {
  if (text.trim() === '') return;
  const existing = sections.find((s) => s.heading === heading);
  if (existing === undefined) sections.push({ heading, text });
  else existing.text = `${existing.text}\n\n${text}`;
}
