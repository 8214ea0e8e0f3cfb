import type { z } from 'astro/zod';
import type { Collection, KindRules } from './common.ts';
import { decisionRules, decisionSchema, decisionStatuses } from './decisions.ts';
import { outcomeRules, outcomeSchema, outcomeStatuses } from './outcomes.ts';
import { postmortemDateTimes, postmortemRules, postmortemSchema, postmortemStatuses } from './postmortems.ts';

export * from './common.ts';

export interface Kind {
  /** Folder, collection, route and search filter value. */
  readonly collection: Collection;
  /** The CLI argument and the word used in sentences. */
  readonly singular: string;
  readonly schema: z.ZodObject;
  readonly statuses: readonly string[];
  readonly rules: KindRules<string>;
  /** Fields whose values are date-times rather than dates. */
  readonly dateTimes: ReadonlySet<string>;
  /** The file name (without extension) every record of the kind must have, and how to say it. */
  readonly fileName: { readonly pattern: RegExp; readonly expected: string };
}

const SLUG = '[a-z0-9]+(?:-[a-z0-9]+)*';

/** The registry of record kinds: everything else iterates over it. */
export const kinds: readonly Kind[] = [
  {
    collection: 'outcomes',
    singular: 'outcome',
    schema: outcomeSchema,
    statuses: outcomeStatuses,
    rules: outcomeRules,
    dateTimes: new Set(),
    fileName: { pattern: new RegExp(`^${SLUG}$`), expected: 'a kebab-case slug, e.g. `2026-q3-checkout-p99`' },
  },
  {
    collection: 'decisions',
    singular: 'decision',
    schema: decisionSchema,
    statuses: decisionStatuses,
    rules: decisionRules,
    dateTimes: new Set(),
    fileName: { pattern: new RegExp(`^\\d{4,}-${SLUG}$`), expected: '`NNNN-slug`, e.g. `0042-adopt-postgres`' },
  },
  {
    collection: 'postmortems',
    singular: 'postmortem',
    schema: postmortemSchema,
    statuses: postmortemStatuses,
    rules: postmortemRules,
    dateTimes: postmortemDateTimes,
    fileName: { pattern: new RegExp(`^\\d{4}-\\d{2}-\\d{2}-${SLUG}$`), expected: '`YYYY-MM-DD-slug`, e.g. `2026-03-04-ledger-outage`' },
  },
];

export function kindOf(collection: Collection): Kind {
  const kind = kinds.find((k) => k.collection === collection);
  if (kind === undefined) throw new Error(`Unknown collection ${collection}`);
  return kind;
}

export { outcomeSchema, decisionSchema, postmortemSchema };
export type { Outcome, KeyResult } from './outcomes.ts';
export type { Decision, DecisionOption } from './decisions.ts';
export type { Postmortem, Action } from './postmortems.ts';
export { personSchema, teamSchema, peopleSchema, teamsSchema, type Person, type Team } from './people.ts';
