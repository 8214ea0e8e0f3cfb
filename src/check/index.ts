import { extname } from 'node:path';
import { loadHandbook, RECORD_EXTENSIONS, type Handbook, type RecordCache } from '../records/load.ts';
import type { Problem } from '../records/problem.ts';
import { runRules } from '../rules/index.ts';
import { enforcePolicy, readPolicy, type PolicyFile } from '../rules/policy.ts';
import { visible } from './visible.ts';

export { visible };

export interface CheckResult {
  problems: Problem[];
  /** How many record files were read (drafts included). */
  records: number;
  handbook: Handbook;
  /** handbook.yaml: the thresholds and severities the check applied. */
  policy: PolicyFile;
}

/** Today's date in the local time zone, as `YYYY-MM-DD`. */
export function localToday(now = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Reads the handbook under `dir` and reports every problem of every file. A `cache` kept
 * between calls spares reading records that did not change (see RecordCache).
 */
export function checkHandbook(dir: string, { today = localToday(), imageHosts = [], cache }: { today?: string | undefined; imageHosts?: readonly string[]; cache?: RecordCache | undefined } = {}): CheckResult {
  const handbook = loadHandbook(dir, { cache });
  // Records that could not be read count too; a kind folder or people.yaml with a problem does not.
  const read = new Set(handbook.records.map((record) => record.file));
  const unread = new Set(handbook.problems.filter((p) => RECORD_EXTENSIONS.has(extname(p.file)) && !read.has(p.file)).map((p) => p.file));
  const records = handbook.records.length + unread.size;
  const policy = readPolicy(dir);
  return { problems: enforcePolicy(policy, runRules(handbook, today, { imageHosts, settings: policy.settings })).map((p) => ({ ...p, message: visible(p.message) })), records, handbook, policy };
}

export function countErrors(problems: readonly Problem[]): { errors: number; warnings: number } {
  const errors = problems.filter((p) => p.severity === 'error').length;
  return { errors, warnings: problems.length - errors };
}
