import { visible } from '../check/visible.ts';

/** Where a command writes; the real binary passes process streams, tests pass buffers. */
export interface CommandIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stdout shows colours: a terminal, unless NO_COLOR or FORCE_COLOR say otherwise. */
  colour: boolean;
}

/** What every command exits with; scripts and CI tell the cases apart by these alone. */
export const EXIT = {
  ok: 0,
  /** The content has errors (or, with --strict, warnings). */
  content: 1,
  /** The command line was wrong, or the command refused to do something unsafe. */
  usage: 2,
  /** The command could not finish for another reason: a bug, or the system (a full disk, a permission). */
  internal: 3,
} as const;

/** A mistake in how the command was called: exit code 2, a message and the usage, no stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A command that was called correctly but will not do what it was asked, because it is unsafe: exit code 2, the message alone. */
export class Refusal extends UsageError {
  override name = 'Refusal';
}

/**
 * The one-line report of an error nobody planned for. An error from the system (it has a
 * `code` such as ENOSPC or EACCES) is the machine's, not a bug; anything else asks to be
 * reported. The stack trace is for whoever debugs it, so it shows only with HANDBOOK_DEBUG=1.
 */
export function crashReport(command: string, error: unknown, env: NodeJS.ProcessEnv = process.env): string {
  // The first line that says something: Astro's messages can open with a blank line, and an
  // error without a message is named by its kind (RangeError, …) rather than by nothing.
  const said = (error instanceof Error ? error.message : String(error)).split('\n').find((line) => line.trim() !== '');
  const message = visible(said?.trim() ?? (error instanceof Error ? error.name : 'unknown error'));
  const code = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
  const what = typeof code === 'string' && /^E[A-Z]+$/.test(code) ? `could not finish: ${message}` : `internal error: ${message}. This is a bug in handbook, not in your content; please report it with the command you ran`;
  const stack = env['HANDBOOK_DEBUG'] === '1' && error instanceof Error ? (error.stack ?? '') : 'Set HANDBOOK_DEBUG=1 to see the stack trace.';
  return `${command}: ${what}.\n${stack}\n`;
}
