import { loadHandbook, type Handbook } from '../records/load.ts';
import type { Problem } from '../records/problem.ts';
import { runRules } from '../rules/index.ts';

export interface CheckResult {
  problems: Problem[];
  /** How many record files were read (drafts included). */
  records: number;
  handbook: Handbook;
}

/** Today's date in the local time zone, as `YYYY-MM-DD`. */
export function localToday(now = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Reads the handbook under `dir` and reports every problem of every file. */
export function checkHandbook(dir: string, { today = localToday() }: { today?: string } = {}): CheckResult {
  const handbook = loadHandbook(dir);
  const records = handbook.records.length + new Set(handbook.problems.filter((p) => !p.file.endsWith('.yaml')).map((p) => p.file)).size;
  return { problems: runRules(handbook, today), records, handbook };
}

export function countErrors(problems: readonly Problem[]): { errors: number; warnings: number } {
  const errors = problems.filter((p) => p.severity === 'error').length;
  return { errors, warnings: problems.length - errors };
}
