import { DECIDED } from '../model/concepts.ts';
import { z } from 'astro/zod';
import { commonFields, isoDate, kebabId, personIds, type KindRules } from './common.ts';

export const decisionStatuses = ['draft', 'proposed', 'accepted', 'rejected', 'superseded', 'deprecated'] as const;
export type DecisionStatus = (typeof decisionStatuses)[number];

export const doors = ['one-way', 'two-way'] as const;

export const optionSchema = z.strictObject({
  name: z.string().min(1).describe('The alternative, in a few words.'),
  chosen: z.boolean().optional().describe('True on the one option that was chosen.'),
  reason: z.string().min(1).optional().describe('Why the option was not chosen (or why it won); required on the rejected options of a one-way door.'),
});

/** What a review found: the call held, needs another look, or was wrong and is being undone. */
export const verdicts = ['held', 'revisit', 'reversed'] as const;
export type Verdict = (typeof verdicts)[number];

/**
 * One look back at an accepted decision (a decision journal entry): what actually
 * happened against `expectedOutcome`, and where the decision stands. `reviewBy` always
 * names the next review, so the latest review's `nextReviewBy` and `reviewBy` agree.
 */
export const reviewSchema = z.strictObject({
  date: isoDate.optional().describe('When the decision was looked at again (YYYY-MM-DD); on or after `decided`, after the review before it.'),
  by: personIds.optional().describe('Who reviewed it; person ids.'),
  verdict: z.enum(verdicts).optional().describe('Did the call hold up? `held`, `revisit` (look again by `nextReviewBy`) or `reversed` (to be superseded or deprecated).'),
  actual: z.string().min(1).optional().describe('What actually happened, set against `expectedOutcome`.'),
  nextReviewBy: isoDate.optional().describe('When it is reviewed next (YYYY-MM-DD); required after `held` or `revisit`, and equal to `reviewBy` on the latest review.'),
});

export const decisionSchema = z.strictObject({
  ...commonFields,
  status: z
    .enum(decisionStatuses)
    .describe('Lifecycle stage: draft → proposed → accepted | rejected; accepted → superseded | deprecated.'),
  deciders: personIds.optional().describe('Who makes the call; person ids.'),
  consulted: personIds.optional().describe('People whose input was sought before deciding.'),
  informed: personIds.optional().describe('People told once the call is made.'),
  door: z.enum(doors).optional().describe('`one-way` when the decision is hard to reverse, `two-way` when it is cheap to undo.'),
  options: z.array(optionSchema).optional().describe('The alternatives considered; exactly one is chosen once accepted.'),
  decided: isoDate.optional().describe('When the call was made (YYYY-MM-DD); not before `created`.'),
  expectedOutcome: z.string().min(1).optional().describe('What we expect to see if this decision was right.'),
  reviewBy: isoDate.optional().describe('When the decision is revisited (YYYY-MM-DD); after `decided`.'),
  outcomes: z.array(kebabId).optional().describe('Ids of the outcomes this decision serves.'),
  supersedes: z.array(z.string().min(1)).optional().describe('Ids of earlier decisions this one replaces.'),
  supersededBy: z.string().min(1).optional().describe('The id of the accepted decision that replaced this one.'),
  reviews: z.array(reviewSchema).optional().describe('The review log, oldest first: each look back with its verdict and what actually happened.'),
});

export type Decision = z.infer<typeof decisionSchema>;
export type DecisionOption = z.infer<typeof optionSchema>;
export type Review = z.infer<typeof reviewSchema>;

const fromProposed = ['proposed', 'accepted', 'rejected', 'superseded', 'deprecated'] as const;
const onceAccepted = DECIDED;

export const decisionRules: KindRules<DecisionStatus> = {
  fields: {
    summary: fromProposed,
    deciders: fromProposed,
    door: fromProposed,
    options: fromProposed,
    'options[].chosen': [],
    decided: ['accepted', 'rejected', 'superseded', 'deprecated'],
    expectedOutcome: onceAccepted,
    reviewBy: onceAccepted,
    supersededBy: ['superseded'],
    'reviews[].date': onceAccepted,
    'reviews[].by': onceAccepted,
    'reviews[].verdict': onceAccepted,
    'reviews[].actual': onceAccepted,
  },
  minItems: { options: 2 },
  sections: {
    Context: fromProposed,
    Options: fromProposed,
    Decision: onceAccepted,
    Consequences: onceAccepted,
  },
};

/** The statuses at which exactly one option must carry `chosen: true`. */
export const choiceStatuses: readonly DecisionStatus[] = onceAccepted;
