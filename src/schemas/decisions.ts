import { z } from 'astro/zod';
import { commonFields, isoDate, kebabId, personIds, type KindRules } from './common.ts';

export const decisionStatuses = ['draft', 'proposed', 'accepted', 'rejected', 'superseded', 'deprecated'] as const;
export type DecisionStatus = (typeof decisionStatuses)[number];

export const doors = ['one-way', 'two-way'] as const;

export const optionSchema = z.strictObject({
  name: z.string().min(1).describe('The alternative, in a few words.'),
  chosen: z.boolean().optional().describe('True on the one option that was chosen.'),
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
});

export type Decision = z.infer<typeof decisionSchema>;
export type DecisionOption = z.infer<typeof optionSchema>;

const fromProposed = ['proposed', 'accepted', 'rejected', 'superseded', 'deprecated'] as const;
const onceAccepted = ['accepted', 'superseded', 'deprecated'] as const;

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
