import type { Problem } from '../records/problem.ts';

/** What the dev server knows that pages show: the handbook's current problems. */
export interface DevState {
  problems: readonly Problem[];
  /** Raised after every check, so pages know the handbook changed. */
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
