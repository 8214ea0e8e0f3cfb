import { statusOf } from '../rules/context.ts';
import { metricsOf } from '../rules/checkins.ts';
import { confidences, type Checkin, type Confidence } from '../schemas/outcomes.ts';
import { applyChanges, type ChangeResult, type Workspace } from './edit.ts';
import { LifecycleError } from './error.ts';
import { findRecord } from './find.ts';
import { addToList } from './supersede.ts';

export const isConfidence = (value: string): value is Confidence => (confidences as readonly string[]).includes(value);

export interface CheckinInput {
  confidence: Confidence;
  /** `metric=number` pairs as given on the command line. */
  values: readonly string[];
  note: string;
  date: string;
}

export interface CheckinAdded extends ChangeResult {
  ref: string;
  checkin: Checkin;
}

/**
 * `metric=42` pairs as a values map, each metric spelt as the outcome's key result spells
 * it (matched without regard to case). An unknown metric is kept, so check names the
 * metrics the outcome has.
 */
export function parseValues(pairs: readonly string[], metrics: readonly string[]): Record<string, number> {
  const values: Record<string, number> = {};
  for (const pair of pairs) {
    const at = pair.lastIndexOf('=');
    const name = pair.slice(0, at).trim();
    const number = Number(pair.slice(at + 1).trim());
    if (at <= 0 || pair.slice(at + 1).trim() === '' || !Number.isFinite(number)) {
      throw new LifecycleError(`Unexpected --value \`${pair}\`, expected \`metric=number\`, e.g. \`${metrics[0] ?? 'checkout p99 latency'}=42\``);
    }
    const metric = metrics.find((m) => m === name) ?? metrics.find((m) => m.toLowerCase() === name.toLowerCase()) ?? name;
    if (metric in values) throw new LifecycleError(`Unexpected second --value for \`${metric}\`, expected one value per key result`);
    values[metric] = number;
  }
  return values;
}

/** Appends a check-in to a committed outcome's log: the owner's confidence, the current values, a note. */
export function addCheckin(workspace: Workspace, ref: string, input: CheckinInput): CheckinAdded {
  const record = findRecord(workspace.handbook, ref, 'outcomes');
  const status = statusOf(record) ?? 'unknown';
  if (status !== 'committed') throw new LifecycleError(`Unexpected check-in on ${record.id} with status \`${status}\`, expected a committed outcome`);
  const values = parseValues(input.values, metricsOf(record.data));
  const checkin: Checkin = { date: input.date, confidence: input.confidence, ...(Object.keys(values).length > 0 ? { values } : {}), note: input.note };
  const order = Object.keys(record.kind.schema.shape);
  const result = applyChanges(workspace, [{ record, edit: (doc) => addToList(doc, 'checkins', doc.createNode(checkin), order) }], input.date);
  return { ...result, ref: record.ref, checkin };
}
