import { localToday } from '../check/index.ts';
import { openWorkspace } from '../lifecycle/edit.ts';
import { reportChange } from '../lifecycle/report.ts';
import { supersede } from '../lifecycle/supersede.ts';
import { UsageError, type CommandIO } from './io.ts';
import { dateValue, parseCommand, recordsFolder } from './parse.ts';

export const supersedeUsage = `Usage: handbook supersede <old-decision> <new-decision> [--dir DIR] [--today YYYY-MM-DD]

Records that the new decision replaces the old one, in both files at once: the old one
becomes superseded with supersededBy, the new one lists it in supersedes. The new decision
must be accepted first; both files are written whole, or neither is.`;

export function runSupersede(args: string[], io: CommandIO): number {
  const { values, positionals } = parseCommand(args, { dir: { type: 'string', default: 'content' }, today: { type: 'string' } });
  const [older, newer, ...rest] = positionals;
  if (older === undefined || newer === undefined) throw new UsageError('Missing decisions, expected `handbook supersede <old-decision> <new-decision>`');
  if (rest.length > 0) throw new UsageError(`Unexpected arguments ${rest.join(' ')}, expected two decisions`);
  const today = dateValue('--today', values.today) ?? localToday();
  const workspace = openWorkspace(recordsFolder([values.dir]));
  return reportChange('supersede', io, () => {
    const result = supersede(workspace, older, newer, today);
    return { headline: `${result.older} is superseded by ${result.newer}; both files updated.`, result };
  });
}
