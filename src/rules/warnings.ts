import { meetsTarget } from '../lib/key-results.ts';
import { isActionOverdue, isLoopOverdue, loopDate } from '../model/concepts.ts';
import type { Problem } from '../records/problem.ts';
import { isDraft, isObject, listField, problem, statusOf, stringField, type RecordRule } from './context.ts';

/** Loops left open past their date: decision reviews, committed outcomes, open actions. */
export const overdue: RecordRule = (record, { today }) => {
  const found: Problem[] = [];
  const { collection } = record.kind;
  if (isLoopOverdue(collection, record.data, today)) {
    const date = loopDate(collection, record.data);
    if (collection === 'decisions') {
      found.push(problem(record, record.locator.locate(['reviewBy']), 'review-overdue', `Unexpected \`reviewBy\` ${date} in the past, expected the decision to be reviewed (update the record and its \`reviewBy\`)`, 'warning'));
    } else {
      found.push(problem(record, record.locator.locate(['due']), 'outcome-overdue', `Unexpected committed outcome past its \`due\` ${date}, expected it closed as achieved, missed or dropped`, 'warning'));
    }
  }
  if (collection === 'postmortems' && !isDraft(record)) {
    listField(record.data, 'actions').forEach((action, i) => {
      if (!isObject(action)) return;
      const item = { status: stringField(action, 'status'), due: stringField(action, 'due') };
      if (!isActionOverdue(item, today)) return;
      found.push(problem(record, record.locator.locate(['actions', i, 'due']), 'action-overdue', `Unexpected ${item.status ?? 'open'} action ${i + 1} past its \`due\` ${item.due}, expected it done, rescheduled or marked wont-do`, 'warning'));
    });
  }
  return found;
};

/** An achieved outcome should meet its targets, and a missed one should miss at least one. */
export const results: RecordRule = (record) => {
  const status = statusOf(record);
  if (record.kind.collection !== 'outcomes' || (status !== 'achieved' && status !== 'missed')) return [];
  const verdicts = listField(record.data, 'keyResults').map((kr) =>
    isObject(kr) ? meetsTarget({ baseline: num(kr['baseline']), target: num(kr['target']), actual: num(kr['actual']) }) : undefined,
  );
  if (verdicts.some((v) => v === undefined) || verdicts.length === 0) return [];
  const position = record.locator.locate(['status']);
  if (status === 'achieved') {
    const missed = verdicts.indexOf(false);
    return missed === -1 ? [] : [problem(record, record.locator.locate(['keyResults', missed, 'actual']), 'results-mismatch', `Unexpected \`achieved\` with key result ${missed + 1} short of its target, expected \`missed\` or an actual that meets the target`, 'warning')];
  }
  return verdicts.every(Boolean) ? [problem(record, position, 'results-mismatch', 'Unexpected `missed` while every key result meets its target, expected `achieved`', 'warning')] : [];
};

function num(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

const FAILURE_VERBS = "broke|forgot|failed to|caused|missed|neglected|ignored|messed up|screwed up|should have|didn't|did not";
/**
 * Fixed blame phrases. The word before "'s fault" is bounded: an unbounded run of letters and
 * hyphens is retried from every word start of a long hyphenated run, which is quadratic; no
 * name is longer than 64 characters.
 */
const BLAME = [/\b[\p{L}-]{1,64}['’]s fault\b/giu, /\bshould have known\b/gi, /\b(?:careless(?:ness)?|incompetent|negligent|negligence)\b/gi];

/** The blame patterns for a handbook: fixed phrases, and a person's name as the subject of a failure. */
export function blamePatterns(people: readonly unknown[]): RegExp[] {
  const names = people.flatMap((person) =>
    isObject(person) && typeof person['name'] === 'string' ? [person['name'], person['name'].split(' ')[0] ?? ''] : [],
  );
  const escaped = [...new Set(names)].filter((n) => n.length > 1).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return escaped.length > 0 ? [...BLAME, new RegExp(`\\b(?:${escaped.join('|')})\\s+(?:${FAILURE_VERBS})\\b`, 'g')] : BLAME;
}

/** A failure verb anywhere: prose without one cannot hold a person as its subject, so the long names pattern is skipped. */
const ANY_FAILURE = new RegExp(`\\b(?:${FAILURE_VERBS})\\b`);
/** "'s fault" anywhere: prose without it is not searched for a word before it (a search that starts at every word). */
const ANY_FAULT = /['’]s fault/i;

/** Whether the i-th blame pattern cannot match in `source`, known from a plain search. */
function skipped(i: number, source: string): boolean {
  if (i === 0) return !ANY_FAULT.test(source);
  return i >= BLAME.length && !ANY_FAILURE.test(source);
}

/** Postmortems are blameless: systems and processes fail, not people. */
export const blameLanguage: RecordRule = (record, context) => {
  if (record.kind.collection !== 'postmortems' || isDraft(record)) return [];
  return record.body.prose.flatMap((prose) =>
    context.blame.flatMap((pattern, i) =>
      (skipped(i, prose.source) ? [] : [...prose.source.matchAll(pattern)]).map((match) =>
        problem(record, record.body.lines.positionAt(prose.offset + match.index), 'blame-language', `Unexpected blame \`${match[0]}\`, expected a blameless description of what the system and process allowed`, 'warning'),
      ),
    ),
  );
};
