import { z } from 'astro/zod';
import { commonFields, isoDate, kebabId, personIds, type KindRules } from './common.ts';

export const outcomeStatuses = ['draft', 'committed', 'achieved', 'missed', 'dropped'] as const;
export type OutcomeStatus = (typeof outcomeStatuses)[number];

export const keyResultSchema = z.strictObject({
  metric: z.string().min(1).optional().describe('What is measured, e.g. "checkout p99 latency".'),
  unit: z.string().min(1).optional().describe('The unit of the numbers, e.g. `ms`, `%`, `tickets/week`.'),
  baseline: z.number().optional().describe('Where the metric stood when the outcome was committed.'),
  target: z.number().optional().describe('Where it must be; lower than the baseline means lower is better.'),
  actual: z.number().optional().describe('Where it ended; required once the outcome is achieved or missed.'),
});

/**
 * How a check-in reads the outcome's chances: three words rather than a percentage, so the
 * owner makes a call (there is no neutral middle) and readers compare calls across outcomes
 * without arguing over whether 60 % confidence is good.
 */
export const confidences = ['on-track', 'at-risk', 'off-track'] as const;
export type Confidence = (typeof confidences)[number];

/**
 * A dated reading of a committed outcome. Values are keyed by the key result's `metric`,
 * not its position, so a check-in stays right when key results are reordered and reads on
 * its own in a diff.
 */
export const checkinSchema = z.strictObject({
  date: isoDate.optional().describe('When progress was read (YYYY-MM-DD); within `created`…`closed`, after the check-in before it.'),
  confidence: z.enum(confidences).optional().describe("The owner's call on reaching every target by `due`: `on-track`, `at-risk` or `off-track`."),
  values: z.record(z.string().min(1), z.number()).optional().describe('The current value of each key result measured that day, keyed by its `metric`.'),
  note: z.string().min(1).optional().describe('One or two sentences: what changed, what is next.'),
});

export const outcomeSchema = z.strictObject({
  ...commonFields,
  status: z.enum(outcomeStatuses).describe('Lifecycle stage: draft → committed → achieved | missed | dropped.'),
  due: isoDate.optional().describe('When the outcome must be true (YYYY-MM-DD).'),
  successCriteria: z.array(z.string().min(1)).optional().describe('Binary statements of "done": each is either true or false.'),
  keyResults: z.array(keyResultSchema).optional().describe('The numbers that show the outcome: baseline, target and, once closed, actual.'),
  parent: kebabId.optional().describe('The id of the higher-level outcome this one serves.'),
  contributors: personIds.optional().describe('People who help (responsible or consulted); never a second owner.'),
  closed: isoDate.optional().describe('When the loop was closed (YYYY-MM-DD); not before `created`.'),
  droppedBecause: z.string().min(1).optional().describe('Why the outcome was dropped.'),
  checkins: z.array(checkinSchema).optional().describe('Dated readings of progress, oldest first: confidence, the current value of each key result, a note.'),
});

export type Outcome = z.infer<typeof outcomeSchema>;
export type KeyResult = z.infer<typeof keyResultSchema>;
export type Checkin = z.infer<typeof checkinSchema>;

const fromCommitted = ['committed', 'achieved', 'missed', 'dropped'] as const;
const closedWithResults = ['achieved', 'missed'] as const;

export const outcomeRules: KindRules<OutcomeStatus> = {
  fields: {
    summary: fromCommitted,
    due: fromCommitted,
    successCriteria: fromCommitted,
    keyResults: fromCommitted,
    'keyResults[].metric': fromCommitted,
    'keyResults[].unit': fromCommitted,
    'keyResults[].baseline': fromCommitted,
    'keyResults[].target': fromCommitted,
    'keyResults[].actual': closedWithResults,
    closed: ['achieved', 'missed', 'dropped'],
    droppedBecause: ['dropped'],
    'checkins[].date': fromCommitted,
    'checkins[].confidence': fromCommitted,
    'checkins[].note': fromCommitted,
  },
  sections: {
    Why: fromCommitted,
    Results: closedWithResults,
    Learnings: closedWithResults,
  },
};
