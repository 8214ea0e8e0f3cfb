import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { GATE_THROWS } from '../integrations/handbook.ts';
import type { CommandIO } from './io.ts';
import { parseCommand } from './parse.ts';

export const buildUsage = `Usage: handbook build [--out DIR]

Builds the site and its search index into a fresh folder next to DIR (default: dist) and
puts it in place of DIR only when everything succeeded. A content error, a crash or
Ctrl-C leaves the previous DIR exactly as it was.`;

/** The folder a build writes into before it replaces `out`: a sibling, so the swap is a rename on one file system. */
const stagingPrefix = (out: string): string => `.${basename(out)}.building-`;

/** Removes staging folders that an interrupted build left behind. */
function removeStale(out: string): void {
  const parent = dirname(out);
  if (!existsSync(parent)) return;
  for (const name of readdirSync(parent)) if (name.startsWith(stagingPrefix(out))) rmSync(join(parent, name), { recursive: true, force: true });
}

/** Puts `staging` where `out` is, keeping the old `out` until the new one is in place. */
function swap(staging: string, out: string): void {
  const previous = `${staging}-previous`;
  if (existsSync(out)) renameSync(out, previous);
  renameSync(staging, out);
  rmSync(previous, { recursive: true, force: true });
}

export async function runBuild(args: string[], io: CommandIO): Promise<number> {
  const { values } = parseCommand(args, { out: { type: 'string', default: 'dist' } });
  const out = resolve(values['out'] as string);
  removeStale(out);
  const staging = join(dirname(out), `${stagingPrefix(out)}${process.pid}`);
  const interrupted = (signal: NodeJS.Signals): void => {
    rmSync(staging, { recursive: true, force: true });
    io.stderr(`handbook build: stopped by ${signal}; ${basename(out)}/ was left as it was.\n`);
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    // Astro's own entry point is loaded here, not at the top, so other commands stay fast.
    const { build } = await import('astro');
    process.env[GATE_THROWS] = '1';
    await build({ root: process.cwd(), outDir: staging });
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    // Content errors are printed by the gate, with positions; no stack trace for them.
    if ((error as Error).name === 'ContentErrors' || String((error as Error).message).includes('The handbook has content errors')) return 1;
    io.stderr(`handbook build: the build failed, so ${basename(out)}/ was left as it was.\n${(error as Error).stack ?? String(error)}\n`);
    return 1;
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
  }
  swap(staging, out);
  io.stdout(`Built ${basename(out)}/.\n`);
  return 0;
}
