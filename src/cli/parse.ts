import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { UsageError } from './io.ts';

/** `node:util` parseArgs with its errors turned into usage errors. */
export function parseCommand(args: string[], options: ParseArgsOptionsConfig): { values: Record<string, unknown>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values, positionals };
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/^Unknown option '(.*)'.*$/s, 'Unexpected option `$1`'));
  }
}
