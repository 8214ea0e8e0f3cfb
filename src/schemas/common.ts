import { z } from 'astro/zod';

/** Kebab-case identifiers: people, teams, tags and record slugs. */
export const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The three record collections, in the order the handbook lists them. */
export const COLLECTIONS = ['outcomes', 'decisions', 'postmortems'] as const;
export type Collection = (typeof COLLECTIONS)[number];

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** True when `value` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  const match = DATE.exec(value);
  return match !== null && isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** True when `value` is an ISO 8601 date-time that carries an offset. */
export function isIsoDateTime(value: string): boolean {
  const match = DATE_TIME.exec(value);
  if (match === null) return false;
  const [hour, minute, second] = [Number(match[4]), Number(match[5]), Number(match[6] ?? 0)];
  return isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3])) && hour < 24 && minute < 60 && second < 60;
}

export const isoDate = z
  .string()
  .refine(isIsoDate, { message: 'expected a calendar date written YYYY-MM-DD' })
  .meta({ format: 'date' });

export const isoDateTime = z
  .string()
  .refine(isIsoDateTime, { message: 'expected an ISO 8601 date-time with an offset, e.g. 2026-03-04T10:15:00+01:00' })
  .meta({ format: 'date-time' });

export const kebabId = z.string().regex(KEBAB, { message: 'expected a kebab-case id such as `dana` or `payments`' });

/** A person id from people.yaml. */
export const personId = kebabId;
export const personIds = z.array(personId);

/** `<collection>/<id>`, the form used by `related` and by `[[...]]` body links. */
export const RECORD_REF = /^(outcomes|decisions|postmortems)\/([A-Za-z0-9][A-Za-z0-9._-]*)$/;
export const recordRef = z.string().regex(RECORD_REF, { message: 'expected `<collection>/<id>`, e.g. `decisions/0042-adopt-postgres`' });

/** The corpora `handbook import` reads, as `imported.format` names them. */
export const importFormats = ['adr-tools', 'madr', 'log4brains', 'sre-postmortem'] as const;
export type ImportFormat = (typeof importFormats)[number];

/** Where an imported record came from; written by `handbook import`, kept as provenance. */
export const importedSchema = z.strictObject({
  format: z.enum(importFormats).describe('The corpus format the record was read as.'),
  repository: z.string().min(1).optional().describe('The git remote the source file was cloned from, when it had one.'),
  source: z.string().min(1).describe('The source file: its path in its git repository, or under the imported folder.'),
  sourceId: z.string().min(1).optional().describe('The id the source gave the record: its ADR number, or its file name.'),
  hash: z.string().regex(/^sha256:[0-9a-f]{64}$/, { message: 'expected `sha256:` and 64 hexadecimal digits' }).describe('The SHA-256 of the source file as imported, so a re-import can tell unchanged from changed.'),
  reviewed: z.boolean().describe('False until a person has read the record against the model; while false, gaps history cannot fill are warnings.'),
  unmapped: z.record(z.string(), z.unknown()).optional().describe("The source's frontmatter fields the model has no place for, kept as they were."),
});

/** The fields every record has, whatever its kind; `status` is added per kind. */
export const commonFields = {
  title: z.string().min(8).max(120).describe('What this record is about, as a sentence fragment.'),
  summary: z.string().max(280).optional().describe('One sentence shown in lists, search results and feeds.'),
  owner: personId.describe('The one accountable person; an id from people.yaml.'),
  team: kebabId.optional().describe("The team this record belongs to; defaults to the owner's team."),
  created: isoDate.describe('When the record was started (YYYY-MM-DD).'),
  tags: z.array(kebabId).optional().describe('Free kebab-case topics, shown as filter facets.'),
  related: z.array(recordRef).optional().describe('Other records this one is about, as `<collection>/<id>`.'),
  imported: importedSchema.optional().describe('Provenance of a record brought in by `handbook import`: format, source file, hash, reviewed.'),
};

/**
 * What a kind demands at each status beyond its zod shape. Field paths use `[]` for
 * "every item of the list", so `keyResults[].actual` reads as in the content model.
 */
export interface KindRules<Status extends string> {
  /** For each field path, the statuses at which it must be present (lists: non-empty). */
  readonly fields: Readonly<Record<string, readonly Status[]>>;
  /** For each level-2 section heading, the statuses at which it must be present and non-empty. */
  readonly sections: Readonly<Record<string, readonly Status[]>>;
  /** The minimum number of items of a list field once it is required. */
  readonly minItems?: Readonly<Record<string, number>>;
}

/**
 * js-yaml, which Astro uses to read frontmatter, turns unquoted dates into `Date`
 * objects; the handbook keeps dates as the strings the author wrote. This converts them
 * back so the site and `handbook check` validate the same values.
 */
export function restoreDates(value: unknown, dateTimeKeys: ReadonlySet<string>, key = ''): unknown {
  if (value instanceof Date) {
    return dateTimeKeys.has(key) ? value.toISOString().replace('.000Z', 'Z') : value.toISOString().slice(0, 10);
  }
  if (Array.isArray(value)) return value.map((item) => restoreDates(item, dateTimeKeys, key));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, restoreDates(v, dateTimeKeys, k)]));
  }
  return value;
}

/**
 * `[[<collection>/<id>]]` in a record body links to another record. An id holds no `[`, so
 * a match attempt stops at the next `[[` and text made of unclosed `[[a/` is read in linear
 * time (an id that could run over them is retried from each one: quadratic).
 */
export const BODY_LINK = /\[\[([a-z]+)\/([^[\]\s|]+)\]\]/g;
