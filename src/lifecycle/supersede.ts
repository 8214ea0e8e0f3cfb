import { isSeq, type Document } from 'yaml';
import { DECIDED_STATUSES } from '../model/concepts.ts';
import { statusOf, stringField } from '../rules/context.ts';
import { applyChanges, setField, type ChangeResult, type Workspace } from './edit.ts';
import { LifecycleError } from './error.ts';
import { findRecord } from './find.ts';

/** Adds `id` to a list field, creating it (as a flow list, `[a, b]`) where the schema puts it. */
export function addToList(doc: Document, field: string, id: unknown, order: readonly string[]): void {
  const list = doc.get(field, true);
  if (isSeq(list)) {
    list.add(doc.createNode(id));
    return;
  }
  const node = doc.createNode([id]);
  node.flow = typeof id !== 'object';
  setField(doc, field, node, order);
}

export interface Supersession extends ChangeResult {
  older: string;
  newer: string;
}

/**
 * Records that `newer` replaces `older` on both sides at once: the older decision becomes
 * `superseded` with `supersededBy`, the newer one lists it in `supersedes`. The newer
 * decision must have been accepted; the older one must be accepted now.
 */
export function supersede(workspace: Workspace, oldRef: string, newRef: string, today: string): Supersession {
  const older = findRecord(workspace.handbook, oldRef, 'decisions');
  const newer = findRecord(workspace.handbook, newRef, 'decisions');
  if (older === newer) throw new LifecycleError(`Unexpected ${older.id} superseding itself, expected two different decisions`);
  const by = stringField(older.data, 'supersededBy');
  if (statusOf(older) === 'superseded') throw new LifecycleError(`Unexpected ${older.id}, already superseded by ${by ?? 'another decision'}; expected an accepted decision to supersede`);
  if (statusOf(older) !== 'accepted') throw new LifecycleError(`Unexpected ${older.id} with status \`${statusOf(older) ?? 'unknown'}\`, expected an accepted decision to supersede`);
  if (!DECIDED_STATUSES.has(statusOf(newer) ?? '')) {
    throw new LifecycleError(`Unexpected ${newer.id} with status \`${statusOf(newer) ?? 'unknown'}\`, expected the new decision accepted first (\`handbook status ${newer.id} accepted\`)`);
  }
  const order = Object.keys(older.kind.schema.shape);
  const result = applyChanges(
    workspace,
    [
      {
        record: older,
        edit: (doc) => {
          doc.set('status', 'superseded');
          setField(doc, 'supersededBy', newer.id, order);
        },
      },
      { record: newer, edit: (doc) => addToList(doc, 'supersedes', older.id, order) },
    ],
    today,
  );
  return { ...result, older: older.ref, newer: newer.ref };
}
