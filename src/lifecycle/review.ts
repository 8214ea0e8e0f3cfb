import { isSeq } from 'yaml';
import { statusOf } from '../rules/context.ts';
import { verdicts, type Review, type Verdict } from '../schemas/decisions.ts';
import { applyChanges, setField, type ChangeResult, type Workspace } from './edit.ts';
import { LifecycleError } from './error.ts';
import { findRecord } from './find.ts';
import { addToList } from './supersede.ts';

export interface ReviewInput {
  verdict: Verdict;
  /** What actually happened, against `expectedOutcome`. */
  actual: string;
  /** The next review; required after `held` and `revisit`. */
  next: string | undefined;
  /** Reviewers' person ids; the decision's owner when none are given. */
  by: readonly string[];
  date: string;
}

export const isVerdict = (value: string): value is Verdict => (verdicts as readonly string[]).includes(value);

export interface ReviewAdded extends ChangeResult {
  ref: string;
  review: Review;
}

/**
 * Appends a review to an accepted decision's log. After `held` or `revisit` the decision's
 * `reviewBy` moves to the next review's date, which the review records as `nextReviewBy`;
 * after `reversed` it keeps its date and awaits a superseding decision or deprecation.
 */
export function addReview(workspace: Workspace, ref: string, input: ReviewInput): ReviewAdded {
  const record = findRecord(workspace.handbook, ref, 'decisions');
  const status = statusOf(record) ?? 'unknown';
  if (status !== 'accepted') throw new LifecycleError(`Unexpected review of ${record.id} with status \`${status}\`, expected an accepted decision`);
  const standing = input.verdict !== 'reversed';
  if (standing && input.next === undefined) throw new LifecycleError(`Missing --next, expected the date of the next review after a \`${input.verdict}\` verdict`);
  if (!standing && input.next !== undefined)
    throw new LifecycleError('Unexpected --next with a `reversed` verdict, expected none: a reversed decision is superseded or deprecated, not reviewed again');
  const by = input.by.length > 0 ? [...input.by] : [String(record.data['owner'])];
  const review: Review = { date: input.date, by, verdict: input.verdict, actual: input.actual, ...(standing ? { nextReviewBy: input.next } : {}) };
  const order = Object.keys(record.kind.schema.shape);
  const result = applyChanges(
    workspace,
    [
      {
        record,
        edit: (doc) => {
          const node = doc.createNode(review);
          // Reviewers read as the example's other person lists do: `by: [jonas, priya]`.
          const reviewers = node.get('by', true);
          if (isSeq(reviewers)) reviewers.flow = true;
          addToList(doc, 'reviews', node, order);
          if (standing) setField(doc, 'reviewBy', input.next, order);
        },
      },
    ],
    input.date,
  );
  return { ...result, ref: record.ref, review };
}
