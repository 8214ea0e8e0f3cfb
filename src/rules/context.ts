import type { Handbook, RecordFile } from '../records/load.ts';
import type { Position, Problem, Severity } from '../records/problem.ts';
import type { Settings } from '../schemas/settings.ts';

export interface RuleContext {
  handbook: Handbook;
  /** `YYYY-MM-DD`: the day "overdue" is judged against. */
  today: string;
  personIds: ReadonlySet<string>;
  teamIds: ReadonlySet<string>;
  /** Blame phrases for postmortems, built once from people.yaml. */
  blame: readonly RegExp[];
  /** Hosts records may show images from (the integration's `imageHosts`). */
  imageHosts?: readonly string[];
  /** The team's handbook.yaml: thresholds the rules judge by, and rule severities. */
  settings: Settings;
}

/** A rule looks at one record (and, through the context, at the rest of the handbook). */
export type RecordRule = (record: RecordFile, context: RuleContext) => Problem[];

export function problem(record: { file: string }, position: Position, rule: string, message: string, severity: Severity = 'error'): Problem {
  return { file: record.file, line: position.line, column: position.column, severity, rule, message };
}

export function statusOf(record: RecordFile): string | undefined {
  return typeof record.data['status'] === 'string' ? record.data['status'] : undefined;
}

export function isDraft(record: RecordFile): boolean {
  return statusOf(record) === 'draft';
}

/**
 * True for a record `handbook import` wrote that nobody has reviewed yet (`imported.reviewed`
 * is not `true`): history written to another template, whose gaps the rules report as
 * warnings until a person has read it.
 */
export function isUnreviewedImport(record: { data: Record<string, unknown> }): boolean {
  const imported = record.data['imported'];
  return isObject(imported) && imported['reviewed'] !== true;
}

export function stringField(data: Record<string, unknown>, key: string): string | undefined {
  const value = data[key];
  return typeof value === 'string' ? value : undefined;
}

/** A list field as an array (empty when absent or not a list). */
export function listField(data: Record<string, unknown>, key: string): unknown[] {
  const value = data[key];
  return Array.isArray(value) ? value : [];
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const ITEM_NAMES: Record<string, string> = {
  keyResults: 'key result',
  options: 'option',
  actions: 'action',
  successCriteria: 'success criterion',
  checkins: 'check-in',
  reviews: 'review',
};

/** "`actual` of key result 2" or "`due`": how a field path reads in a message. */
export function fieldLabel(path: readonly PropertyKey[]): string {
  const index = path.findIndex((segment) => typeof segment === 'number');
  if (index <= 0) return `\`${path.map(String).join('.')}\``;
  const list = String(path[index - 1]);
  const item = `${ITEM_NAMES[list] ?? `item of \`${list}\``} ${Number(path[index]) + 1}`;
  const rest = path.slice(index + 1).map(String).join('.');
  return rest === '' ? item : `\`${rest}\` of ${item}`;
}

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return `\`${value.length > 40 ? `${value.slice(0, 40)}…` : value}\``;
  return `${typeof value} \`${String(value)}\``;
}
