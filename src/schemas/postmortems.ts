import { z } from 'astro/zod';
import { commonFields, isoDate, isoDateTime, kebabId, personId, type KindRules } from './common.ts';

export const postmortemStatuses = ['draft', 'in-review', 'published'] as const;
export type PostmortemStatus = (typeof postmortemStatuses)[number];

export const severities = ['sev1', 'sev2', 'sev3', 'sev4'] as const;
export const actionStatuses = ['open', 'in-progress', 'done', 'wont-do'] as const;
export const actionKinds = ['prevent', 'detect', 'mitigate', 'process'] as const;

export const actionSchema = z.strictObject({
  title: z.string().min(1).optional().describe('What will be done.'),
  owner: personId.optional().describe('Who does it; a person id.'),
  due: isoDate.optional().describe('By when (YYYY-MM-DD).'),
  status: z.enum(actionStatuses).optional().describe('Where it stands: open, in-progress, done or wont-do.'),
  kind: z.enum(actionKinds).optional().describe('What it improves: prevent, detect, mitigate or process.'),
  link: z
    .url({ protocol: /^https?$/, message: 'expected an http(s) URL' })
    .optional()
    .describe('The tracker item, as an http(s) URL.'),
});

export const postmortemSchema = z.strictObject({
  ...commonFields,
  status: z.enum(postmortemStatuses).describe('Lifecycle stage: draft → in-review → published.'),
  severity: z.enum(severities).describe('sev1 (worst) to sev4.'),
  started: isoDateTime.optional().describe('When impact began, as an ISO 8601 date-time with offset.'),
  detected: isoDateTime.optional().describe('When we knew; not before `started`.'),
  resolved: isoDateTime.optional().describe('When impact ended; not before `detected`.'),
  services: z.array(z.string().min(1)).optional().describe('The services that were affected.'),
  impact: z.string().min(1).optional().describe('Who was affected and how much, in one or two sentences.'),
  actions: z.array(actionSchema).optional().describe('Follow-up actions, each with an owner and a due date.'),
  outcomes: z.array(kebabId).optional().describe('Ids of outcomes this incident touches.'),
  decisions: z.array(z.string().min(1)).optional().describe('Ids of decisions this incident touches.'),
});

export type Postmortem = z.infer<typeof postmortemSchema>;
export type Action = z.infer<typeof actionSchema>;

const fromReview = ['in-review', 'published'] as const;

export const postmortemRules: KindRules<PostmortemStatus> = {
  fields: {
    summary: fromReview,
    started: fromReview,
    detected: fromReview,
    resolved: fromReview,
    services: fromReview,
    impact: fromReview,
    actions: ['published'],
    'actions[].title': ['published'],
    'actions[].owner': ['published'],
    'actions[].due': ['published'],
    'actions[].status': ['published'],
  },
  sections: {
    Summary: fromReview,
    Impact: fromReview,
    Timeline: fromReview,
    'Root causes': fromReview,
    'What went well': ['published'],
    'What went wrong': ['published'],
  },
};

/** Postmortem fields that hold date-times rather than dates. */
export const postmortemDateTimes: ReadonlySet<string> = new Set(['started', 'detected', 'resolved']);
