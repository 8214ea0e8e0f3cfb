import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One run of a command: wall-clock seconds and the peak resident memory of its largest process. */
export interface Sample {
  seconds: number;
  rssMb: number;
}

export interface Stat {
  median: number;
  min: number;
  max: number;
}

/** Several runs of one measurement, summarised. */
export interface Series {
  seconds: Stat;
  rssMb: Stat;
  runs: number;
}

export const TIME = '/usr/bin/time';

/**
 * Runs a command under GNU time and returns its wall-clock time and peak RSS (GNU time's
 * %M: the largest resident set of the command or any process it waited for). Throws with
 * the end of the command's output when it fails; returns what the command printed too.
 */
export function timed(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Sample & { stdout: string } {
  const out = join(tmpdir(), `handbook-bench-time-${process.pid}.txt`);
  const result = spawnSync(TIME, ['-f', '%e %M', '-o', out, command, ...args], { ...options, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (result.status !== 0) {
    rmSync(out, { force: true });
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}):\n${result.stdout.slice(-2000)}\n${result.stderr.slice(-2000)}`);
  }
  const [seconds, kb] = readFileSync(out, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
  rmSync(out, { force: true });
  return { seconds: seconds!, rssMb: Math.round(kb! / 1024), stdout: result.stdout };
}

export function stat(values: readonly number[]): Stat {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted.at(-1)! };
}

export function summarise(samples: readonly Sample[]): Series {
  return { seconds: stat(samples.map((s) => s.seconds)), rssMb: stat(samples.map((s) => s.rssMb)), runs: samples.length };
}

/**
 * The resident memory of a process and all its descendants, in MB, read from /proc: what
 * a long-running process tree (the dev server, its esbuild and workers) holds at one moment.
 */
export function treeRssMb(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      const parent = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(name)]);
      rss.set(Number(name), Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0));
    } catch {
      // The process ended between the listing and the read.
    }
  }
  let kb = 0;
  const pending = [root];
  while (pending.length > 0) {
    const pid = pending.pop()!;
    kb += rss.get(pid) ?? 0;
    pending.push(...(children.get(pid) ?? []));
  }
  return Math.round(kb / 1024);
}
