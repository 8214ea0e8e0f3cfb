import type { Handbook, RecordFile } from '../records/load.ts';
import { kindOf, type Collection } from '../schemas/index.ts';
import { decisionNumber } from '../model/concepts.ts';
import { LifecycleError } from './error.ts';

/**
 * The record a command line names: `decisions/0042-adopt-postgres`, its id
 * `0042-adopt-postgres`, a decision's number `0042` or `42`, or an outcome's id. Drafts
 * count too. `collection` narrows the search to one kind.
 */
export function findRecord(handbook: Handbook, ref: string, collection?: Collection): RecordFile {
  const candidates = handbook.records.filter((r) => collection === undefined || r.kind.collection === collection);
  const byRef = candidates.filter((r) => r.ref === ref);
  const byId = candidates.filter((r) => r.id === ref);
  const byNumber = /^\d{1,9}$/.test(ref) ? candidates.filter((r) => r.kind.collection === 'decisions' && decisionNumber(r.id) === Number(ref)) : [];
  const matches = [byRef, byId, byNumber].find((list) => list.length > 0) ?? [];
  const what = collection === undefined ? 'a record' : `${/^[aeiou]/.test(kindOf(collection).singular) ? 'an' : 'a'} ${kindOf(collection).singular}`;
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) throw new LifecycleError(`Unexpected \`${ref}\` naming ${matches.length} records (${matches.map((r) => r.ref).join(', ')}), expected one: give \`<collection>/<id>\``);
  throw new LifecycleError(`Unexpected \`${ref}\`, expected ${what}: its id, \`<collection>/<id>\`${collection === undefined || collection === 'decisions' ? ' or a decision number' : ''}`);
}
