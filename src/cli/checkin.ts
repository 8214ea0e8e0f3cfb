import { localToday } from '../check/index.ts';
import { addCheckin, isConfidence } from '../lifecycle/checkin.ts';
import { openWorkspace } from '../lifecycle/edit.ts';
import { reportChange } from '../lifecycle/report.ts';
import { confidences } from '../schemas/outcomes.ts';
import { UsageError, type CommandIO } from './io.ts';
import { dateValue, parseCommand, recordsFolder } from './parse.ts';

export const checkinUsage = `Usage: handbook checkin <outcome> --confidence ${confidences.join('|')} [--value "metric=42"]... --note "…" [--date YYYY-MM-DD] [--dir DIR]

Appends a check-in to a committed outcome's log: your confidence, the current value of
each key result you measured (--value, repeatable, named by the key result's metric) and
a one- or two-sentence note, dated --date (default today).`;

export function runCheckin(args: string[], io: CommandIO): number {
  const { values, positionals } = parseCommand(args, {
    confidence: { type: 'string' },
    value: { type: 'string', multiple: true, default: [] },
    note: { type: 'string' },
    date: { type: 'string' },
    dir: { type: 'string', default: 'content' },
  });
  const [ref, ...rest] = positionals;
  if (ref === undefined) throw new UsageError('Missing outcome, expected `handbook checkin <outcome> --confidence … --note "…"`');
  if (rest.length > 0) throw new UsageError(`Unexpected arguments ${rest.join(' ')}, expected one outcome (quote each --value and the --note)`);
  const { confidence, note } = values;
  if (confidence === undefined || !isConfidence(confidence))
    throw new UsageError(`${confidence === undefined ? 'Missing --confidence' : `Unexpected --confidence \`${confidence}\``}, expected one of ${confidences.join(', ')}`);
  if (note === undefined) throw new UsageError('Missing --note, expected a sentence or two: what changed, what is next');
  const date = dateValue('--date', values.date) ?? localToday();
  const workspace = openWorkspace(recordsFolder([values.dir]));
  return reportChange('checkin', io, () => {
    const result = addCheckin(workspace, ref, { confidence, values: values.value, note, date });
    return { headline: `${result.ref}: check-in of ${date} recorded (${confidence}).`, result };
  });
}
