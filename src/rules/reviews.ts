import { DECIDED_STATUSES, unweighedMisses } from '../model/concepts.ts';
import type { Problem } from '../records/problem.ts';
import { isIsoDate } from '../schemas/common.ts';
import { fieldLabel, isObject, listField, problem, statusOf, stringField, type RecordRule } from './context.ts';

/** Verdicts after which the decision stands, so a next review is set. */
const STANDING = new Set(['held', 'revisit']);

const dateOf = (value: unknown): string | undefined => (typeof value === 'string' && isIsoDate(value) ? value : undefined);

/**
 * The review log of a decision: reviews only once it was accepted, dated after `decided`
 * and oldest first, by people who exist; after a `held` or `revisit` verdict the latest
 * review's `nextReviewBy` is the decision's `reviewBy`, and after `reversed` the decision
 * is on its way out (superseded or deprecated).
 */
export const reviews: RecordRule = (record, context) => {
  if (record.kind.collection !== 'decisions') return [];
  const { data, locator } = record;
  const list = listField(data, 'reviews');
  const status = statusOf(record) ?? 'unknown';
  if (list.length === 0) return [];
  if (!DECIDED_STATUSES.has(status)) {
    return [problem(record, locator.locate(['reviews'], { key: true }), 'review-status', `Unexpected \`reviews\` on a decision with status \`${status}\`, expected reviews once it is accepted`)];
  }
  const found: Problem[] = [];
  const decided = dateOf(data['decided']);
  let previous: { date: string; index: number } | undefined;
  list.forEach((review, i) => {
    if (!isObject(review)) return;
    const date = dateOf(review['date']);
    if (date !== undefined) {
      const at = locator.locate(['reviews', i, 'date']);
      const label = `review ${i + 1} dated ${date}`;
      if (decided !== undefined && date < decided)
        found.push(problem(record, at, 'review-order', `Unexpected ${label}, before \`decided\` ${decided}, expected reviews of the decision once it was made`));
      if (previous !== undefined && date <= previous.date)
        found.push(problem(record, at, 'review-order', `Unexpected ${label}, on or before review ${previous.index + 1} (${previous.date}), expected reviews oldest first, at most one a day`));
      previous = { date, index: i };
    }
    listField(review, 'by').forEach((id, j) => {
      if (typeof id === 'string' && !context.personIds.has(id)) {
        found.push(problem(record, locator.locate(['reviews', i, 'by', j]), 'unknown-reference', `Unexpected \`${id}\` in ${fieldLabel(['reviews', i, 'by'])}, expected a person id from people.yaml`));
      }
    });
    const next = dateOf(review['nextReviewBy']);
    if (next !== undefined && date !== undefined && next <= date) {
      found.push(
        problem(
          record,
          locator.locate(['reviews', i, 'nextReviewBy']),
          'review-next',
          `Unexpected \`nextReviewBy\` ${next} of review ${i + 1}, on or before its \`date\` ${date}, expected a later date`,
        ),
      );
    }
  });
  const index = list.length - 1;
  const latest = list[index];
  if (!isObject(latest) || status !== 'accepted') return found;
  const verdict = latest['verdict'];
  const next = dateOf(latest['nextReviewBy']);
  const reviewBy = stringField(data, 'reviewBy');
  if (typeof verdict === 'string' && STANDING.has(verdict)) {
    if (latest['nextReviewBy'] === undefined) {
      found.push(
        problem(
          record,
          locator.locate(['reviews', index]),
          'review-next',
          `Missing ${fieldLabel(['reviews', index, 'nextReviewBy'])}, required after a \`${verdict}\` verdict: when the decision is reviewed next`,
        ),
      );
    } else if (next !== undefined && reviewBy !== undefined && reviewBy !== next) {
      found.push(
        problem(
          record,
          locator.locate(['reviewBy']),
          'review-next',
          `Unexpected \`reviewBy\` ${reviewBy} while the latest review set \`nextReviewBy\` ${next}, expected them equal: \`reviewBy\` is when the decision is reviewed next`,
        ),
      );
    }
  }
  if (verdict === 'reversed') {
    found.push(
      problem(
        record,
        locator.locate(['reviews', index, 'verdict']),
        'review-reversed',
        `Unexpected status \`accepted\` after a \`reversed\` verdict, expected the decision superseded by the one that replaces it, or deprecated`,
        'warning',
      ),
    );
  }
  return found;
};

/** An accepted decision whose outcome was missed is reviewed against what happened, after the outcome closed. */
export const missedOutcomeReview: RecordRule = (record, context) => {
  if (record.kind.collection !== 'decisions') return [];
  return unweighedMisses(record.data, (id) => context.handbook.byRef.get(`outcomes/${id}`)?.data).map((miss) =>
    problem(
      record,
      record.locator.locate(['outcomes', miss.index]),
      'review-missed-outcome',
      `Missing review since \`${miss.id}\` was missed on ${miss.closed}, expected a review that sets what happened against \`expectedOutcome\``,
      'warning',
    ),
  );
};
