import { localToday } from '../check/index.ts';
import { openWorkspace } from '../lifecycle/edit.ts';
import { reportChange } from '../lifecycle/report.ts';
import { moveStatus } from '../lifecycle/status.ts';
import { UsageError, type CommandIO } from './io.ts';
import { dateValue, parseCommand, recordsFolder } from './parse.ts';

export const statusUsage = `Usage: handbook status <record> <status> [--date YYYY-MM-DD] [--dir DIR]

Moves a record (its id, <collection>/<id> or a decision number) to a later status and
fills the date that status needs (decided for accepted and rejected, closed for
achieved, missed and dropped) with --date, default today. Nothing is written when the
record would not be complete for the new status: the command lists what check would ask
for. Records are in DIR (default: content).`;

export function runStatus(args: string[], io: CommandIO): number {
  const { values, positionals } = parseCommand(args, { date: { type: 'string' }, dir: { type: 'string', default: 'content' } });
  const [ref, status, ...rest] = positionals;
  if (ref === undefined || status === undefined) throw new UsageError('Missing record or status, expected `handbook status <record> <status>`');
  if (rest.length > 0) throw new UsageError(`Unexpected arguments ${rest.join(' ')}, expected a record and a status`);
  const date = dateValue('--date', values.date) ?? localToday();
  const workspace = openWorkspace(recordsFolder([values.dir]));
  return reportChange('status', io, () => {
    const result = moveStatus(workspace, ref, status, date);
    const filled = result.filled.length > 0 ? ` (${result.filled.join(', ')})` : '';
    return { headline: `${result.ref}: ${result.from} → ${result.to}${filled}.`, result };
  });
}
