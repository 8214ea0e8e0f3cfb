import type { ActionItem } from './attention.ts';

/** What a person holds across the handbook. */
export interface Involvement<R> {
  owns: R[];
  decided: R[];
  consulted: R[];
  contributes: R[];
  actions: ActionItem[];
}

interface Involving {
  ref: string;
  data: { owner: string; deciders?: readonly string[] | undefined; consulted?: readonly string[] | undefined; contributors?: readonly string[] | undefined };
}

/** Every person's records and actions, in one pass over the handbook. */
export function involvement<R extends Involving>(records: readonly R[], actions: readonly ActionItem[]): Map<string, Involvement<R>> {
  const byPerson = new Map<string, Involvement<R>>();
  const of = (id: string): Involvement<R> => {
    let entry = byPerson.get(id);
    if (entry === undefined) byPerson.set(id, (entry = { owns: [], decided: [], consulted: [], contributes: [], actions: [] }));
    return entry;
  };
  for (const record of records) {
    of(record.data.owner).owns.push(record);
    for (const id of record.data.deciders ?? []) of(id).decided.push(record);
    for (const id of record.data.consulted ?? []) of(id).consulted.push(record);
    for (const id of record.data.contributors ?? []) of(id).contributes.push(record);
  }
  for (const action of actions) if (action.owner !== '') of(action.owner).actions.push(action);
  return byPerson;
}
