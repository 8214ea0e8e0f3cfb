import { existsSync, statSync } from 'node:fs';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { isIsoDate } from '../schemas/index.ts';
import { UsageError } from './io.ts';

type Parsed<O extends ParseArgsOptionsConfig> = ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>>;

/**
 * `node:util` parseArgs, typed from the options given (a string option with a default is a
 * `string`, without one `string | undefined`), with its errors turned into usage errors.
 * An empty value is refused for every option: it is almost always an unset shell variable
 * (`--out "$DIR"`), and an empty path means the current folder to most file functions.
 */
export function parseCommand<const O extends ParseArgsOptionsConfig>(args: string[], options: O): Pick<Parsed<O>, 'values' | 'positionals'> {
  let parsed: Parsed<O>;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/^Unknown option '(.*)'.*$/s, 'Unexpected option `$1`'));
  }
  for (const [name, value] of Object.entries(parsed.values)) {
    if (value === '') throw new UsageError(`Unexpected empty value for \`--${name}\`, expected a value (is a shell variable unset?)`);
  }
  return parsed;
}

/**
 * A date given on the command line (`--today`) or in the environment (`HANDBOOK_TODAY`),
 * checked as a real calendar day before anything is judged against it; `undefined` stays so.
 */
export function dateValue(label: string, value: string | undefined): string | undefined {
  if (value !== undefined && !isIsoDate(value)) throw new UsageError(`Unexpected ${label} \`${value}\`, expected a date written YYYY-MM-DD`);
  return value;
}

/** The one optional DIR argument of `check` and `list`: a folder of records, `content` unless given. */
export function recordsFolder(positionals: readonly string[]): string {
  if (positionals.length > 1) throw new UsageError(`Unexpected arguments ${positionals.slice(1).join(' ')}, expected at most one DIR`);
  const dir = positionals[0] ?? 'content';
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`Unexpected DIR \`${dir}\`, expected a folder of records`);
  return dir;
}
