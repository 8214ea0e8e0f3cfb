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

/**
 * Control characters, line and paragraph separators and bidirectional overrides that a
 * record's values can carry into a message; shown escaped so every problem stays on one
 * line and a terminal or annotation shows what is really there.
 */
const INVISIBLE = /[\u0000-\u001f\u007f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** A message with every invisible character written as its escape, e.g. `\n` or `\u202e`. */
export function visible(message: string): string {
  const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
  return message.replace(INVISIBLE, (char) => named[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Reads the handbook under `dir` and reports every problem of every file. */
export function checkHandbook(dir: string, { today = localToday() }: { today?: string } = {}): CheckResult {
  const handbook = loadHandbook(dir);
  const records = handbook.records.length + new Set(handbook.problems.filter((p) => !p.file.endsWith('.yaml')).map((p) => p.file)).size;
  return { problems: runRules(handbook, today).map((p) => ({ ...p, message: visible(p.message) })), records, handbook };
}

export function countErrors(problems: readonly Problem[]): { errors: number; warnings: number } {
  const errors = problems.filter((p) => p.severity === 'error').length;
  return { errors, warnings: problems.length - errors };
}
