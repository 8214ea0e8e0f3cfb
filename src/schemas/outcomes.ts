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
});

export type Outcome = z.infer<typeof outcomeSchema>;
export type KeyResult = z.infer<typeof keyResultSchema>;

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
  },
  sections: {
    Why: fromCommitted,
    Results: closedWithResults,
    Learnings: closedWithResults,
  },
};
