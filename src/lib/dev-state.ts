import type { Problem } from '../records/problem.ts';

/** What the dev server knows that pages show: the handbook's current problems. */
export interface DevState {
  problems: readonly Problem[];
  /** Raised after every check, so pages know the handbook changed. */
  generation: number;
  /** Raised whenever the loader stores a record. */
  stored?: number;
}

// The integration runs in Astro's own module graph and pages in Vite's: a process-wide
// symbol is the one place both see.
const KEY = Symbol.for('handbook.dev-state');
type Holder = { [KEY]?: DevState };

export function publishDevState(state: DevState): void {
  (globalThis as Holder)[KEY] = { ...state, stored: devState()?.stored ?? 0 };
}

/** The dev server's state, or undefined in a build. */
export function devState(): DevState | undefined {
  return (globalThis as Holder)[KEY];
}

/**
 * Called by the loader after it stored a changed record: in dev the content layer and the
 * check run apart, and whichever finishes last must be what the pages show.
 */
export function recordStored(): void {
  const state = devState();
  if (state !== undefined) state.stored = (state.stored ?? 0) + 1;
}

/** Changes the pages must not serve a cached view across: checks run and records stored. */
export function devVersion(): string {
  const state = devState();
  return state === undefined ? '' : `${state.generation}.${state.stored ?? 0}`;
}
