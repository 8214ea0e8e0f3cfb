export type Severity = 'error' | 'warning';

/** One thing wrong with the handbook, positioned so an editor or a PR annotation can point at it. */
export interface Problem {
  /** Path relative to the working directory, with forward slashes. */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  severity: Severity;
  /** A stable kebab-case id, e.g. `required-field`; listed in the README. */
  rule: string;
  /** A sentence a writer understands, shaped "Unexpected X, expected Y" where it fits. */
  message: string;
}

export interface Position {
  line: number;
  column: number;
}

export function compareProblems(a: Problem, b: Problem): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule);
}

/**
 * Adds `items` to the end of `problems`, one by one. `problems.push(...items)` passes every
 * item as an argument to one call, and a record with enough problems (some 120,000) would
 * overflow the call stack; rules collect everything, so there is no upper bound to rely on.
 */
export function append<T>(problems: T[], items: Iterable<T>): void {
  for (const item of items) problems.push(item);
}
