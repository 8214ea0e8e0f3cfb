import { rmSync } from 'node:fs';
import { basename } from 'node:path';
import { visible } from '../check/visible.ts';
import { EXIT, UsageError, type CommandIO } from './io.ts';
import { lockOutput, outputFolder, recoverOutput, replaceOutput, STAMP, stagingFolder } from './output-folder.ts';
import { dateValue, parseCommand } from './parse.ts';

export const buildUsage = `Usage: handbook build [--out DIR]

Builds the site and its search index into a fresh folder next to DIR (default: dist) and
puts it in place of DIR only when everything succeeded. A content error, a crash or
Ctrl-C leaves the previous DIR exactly as it was.

A build replaces DIR whole, so DIR must be new, empty, or an earlier build (which leaves a
${STAMP} file in it). The project folder, the content folder, a folder holding either, the
home folder, a symlink and any other folder with files of its own are refused (exit 2).
One build runs at a time per DIR.`;

export async function runBuild(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseCommand(args, { out: { type: 'string', default: 'dist' } });
  if (positionals.length > 0) throw new UsageError(`Unexpected arguments ${positionals.join(' ')}, expected only --out DIR`);
  dateValue('HANDBOOK_TODAY', process.env['HANDBOOK_TODAY']);
  // The content folder as astro.config.mjs names it, known without loading Astro.
  const out = outputFolder(values.out, { content: process.env['HANDBOOK_CONTENT'] ?? 'content' });
  const shown = `${visible(basename(out))}/`;
  const release = lockOutput(out);
  const staging = stagingFolder(out);
  const interrupted = (signal: NodeJS.Signals): void => {
    rmSync(staging, { recursive: true, force: true });
    release();
    io.stderr(`handbook build: stopped by ${signal}; ${shown} was left as it was.\n`);
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    recoverOutput(out);
    const failed = await buildInto(staging, shown, io);
    if (failed !== undefined) return failed;
    replaceOutput(staging, out);
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    rmSync(staging, { recursive: true, force: true });
    release();
  }
  io.stdout(`Built ${shown}.\n`);
  return EXIT.ok;
}

/** Runs Astro's build into `staging`; returns the exit code when it failed. */
async function buildInto(staging: string, shown: string, io: CommandIO): Promise<number | undefined> {
  // Astro and the integration are loaded here, not at the top, so the other commands stay
  // fast and keep working whatever state the site's code is in.
  const [{ build }, { GATE_THROWS }] = await Promise.all([import('astro'), import('../integrations/handbook.ts')]);
  process.env[GATE_THROWS] = '1';
  try {
    await build({ root: process.cwd(), outDir: staging });
    return undefined;
  } catch (error) {
    // Content errors are printed by the gate, with positions; nothing more to say.
    if (error instanceof Error && (error.name === 'ContentErrors' || error.message.includes('The handbook has content errors'))) return EXIT.content;
    const detail = process.env['HANDBOOK_DEBUG'] === '1' && error instanceof Error ? (error.stack ?? error.message) : error instanceof Error ? error.message : String(error);
    io.stderr(`handbook build: the build failed, so ${shown} was left as it was.\n${detail}\n`);
    return EXIT.content;
  }
}
