import { addMonths, latestEntry } from '../model/concepts.ts';
import { compareProblems, type Problem } from '../records/problem.ts';
import { readSettingsFile, type SettingsFile } from '../records/settings.ts';
import { DEFAULT_POLICY, DEFAULT_SETTINGS, FIXED_RULES, parseSettings, RULE_IDS, settingsSchema, type Settings } from '../schemas/settings.ts';
import { isObject, isUnreviewedImport, listField, problem, statusOf, stringField, type RecordRule } from './context.ts';
import { closest, shapeProblems } from './shape.ts';
import { IMPORT_GAP_NOTE } from './status.ts';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The one-way doors the policy holds to its stricter rules: accepted ones (what they became later is history). */
function acceptedOneWayDoor(record: Parameters<RecordRule>[0]): boolean {
  return record.kind.collection === 'decisions' && statusOf(record) === 'accepted' && record.data['door'] === 'one-way';
}

/**
 * An unreviewed import states history written to another template, so the policy's demands
 * are warnings there until a person has read it, as other gaps of imports are.
 */
function severityFor(record: Parameters<RecordRule>[0]): { severity: Problem['severity']; note: string } {
  return isUnreviewedImport(record) ? { severity: 'warning', note: IMPORT_GAP_NOTE } : { severity: 'error', note: '' };
}

/** A one-way door is decided by more than one person, and someone outside the deciders was asked. */
export const oneWayDoor: RecordRule = (record, { settings }) => {
  if (!acceptedOneWayDoor(record)) return [];
  const { deciders: minDeciders, consulted: minConsulted } = settings.policy.oneWayDoor;
  const deciders = listField(record.data, 'deciders').length;
  const consulted = listField(record.data, 'consulted').length;
  if (deciders >= minDeciders && consulted >= minConsulted) return [];
  const missing = deciders < minDeciders ? plural(deciders, 'decider') : consulted === 0 ? 'nobody consulted' : `${consulted} consulted`;
  const wanted = minConsulted === 0 ? '' : ` and ${minConsulted === 1 ? 'someone' : `at least ${minConsulted} people`} in \`consulted\``;
  const { severity, note } = severityFor(record);
  return [problem(record, record.locator.locate(['door']), 'one-way-door', `Unexpected one-way door with ${missing}, expected at least ${plural(minDeciders, 'decider')}${wanted}${note}`, severity)];
};

/** A one-way door weighs real alternatives, and says why each rejected one lost. */
export const oneWayDoorOptions: RecordRule = (record, { settings }) => {
  if (!acceptedOneWayDoor(record)) return [];
  const options = listField(record.data, 'options');
  const { severity, note } = severityFor(record);
  const min = settings.policy.oneWayDoor.options;
  if (options.length < min) {
    return [
      problem(
        record,
        record.locator.locate(['options'], { key: true }),
        'one-way-door-options',
        `Unexpected ${plural(options.length, 'option')} on a one-way door, expected at least ${min}, each rejected one with a \`reason\`${note}`,
        severity,
      ),
    ];
  }
  return options.flatMap((option, i) =>
    isObject(option) && option['chosen'] !== true && (typeof option['reason'] !== 'string' || option['reason'].trim() === '')
      ? [problem(record, record.locator.locate(['options', i]), 'one-way-door-options', `Missing \`reason\` of option ${i + 1}, required on every rejected option of a one-way door${note}`, severity)]
      : [],
  );
};

/**
 * A one-way door is looked at again soon: `reviewBy` is at most `reviewWithin` months after
 * it was decided, or after its latest review (a review sets the next date).
 */
export const oneWayDoorReview: RecordRule = (record, { settings }) => {
  if (!acceptedOneWayDoor(record)) return [];
  const reviewBy = stringField(record.data, 'reviewBy');
  const decided = stringField(record.data, 'decided');
  const reviewed = latestEntry(record.data, 'reviews');
  const [from, label] = reviewed !== undefined && (decided === undefined || reviewed > decided) ? [reviewed, `the review of ${reviewed}`] : [decided, `\`decided\` ${decided}`];
  if (reviewBy === undefined || from === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(from)) return [];
  const months = settings.policy.oneWayDoor.reviewWithin;
  const latest = addMonths(from, months);
  if (reviewBy <= latest) return [];
  const { severity, note } = severityFor(record);
  return [
    problem(
      record,
      record.locator.locate(['reviewBy']),
      'one-way-door-review',
      `Unexpected \`reviewBy\` ${reviewBy} more than ${plural(months, 'month')} after ${label}, expected ${latest} or earlier for a one-way door${note}`,
      severity,
    ),
  ];
};

/** handbook.yaml as check reads it: where it is, the settings that apply, and what is wrong with it. */
export interface PolicyFile {
  /** handbook.yaml's path, relative to the working directory. */
  file: string;
  /** False when there is no handbook.yaml and every default applies. */
  exists: boolean;
  settings: Settings;
  problems: Problem[];
}

/** The problems of handbook.yaml: its shape, rule ids that do not exist, and rules whose severity is fixed. */
function settingsProblems(read: SettingsFile): Problem[] {
  if (read.locator === undefined) return read.problems;
  const locator = read.locator;
  const found = shapeProblems(read, settingsSchema, read.data, locator, 'handbook.yaml');
  const rules = isObject(read.data) && isObject(read.data['rules']) ? Object.keys(read.data['rules']) : [];
  for (const rule of rules) {
    const position = locator.locate(['rules', rule], { key: true });
    if (!(RULE_IDS as readonly string[]).includes(rule)) {
      const suggestion = closest(rule, RULE_IDS);
      found.push(problem(read, position, 'unknown-rule', `Unexpected rule \`${rule}\`, expected a rule id that \`handbook check\` reports${suggestion ? ` (did you mean \`${suggestion}\`?)` : ''}`));
    } else if (FIXED_RULES.has(rule)) {
      found.push(problem(read, position, 'fixed-rule', `Unexpected setting for \`${rule}\`, expected it left as it is: it guards what the site can read and publish safely`));
    }
  }
  return found;
}

/** Reads and validates `<dir>/handbook.yaml`; without one, the defaults apply. */
export function readPolicy(dir: string): PolicyFile {
  const read = readSettingsFile(dir);
  const usable = read.exists && read.problems.length === 0;
  return { file: read.file, exists: read.exists, settings: usable ? parseSettings(read.data) : DEFAULT_SETTINGS, problems: settingsProblems(read) };
}

/**
 * Every problem with its rule's severity as the team set it in handbook.yaml: `error`,
 * `warning`, or `off` to drop it. Rules with a fixed severity and unknown ids are left
 * alone (check reports those settings in handbook.yaml).
 */
export function applySeverities(problems: readonly Problem[], settings: Settings): Problem[] {
  const changed = changedRules(settings);
  if (changed.size === 0) return [...problems];
  return problems.flatMap((p) => {
    const severity = changed.get(p.rule);
    if (severity === undefined) return [p];
    return severity === 'off' ? [] : [{ ...p, severity }];
  });
}

/** A check's problems with handbook.yaml's own added and every severity as the team set it, sorted by file and position. */
export function enforcePolicy(policy: PolicyFile, problems: readonly Problem[]): Problem[] {
  return applySeverities([...problems, ...policy.problems], policy.settings).sort(compareProblems);
}

/** The rules a team changed that can be changed. */
function changedRules(settings: Settings): Map<string, Settings['rules'][string]> {
  return new Map(Object.entries(settings.rules).filter(([rule]) => (RULE_IDS as readonly string[]).includes(rule) && !FIXED_RULES.has(rule)));
}

/** How many thresholds differ from their defaults. */
function changedThresholds(settings: Settings): number {
  const { oneWayDoor, ...top } = settings.policy;
  const { oneWayDoor: defaultDoor, ...defaultTop } = DEFAULT_POLICY;
  const differ = <T extends object>(values: T, defaults: T): number => Object.entries(values).filter(([key, value]) => defaults[key as keyof T] !== value).length;
  return differ(top, defaultTop) + differ(oneWayDoor, defaultDoor);
}

/** "Policy: content/handbook.yaml (2 rules changed)" or "Policy: defaults": which policy a check applied. */
export function policyLine(policy: PolicyFile): string {
  if (!policy.exists) return 'Policy: defaults';
  const rules = changedRules(policy.settings).size;
  const thresholds = changedThresholds(policy.settings);
  const changes = [rules > 0 ? `${plural(rules, 'rule')} changed` : '', thresholds > 0 ? `${plural(thresholds, 'threshold')} changed` : ''].filter(Boolean);
  return `Policy: ${policy.file} (${changes.length > 0 ? changes.join(', ') : 'defaults'})`;
}
