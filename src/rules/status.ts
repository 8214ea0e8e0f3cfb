import { choiceStatuses } from '../schemas/decisions.ts';
import { fieldLabel, isObject, listField, problem, statusOf, type RecordRule } from './context.ts';

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
    if (itemField !== undefined) {
      return listField(record.data, list).flatMap((item, index) =>
        isObject(item) && isAbsent(item[itemField])
          ? [problem(record, record.locator.locate([list, index]), 'required-field', `Missing ${fieldLabel([list, index, itemField])}, required when status is \`${status}\``)]
          : [],
      );
    }
    const value = record.data[list];
    if (value === undefined || value === null || value === '') {
      return [problem(record, record.locator.locate(['status']), 'required-field', `Missing \`${list}\`, required when status is \`${status}\``)];
    }
    const min = Array.isArray(value) ? (minItems[list] ?? 1) : 0;
    if (Array.isArray(value) && value.length < min) {
      return [problem(record, record.locator.locate([list], { key: true }), 'required-field', `Unexpected ${value.length} item${value.length === 1 ? '' : 's'} in \`${list}\`, expected at least ${min} when status is \`${status}\``)];
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
  return [problem(record, record.locator.locate(['options'], { key: true }), 'chosen-option', `Unexpected ${chosen} chosen options, expected exactly one \`chosen: true\` when status is \`${status}\``)];
};
