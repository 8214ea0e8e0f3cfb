import { staleCheckin } from '../model/concepts.ts';
import type { Problem } from '../records/problem.ts';
import { isIsoDate } from '../schemas/common.ts';
import { isObject, listField, problem, statusOf, stringField, type RecordRule } from './context.ts';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The metrics of an outcome's key results, as check-ins name them. */
export function metricsOf(data: Record<string, unknown>): string[] {
  return listField(data, 'keyResults').flatMap((kr) => (isObject(kr) && typeof kr['metric'] === 'string' ? [kr['metric']] : []));
}

/**
 * Check-ins are dated oldest first, within the outcome's life (`created` to `closed`), and
 * report values only for key results the outcome has.
 */
export const checkins: RecordRule = (record) => {
  if (record.kind.collection !== 'outcomes') return [];
  const { data, locator } = record;
  const created = stringField(data, 'created');
  const closed = stringField(data, 'closed');
  const metrics = metricsOf(data);
  const found: Problem[] = [];
  let previous: { date: string; index: number } | undefined;
  listField(data, 'checkins').forEach((checkin, i) => {
    if (!isObject(checkin)) return;
    const date = typeof checkin['date'] === 'string' && isIsoDate(checkin['date']) ? checkin['date'] : undefined;
    const label = `check-in ${i + 1} dated ${date}`;
    if (date !== undefined) {
      const at = locator.locate(['checkins', i, 'date']);
      if (created !== undefined && date < created) found.push(problem(record, at, 'checkin-order', `Unexpected ${label}, before \`created\` ${created}, expected check-ins within the outcome's life`));
      else if (closed !== undefined && date > closed) found.push(problem(record, at, 'checkin-order', `Unexpected ${label}, after \`closed\` ${closed}, expected check-ins within the outcome's life`));
      if (previous !== undefined && date <= previous.date) {
        found.push(problem(record, at, 'checkin-order', `Unexpected ${label}, on or before check-in ${previous.index + 1} (${previous.date}), expected check-ins oldest first, at most one a day`));
      }
      previous = { date, index: i };
    }
    const values = checkin['values'];
    if (!isObject(values)) return;
    for (const metric of Object.keys(values)) {
      if (metrics.includes(metric)) continue;
      const known = metrics.length === 0 ? 'a key result, and the outcome has none yet' : `the \`metric\` of a key result: ${metrics.map((m) => `\`${m}\``).join(', ')}`;
      found.push(problem(record, locator.locate(['checkins', i, 'values', metric], { key: true }), 'checkin-value', `Unexpected \`${metric}\` in \`values\` of check-in ${i + 1}, expected ${known}`));
    }
  });
  return found;
};

/** A committed outcome is read regularly: a warning once `policy.checkinEvery` days pass without a check-in. */
export const checkinStale: RecordRule = (record, { today, settings }) => {
  if (record.kind.collection !== 'outcomes' || statusOf(record) !== 'committed') return [];
  const every = settings.policy.checkinEvery;
  const stale = staleCheckin(record.data, today, every);
  if (stale === undefined) return [];
  const expected = `expected one at least every ${plural(every, 'day')} while the outcome is committed`;
  if (!stale.checkedIn) {
    return [problem(record, record.locator.locate(['status']), 'checkin-stale', `Missing check-in ${plural(stale.days, 'day')} after \`created\` ${stale.since}, ${expected}`, 'warning')];
  }
  const last = listField(record.data, 'checkins').findLastIndex((c) => isObject(c) && c['date'] === stale.since);
  return [problem(record, record.locator.locate(['checkins', last, 'date']), 'checkin-stale', `Unexpected latest check-in ${stale.since}, ${plural(stale.days, 'day')} ago, ${expected}`, 'warning')];
};
