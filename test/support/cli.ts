import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { userEnv } from './built-site.ts';

const NODE = 'node_modules/.bin/node';

/** Runs the `handbook` binary on the pinned Node, as a user would. */
export function handbook(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): { code: number | null; stdout: string; stderr: string } {
  const bin = join(process.cwd(), 'bin/handbook.js');
  // A command that hangs fails its test instead of holding up the run.
  const result = spawnSync(join(process.cwd(), NODE), [bin, ...args], { encoding: 'utf8', cwd: options.cwd, env: userEnv(options.env), timeout: 180_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A temporary copy of the example handbook's content/. */
export function exampleCopy(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'handbook-example-')), 'content');
  cpSync('content', dir, { recursive: true });
  return dir;
}
