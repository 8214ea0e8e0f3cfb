import { decisionNumber } from '../model/concepts.ts';
import type { Problem } from '../records/problem.ts';
import { isObject, problem, type RuleContext } from './context.ts';

/** Record file names follow their kind's pattern; ids and decision numbers are unique. */
export function naming(context: RuleContext): Problem[] {
  const found: Problem[] = [];
  const seenRefs = new Map<string, string>();
  const seenNumbers = new Map<number, string>();
  for (const record of context.handbook.records) {
    const start = { line: 1, column: 1 };
    const { pattern, expected } = record.kind.fileName;
    if (!pattern.test(record.id)) {
      found.push(problem(record, start, 'file-name', `Unexpected file name \`${record.id}\`, expected ${expected}`));
    }
    const first = seenRefs.get(record.ref);
    if (first === undefined) seenRefs.set(record.ref, record.file);
    else found.push(problem(record, start, 'duplicate-id', `Unexpected duplicate id \`${record.id}\`, already used by ${first.split('/').at(-1) ?? first}`));
    if (record.kind.collection !== 'decisions') continue;
    const number = decisionNumber(record.id);
    if (number === undefined) continue;
    const owner = seenNumbers.get(number);
    if (owner === undefined) seenNumbers.set(number, record.ref);
    else if (first === undefined) found.push(problem(record, start, 'duplicate-number', `Unexpected decision number ${String(number).padStart(4, '0')}, already used by ${owner}`));
  }
  return found;
}

/** people.yaml and teams.yaml: unique ids, and every team and lead they name exists. */
export function directory(context: RuleContext): Problem[] {
  const found: Problem[] = [];
  const { people, teams } = context.handbook;
  for (const list of [people, teams]) {
    const seen = new Set<string>();
    list.items.forEach((item, i) => {
      const id = isObject(item) ? item['id'] : undefined;
      if (typeof id !== 'string' || list.locator === undefined) return;
      if (seen.has(id)) found.push(problem(list, list.locator.locate([i, 'id']), 'duplicate-id', `Unexpected duplicate id \`${id}\`, expected each id once`));
      seen.add(id);
    });
  }
  people.items.forEach((item, i) => {
    const team = isObject(item) ? item['team'] : undefined;
    if (typeof team === 'string' && people.locator && !context.teamIds.has(team)) {
      found.push(problem(people, people.locator.locate([i, 'team']), 'unknown-reference', `Unexpected team \`${team}\`, expected a team id from teams.yaml`));
    }
  });
  teams.items.forEach((item, i) => {
    const lead = isObject(item) ? item['lead'] : undefined;
    if (typeof lead === 'string' && teams.locator && !context.personIds.has(lead)) {
      found.push(problem(teams, teams.locator.locate([i, 'lead']), 'unknown-reference', `Unexpected lead \`${lead}\`, expected a person id from people.yaml`));
    }
  });
  return found;
}
