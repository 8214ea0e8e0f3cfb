import type { z } from 'astro/zod';
import { doors } from '../schemas/decisions.ts';
import type { Kind } from '../schemas/index.ts';
import { fieldRows, type FieldRow } from '../schemas/reference.ts';
import { DOOR_MEANING, KIND_LABELS, KIND_PURPOSE, STATUS_MEANING } from './labels.ts';

/** Text with `code` spans, split so a page can render the spans as code. */
export type Segment = { code: boolean; text: string };

/** Splits a description written with backticks into text and code. */
export function segments(text: string): Segment[] {
  return text
    .split(/(`[^`]*`)/)
    .filter((part) => part !== '')
    .map((part) => (part.startsWith('`') && part.endsWith('`') && part.length > 1 ? { code: true, text: part.slice(1, -1) } : { code: false, text: part }));
}

export interface StatusHelp {
  status: string;
  meaning: string;
  /** The status whose requirements this one builds on; undefined for the first. */
  after: string | undefined;
  /** Fields this status requires beyond `after`'s. */
  fields: string[];
  /** `## Sections` this status requires beyond `after`'s. */
  sections: string[];
}

export interface KindHelp {
  collection: string;
  label: string;
  singular: string;
  purpose: string;
  /** The lifecycle as the schema states it: "draft → committed → achieved | missed | dropped". */
  lifecycle: string;
  fileName: string;
  statuses: StatusHelp[];
  fields: FieldRow[];
}

/**
 * What a status requires: fields and sections, from the kind's rules. A field of list items
 * (`keyResults[].actual`) counts only where the list itself is required: the fields of an
 * optional list bind only the items a record has.
 */
function requirements(kind: Kind, status: string): Set<string> {
  const needs = new Set<string>();
  const fields = Object.entries(kind.rules.fields).filter(([, statuses]) => statuses.includes(status)).map(([field]) => field);
  for (const field of fields) {
    const list = field.includes('[].') ? field.slice(0, field.indexOf('[].')) : undefined;
    if (list === undefined || fields.includes(list)) needs.add(field);
  }
  for (const [section, statuses] of Object.entries(kind.rules.sections)) if (statuses.includes(status)) needs.add(`## ${section}`);
  return needs;
}

/**
 * The status each status follows, read from the lifecycle the schema states
 * ("draft → proposed → accepted | rejected; accepted → superseded | deprecated").
 */
export function predecessors(lifecycle: string): Map<string, string> {
  const before = new Map<string, string>();
  for (const chain of lifecycle.split(';')) {
    const steps = chain.split('→').map((step) => step.split('|').map((s) => s.trim()).filter(Boolean));
    steps.forEach((step, i) => {
      const previous = steps[i - 1];
      if (previous?.length === 1) for (const status of step) before.set(status, previous[0]!);
    });
  }
  return before;
}

/** Each status with what it adds to the one it follows. */
function statusHelp(kind: Kind, lifecycle: string): StatusHelp[] {
  const before = predecessors(lifecycle);
  return kind.statuses.map((status) => {
    const after = before.get(status);
    const earlier = after === undefined ? new Set<string>() : requirements(kind, after);
    const added = [...requirements(kind, status)].filter((n) => !earlier.has(n));
    return {
      status,
      meaning: STATUS_MEANING[status] ?? '',
      after,
      fields: added.filter((n) => !n.startsWith('## ')),
      sections: added.filter((n) => n.startsWith('## ')).map((n) => n.slice(3)),
    };
  });
}

function description(schema: z.ZodObject, field: string): string {
  return (schema.shape[field] as z.ZodType | undefined)?.description ?? '';
}

/** The about page's account of each kind, generated from the schemas and their rules. */
export function kindHelp(kinds: readonly Kind[]): KindHelp[] {
  return kinds.map((kind) => {
    const lifecycle = description(kind.schema, 'status').replace(/^Lifecycle stage:\s*/, '').replace(/\.$/, '');
    return {
      collection: kind.collection,
      label: KIND_LABELS[kind.collection]?.many ?? kind.collection,
      singular: kind.singular,
      purpose: KIND_PURPOSE[kind.collection] ?? '',
      lifecycle,
      fileName: kind.fileName.expected,
      statuses: statusHelp(kind, lifecycle),
      fields: fieldRows(kind),
    };
  });
}

/** The two kinds of door, with what each means for how a decision is made. */
export function doorHelp(): { door: string; meaning: string }[] {
  return doors.map((door) => ({ door, meaning: DOOR_MEANING[door] ?? '' }));
}
