import { visible } from '../check/visible.ts';
import type { Problem } from '../records/problem.ts';
import type { ChangeResult } from './edit.ts';
import { IncompleteChange } from './edit.ts';
import { LifecycleError } from './error.ts';

/** What a command prints and exits with; the CLI passes its streams. */
interface Streams {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** One problem a line, as `handbook check` prints them. */
function lines(problems: readonly Problem[]): string {
  return problems.map((p) => `  ${visible(p.file)}:${p.line}:${p.column}  ${p.severity === 'error' ? 'error  ' : 'warning'}  ${visible(p.message)}  ${p.rule}\n`).join('');
}

/**
 * Runs a lifecycle command and reports it: what was written, then what check still says
 * about the files (exit 1 while an error remains, as `check` would), or why nothing was
 * written (exit 1, with the problems the change would have brought).
 */
export function reportChange(command: string, streams: Streams, change: () => { headline: string; result: ChangeResult }): number {
  try {
    const { headline, result } = change();
    const errors = result.remaining.filter((p) => p.severity === 'error');
    const warnings = result.remaining.filter((p) => p.severity === 'warning');
    let text = `${visible(headline)}\n`;
    if (errors.length > 0) text += `Still to fix before check passes:\n${lines(errors)}`;
    if (warnings.length > 0) text += `Check also warns:\n${lines(warnings)}`;
    streams.stdout(text);
    return errors.length > 0 ? 1 : 0;
  } catch (error) {
    if (!(error instanceof LifecycleError)) throw error;
    streams.stderr(`handbook ${command}: ${visible(error.message)}\n${error instanceof IncompleteChange ? lines(error.problems) : ''}`);
    return 1;
  }
}
