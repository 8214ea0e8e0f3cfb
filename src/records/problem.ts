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
