import type { Handbook } from '../records/load.ts';
import { append, compareProblems, type Problem } from '../records/problem.ts';
import { isDraft, isObject, type RecordRule, type RuleContext } from './context.ts';
import { dateOrder } from './dates.ts';
import { directory, naming } from './naming.ts';
import { rawHtml, unsafeLinks } from './markup.ts';
import { images } from './images.ts';
import { placeholders } from './placeholders.ts';
import { references, supersession } from './references.ts';
import { sections } from './sections.ts';
import { listShapeProblems, shape } from './shape.ts';
import { chosenOption, statusFields } from './status.ts';
import { blameLanguage, blamePatterns, overdue, results } from './warnings.ts';
import { checkins, checkinStale } from './checkins.ts';
import { oneWayDoor, oneWayDoorOptions, oneWayDoorReview } from './policy.ts';
import { missedOutcomeReview, reviews } from './reviews.ts';
import { DEFAULT_SETTINGS } from '../schemas/settings.ts';

/** Rules that apply to drafts too: a draft only has to parse and have the right shape. */
const SHAPE_RULES: readonly RecordRule[] = [shape];

/** Rules for records past draft: completeness for the status, references, dates, warnings. */
const STATUS_RULES: readonly RecordRule[] = [
  statusFields,
  chosenOption,
  sections,
  placeholders,
  rawHtml,
  unsafeLinks,
  images,
  references,
  supersession,
  dateOrder,
  overdue,
  results,
  oneWayDoor,
  oneWayDoorOptions,
  oneWayDoorReview,
  checkins,
  checkinStale,
  reviews,
  missedOutcomeReview,
  blameLanguage,
];

function ids(items: readonly unknown[]): Set<string> {
  return new Set(items.flatMap((item) => (isObject(item) && typeof item['id'] === 'string' ? [item['id']] : [])));
}

/**
 * Every problem of the handbook, sorted by file and position. `only` narrows the record
 * rules to the records of those files (judged against the whole handbook), for a command
 * that changed a few records and asks what check says of them.
 */
export function runRules(handbook: Handbook, today: string, { only, ...settings }: Pick<RuleContext, 'imageHosts'> & Partial<Pick<RuleContext, 'settings'>> & { only?: ReadonlySet<string> } = {}): Problem[] {
  const context: RuleContext = {
    settings: DEFAULT_SETTINGS,
    ...settings,
    handbook,
    today,
    personIds: ids(handbook.people.items),
    teamIds: ids(handbook.teams.items),
    blame: blamePatterns(handbook.people.items),
  };
  const problems = [
    ...handbook.problems,
    ...listShapeProblems(handbook.people, 'people'),
    ...listShapeProblems(handbook.teams, 'teams'),
    ...directory(context),
    ...naming(context),
  ];
  for (const record of handbook.records) {
    if (only !== undefined && !only.has(record.file)) continue;
    for (const rule of SHAPE_RULES) append(problems, rule(record, context));
    if (isDraft(record)) continue;
    for (const rule of STATUS_RULES) append(problems, rule(record, context));
  }
  return problems.sort(compareProblems);
}
