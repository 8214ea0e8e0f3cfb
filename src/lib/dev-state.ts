import type { Problem } from '../records/problem.ts';

/** What the dev server knows that pages show: the handbook's current problems. */
export interface DevState {
  problems: readonly Problem[];
  /** Raised after every change under the content folder and whenever the problems change. */
  generation: number;
}

// The integration runs in Astro's own module graph and pages in Vite's: a process-wide
// symbol is the one place both see.
const KEY = Symbol.for('handbook.dev-state');
type Holder = { [KEY]?: DevState };

export function publishDevState(state: DevState): void {
  (globalThis as Holder)[KEY] = state;
}

/** The dev server's state, or undefined in a build. */
export function devState(): DevState | undefined {
  return (globalThis as Holder)[KEY];
}

/** What the dev server's pages read records from: the content layer's own store of each kind. */
export interface LiveStore {
  values(): { id: string; data: Record<string, unknown>; body?: string | undefined; filePath?: string | undefined; digest?: number | string | undefined }[];
}

const STORES = Symbol.for('handbook.dev-stores');
type StoreHolder = { [STORES]?: { stores: Map<string, LiveStore>; changes: number } };

function live(): { stores: Map<string, LiveStore>; changes: number } {
  const holder = globalThis as StoreHolder;
  holder[STORES] ??= { stores: new Map(), changes: 0 };
  return holder[STORES];
}

/**
 * Called by the loader in dev for each kind's store, and again whenever it stores or
 * deletes a record: pages read the store itself, so a saved record is on its page as soon
 * as it is read, not once Astro has written the whole store to disk and read it back.
 */
export function recordsChanged(collection: string, store: LiveStore): void {
  const state = live();
  state.stores.set(collection, store);
  state.changes += 1;
}

/** The stores the loader published (none in a build), and how many changes they have seen. */
export function liveRecords(): { stores: ReadonlyMap<string, LiveStore>; changes: number } {
  return live();
}
