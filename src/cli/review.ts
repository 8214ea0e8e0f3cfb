import { localToday } from '../check/index.ts';
import { openWorkspace } from '../lifecycle/edit.ts';
import { reportChange } from '../lifecycle/report.ts';
import { addReview, isVerdict } from '../lifecycle/review.ts';
import { verdicts } from '../schemas/decisions.ts';
import { UsageError, type CommandIO } from './io.ts';
import { dateValue, parseCommand, recordsFolder } from './parse.ts';

export const reviewUsage = `Usage: handbook review <decision> --verdict ${verdicts.join('|')} --actual "what happened" [--next YYYY-MM-DD] [--by ID]... [--date YYYY-MM-DD] [--dir DIR]

Appends a review to an accepted decision's log: the verdict, what actually happened
against its expectedOutcome (--actual, or --notes), who reviewed it (--by, repeatable;
default the owner) and the date (default today). After held or revisit, --next is the
next review: it is recorded as nextReviewBy and becomes the decision's reviewBy. After
reversed, supersede or deprecate the decision.`;

export function runReview(args: string[], io: CommandIO): number {
  const { values, positionals } = parseCommand(args, {
    verdict: { type: 'string' },
    actual: { type: 'string' },
    notes: { type: 'string' },
    next: { type: 'string' },
    by: { type: 'string', multiple: true, default: [] },
    date: { type: 'string' },
    dir: { type: 'string', default: 'content' },
  });
  const [ref, ...rest] = positionals;
  if (ref === undefined) throw new UsageError('Missing decision, expected `handbook review <decision> --verdict … --actual "…"`');
  if (rest.length > 0) throw new UsageError(`Unexpected arguments ${rest.join(' ')}, expected one decision (quote the --actual text)`);
  const { verdict } = values;
  if (verdict === undefined || !isVerdict(verdict))
    throw new UsageError(`${verdict === undefined ? 'Missing --verdict' : `Unexpected --verdict \`${verdict}\``}, expected one of ${verdicts.join(', ')}`);
  if (values.actual !== undefined && values.notes !== undefined) throw new UsageError('Unexpected both --actual and --notes, expected one of them: they are the same text');
  const actual = values.actual ?? values.notes;
  if (actual === undefined) throw new UsageError('Missing --actual, expected what actually happened against the expected outcome');
  const date = dateValue('--date', values.date) ?? localToday();
  const next = dateValue('--next', values.next);
  const workspace = openWorkspace(recordsFolder([values.dir]));
  return reportChange('review', io, () => {
    const result = addReview(workspace, ref, { verdict, actual, next, by: values.by, date });
    const then = next === undefined ? 'supersede or deprecate it next' : `next review by ${next}`;
    return { headline: `${result.ref}: review of ${date} recorded (${verdict}; ${then}).`, result };
  });
}
