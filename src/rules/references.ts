import type { RecordFile } from '../records/load.ts';
import { DECIDED_STATUSES, referencedRefs } from '../model/concepts.ts';
import { recordLinkTarget } from '../model/links.ts';
import type { Position, Problem } from '../records/problem.ts';
import { BODY_LINK, RECORD_REF } from '../schemas/index.ts';
import { fieldLabel, isDraft, isObject, listField, problem, statusOf, stringField, type RecordRule, type RuleContext } from './context.ts';

const PERSON_LISTS = ['contributors', 'deciders', 'consulted', 'informed'] as const;

/** Every person, team and record a record names must exist. */
export const references: RecordRule = (record, context) => {
  if (isDraft(record)) return [];
  const found: Problem[] = [];
  const { data, locator } = record;
  const person = (id: unknown, path: (string | number)[], label: string): void => {
    if (typeof id === 'string' && !context.personIds.has(id)) {
      found.push(problem(record, locator.locate(path), 'unknown-reference', `Unexpected \`${id}\` in ${label}, expected a person id from people.yaml`));
    }
  };
  const target = (ref: string, path: (string | number)[], field: string): void => {
    const [collection = '', id = ref] = ref.split('/');
    if (ref === record.ref) {
      found.push(problem(record, locator.locate(path), 'unknown-reference', `Unexpected reference to this record itself in \`${field}\`, expected another record`));
    } else if (!context.handbook.byRef.has(ref)) {
      const shown = field === 'related' ? ref : id;
      found.push(problem(record, locator.locate(path), 'unknown-reference', `Unexpected \`${shown}\` in \`${field}\`, expected the id of an existing record in ${collection}/`));
    }
  };

  person(data['owner'], ['owner'], '`owner`');
  const team = stringField(data, 'team');
  if (team !== undefined && !context.teamIds.has(team)) {
    found.push(problem(record, locator.locate(['team']), 'unknown-reference', `Unexpected team \`${team}\`, expected a team id from teams.yaml`));
  }
  for (const list of PERSON_LISTS) listField(data, list).forEach((id, i) => person(id, [list, i], `\`${list}\``));
  listField(data, 'actions').forEach((action, i) => {
    if (isObject(action)) person(action['owner'], ['actions', i, 'owner'], fieldLabel(['actions', i, 'owner']));
  });
  for (const { field, ref, index } of referencedRefs(data)) {
    if (field === 'related' && !RECORD_REF.test(ref)) continue;
    target(ref, index === undefined ? [field] : [field, index], field);
  }

  const linked = (ref: string, position: Position, written: string): void => {
    const target = context.handbook.byRef.get(ref);
    if (ref === record.ref) return;
    if (target === undefined) {
      const message = RECORD_REF.test(ref)
        ? `Unexpected link to \`${written}\`, expected the id of an existing record`
        : `Unexpected link to \`${written}\`, expected \`[[<collection>/<id>]]\` with collection outcomes, decisions or postmortems`;
      found.push(problem(record, position, 'broken-link', message));
    } else if (isDraft(target)) {
      found.push(problem(record, position, 'draft-link', `Unexpected link to the draft \`${ref}\`, expected a published record: drafts are not published, so readers would find no page there`));
    }
  };
  for (const prose of record.body.prose) {
    for (const match of prose.source.matchAll(BODY_LINK)) {
      const ref = `${match[1]}/${match[2]}`;
      linked(ref, record.body.lines.positionAt(prose.offset + match.index), ref);
    }
  }
  // Plain Markdown links to records: relative record files (`../decisions/0042-x.md`, the
  // adr-tools and MADR habit) and site paths (`/decisions/0042-x/`), as the site resolves them.
  for (const link of record.body.links ?? []) {
    if (link.kind === 'image') continue;
    const target = recordLinkTarget(link.url, record.ref);
    if (target !== undefined) linked(target.ref, link.position, link.url);
  }
  return found;
};

function decision(context: RuleContext, id: string): RecordFile | undefined {
  return context.handbook.byRef.get(`decisions/${id}`);
}

/** `supersedes` and `supersededBy` agree in both directions. */
export const supersession: RecordRule = (record, context) => {
  if (record.kind.collection !== 'decisions' || isDraft(record)) return [];
  const found: Problem[] = [];
  listField(record.data, 'supersedes').forEach((id, i) => {
    const older = typeof id === 'string' ? decision(context, id) : undefined;
    if (older === undefined || older === record) return;
    if (statusOf(older) !== 'superseded' || older.data['supersededBy'] !== record.id) {
      found.push(
        problem(record, record.locator.locate(['supersedes', i]), 'supersession', `Unexpected \`${String(id)}\` in \`supersedes\` while it is not marked \`status: superseded\` with \`supersededBy: ${record.id}\`, expected both directions to agree`),
      );
    }
  });
  const by = stringField(record.data, 'supersededBy');
  const newer = by === undefined ? undefined : decision(context, by);
  if (by !== undefined && newer !== undefined && newer !== record) {
    if (!listField(newer.data, 'supersedes').includes(record.id)) {
      found.push(problem(record, record.locator.locate(['supersededBy']), 'supersession', `Unexpected \`supersededBy: ${by}\` while ${by} does not list \`${record.id}\` in \`supersedes\`, expected both directions to agree`));
    }
    if (!DECIDED_STATUSES.has(statusOf(newer) ?? '')) {
      found.push(problem(record, record.locator.locate(['supersededBy']), 'supersession', `Unexpected \`supersededBy: ${by}\` whose status is \`${statusOf(newer) ?? 'unknown'}\`, expected a decision that was accepted`));
    }
  }
  if (by !== undefined && statusOf(record) !== 'superseded') {
    found.push(problem(record, record.locator.locate(['supersededBy']), 'supersession', `Unexpected \`supersededBy\` on a decision with status \`${statusOf(record) ?? 'unknown'}\`, expected status \`superseded\``));
  }
  return found;
};
