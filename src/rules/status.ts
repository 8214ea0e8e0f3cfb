import { choiceStatuses } from '../schemas/decisions.ts';
import type { Collection } from '../schemas/index.ts';
import type { Severity } from '../records/problem.ts';
import { fieldLabel, isObject, isUnreviewedImport, listField, problem, statusOf, type RecordRule } from './context.ts';

/**
 * Fields a status requires that history written to another template could not have: what
 * only a forward-looking record states (a review date, an expected outcome, the door, the
 * options weighed; follow-up actions' owners and dates) and what ADR and postmortem
 * templates have no place for (summary, deciders, severity, services). For an imported record
 * nobody has reviewed, their absence is a warning, so imported history publishes with
 * nothing invented; `check --strict` fails on them as on any warning.
 */
export const IMPORT_GAPS: Readonly<Record<Collection, ReadonlySet<string>>> = {
  outcomes: new Set(),
  decisions: new Set(['summary', 'deciders', 'door', 'options', 'options[].chosen', 'expectedOutcome', 'reviewBy']),
  postmortems: new Set(['severity', 'summary', 'services', 'actions', 'actions[].owner', 'actions[].due', 'actions[].status']),
};

/** Appended to a requirement reported as a warning because the record is an unreviewed import. */
export const IMPORT_GAP_NOTE = ' (a warning until the imported record is reviewed)';

/** The severity and message suffix of a missing `path`: softened for a gap of an unreviewed import. */
export function gapSeverity(record: Parameters<RecordRule>[0], path: string): { severity: Severity; note: string } {
  return isUnreviewedImport(record) && IMPORT_GAPS[record.kind.collection].has(path) ? { severity: 'warning', note: IMPORT_GAP_NOTE } : { severity: 'error', note: '' };
}

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** A record must carry every field its status requires, and lists must have enough items. */
export const statusFields: RecordRule = (record) => {
  const status = statusOf(record);
  if (status === undefined) return [];
  const { fields, minItems = {} } = record.kind.rules;
  return Object.entries(fields).flatMap(([path, statuses]) => {
    if (!statuses.includes(status)) return [];
    const [list, itemField] = path.split('[].');
    if (list === undefined) return [];
    const { severity, note } = gapSeverity(record, path);
    if (itemField !== undefined) {
      return listField(record.data, list).flatMap((item, index) =>
        isObject(item) && isAbsent(item[itemField])
          ? [problem(record, record.locator.locate([list, index]), 'required-field', `Missing ${fieldLabel([list, index, itemField])}, required when status is \`${status}\`${note}`, severity)]
          : [],
      );
    }
    const value = record.data[list];
    if (value === undefined || value === null || value === '') {
      return [problem(record, record.locator.locate(['status']), 'required-field', `Missing \`${list}\`, required when status is \`${status}\`${note}`, severity)];
    }
    const min = Array.isArray(value) ? (minItems[list] ?? 1) : 0;
    if (Array.isArray(value) && value.length < min) {
      return [
        problem(
          record,
          record.locator.locate([list], { key: true }),
          'required-field',
          `Unexpected ${value.length} item${value.length === 1 ? '' : 's'} in \`${list}\`, expected at least ${min} when status is \`${status}\`${note}`,
          severity,
        ),
      ];
    }
    return [];
  });
};

/** An accepted decision (and what it later became) names exactly one chosen option. */
export const chosenOption: RecordRule = (record) => {
  const status = statusOf(record);
  if (record.kind.collection !== 'decisions' || status === undefined || !choiceStatuses.includes(status as never)) return [];
  const options = listField(record.data, 'options');
  if (options.length === 0) return [];
  const chosen = options.filter((option) => isObject(option) && option['chosen'] === true).length;
  if (chosen === 1) return [];
  // None chosen is a gap the source may have left; two chosen is a contradiction either way.
  const { severity, note } = chosen === 0 ? gapSeverity(record, 'options[].chosen') : { severity: 'error' as const, note: '' };
  return [
    problem(
      record,
      record.locator.locate(['options'], { key: true }),
      'chosen-option',
      `Unexpected ${chosen} chosen options, expected exactly one \`chosen: true\` when status is \`${status}\`${note}`,
      severity,
    ),
  ];
};
