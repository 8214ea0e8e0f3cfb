import { isIsoDate, isIsoDateTime } from '../schemas/index.ts';
import { isDraft, problem, stringField, type RecordRule } from './context.ts';

/** [earlier, later, strictly after?] pairs of fields that must be in order. */
const ORDER: readonly [string, string, boolean][] = [
  ['created', 'decided', false],
  ['decided', 'reviewBy', true],
  ['started', 'detected', false],
  ['detected', 'resolved', false],
  ['created', 'closed', false],
];

function time(value: string | undefined): number | undefined {
  if (value === undefined || !(isIsoDate(value) || isIsoDateTime(value))) return undefined;
  return Date.parse(value);
}

/** Dates follow the lifecycle: nothing is decided before it was created, and so on. */
export const dateOrder: RecordRule = (record) => {
  if (isDraft(record)) return [];
  return ORDER.flatMap(([earlier, later, strict]) => {
    const [a, b] = [stringField(record.data, earlier), stringField(record.data, later)];
    const [ta, tb] = [time(a), time(b)];
    if (ta === undefined || tb === undefined || (strict ? tb > ta : tb >= ta)) return [];
    return [
      problem(record, record.locator.locate([later]), 'date-order', `Unexpected \`${later}\` ${b} ${strict ? 'on or before' : 'before'} \`${earlier}\` ${a}, expected it ${strict ? 'after' : 'on or after'} \`${earlier}\``),
    ];
  });
};
