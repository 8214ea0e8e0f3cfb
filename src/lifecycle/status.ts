import { statusOf } from '../rules/context.ts';
import type { Collection } from '../schemas/common.ts';
import { applyChanges, setField, type ChangeResult, type Workspace } from './edit.ts';
import { LifecycleError } from './error.ts';
import { findRecord } from './find.ts';

/**
 * Where a record may go from each status: forward through its lifecycle, skipping a step
 * where the model allows it (a draft decision can be accepted outright), never back.
 * `superseded` is `handbook supersede`'s, because it changes two records.
 */
export const TRANSITIONS: Readonly<Record<Collection, Readonly<Record<string, readonly string[]>>>> = {
  outcomes: { draft: ['committed'], committed: ['achieved', 'missed', 'dropped'], achieved: [], missed: [], dropped: [] },
  decisions: { draft: ['proposed', 'accepted', 'rejected'], proposed: ['accepted', 'rejected'], accepted: ['superseded', 'deprecated'], rejected: [], superseded: [], deprecated: [] },
  postmortems: { draft: ['in-review', 'published'], 'in-review': ['published'], published: [] },
};

/** The date field a status needs that the command can fill: the day the call was made or the loop closed. */
const DATES: Readonly<Record<string, string>> = { accepted: 'decided', rejected: 'decided', achieved: 'closed', missed: 'closed', dropped: 'closed' };

export interface StatusChange extends ChangeResult {
  ref: string;
  from: string;
  to: string;
  /** The date fields the command filled, e.g. `decided: 2026-11-24`. */
  filled: string[];
}

/**
 * Moves a record to `status`, filling the date it needs (`decided`, `closed`) with `date`
 * unless it has one. Refuses a move back or sideways, and a move whose record would not be
 * complete for the new status: then it lists what check would ask for, and writes nothing.
 */
export function moveStatus(workspace: Workspace, ref: string, status: string, date: string): StatusChange {
  const record = findRecord(workspace.handbook, ref);
  const { collection, statuses } = record.kind;
  const from = statusOf(record) ?? 'unknown';
  if (!statuses.includes(status)) throw new LifecycleError(`Unexpected status \`${status}\` for ${record.kind.singular} ${record.id}, expected one of ${statuses.join(', ')}`);
  if (from === status) throw new LifecycleError(`Unexpected \`${status}\`: ${record.ref} already has that status`);
  if (status === 'superseded')
    throw new LifecycleError(`Unexpected \`superseded\` from \`handbook status\`, expected \`handbook supersede ${record.id} <new-decision>\`, which updates both decisions`);
  const allowed = TRANSITIONS[collection][from] ?? [];
  if (!allowed.includes(status)) {
    throw new LifecycleError(
      `Unexpected move of ${record.ref} from \`${from}\` to \`${status}\`, expected ${allowed.length > 0 ? `one of ${allowed.map((s) => `\`${s}\``).join(', ')}` : `no further move: \`${from}\` closes its lifecycle`}`,
    );
  }
  const order = Object.keys(record.kind.schema.shape);
  const field = DATES[status];
  const filled = field !== undefined && record.data[field] === undefined ? [`${field}: ${date}`] : [];
  const result = applyChanges(
    workspace,
    [
      {
        record,
        edit: (doc) => {
          doc.set('status', status);
          if (field !== undefined && filled.length > 0) setField(doc, field, date, order);
        },
      },
    ],
    date,
  );
  return { ...result, ref: record.ref, from, to: status, filled };
}
