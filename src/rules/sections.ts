import type { Collection } from '../schemas/index.ts';
import { isUnreviewedImport, problem, statusOf, type RecordRule } from './context.ts';
import { IMPORT_GAP_NOTE } from './status.ts';

const normalise = (title: string): string => title.trim().toLowerCase();

/**
 * Required sections that history cannot have: a decision taken years ago was rarely written
 * with its options weighed. Missing or empty in an unreviewed import, they are warnings.
 */
const IMPORT_GAP_SECTIONS: Readonly<Record<Collection, ReadonlySet<string>>> = {
  outcomes: new Set(),
  decisions: new Set(['Options']),
  postmortems: new Set(),
};

/** Required sections are level-2 headings with text under them. */
export const sections: RecordRule = (record) => {
  const status = statusOf(record);
  if (status === undefined) return [];
  const { body } = record;
  const imported = isUnreviewedImport(record);
  return Object.entries(record.kind.rules.sections).flatMap(([title, statuses]) => {
    if (!statuses.includes(status)) return [];
    const gap = imported && IMPORT_GAP_SECTIONS[record.kind.collection].has(title);
    const [severity, note] = gap ? (['warning', IMPORT_GAP_NOTE] as const) : (['error', ''] as const);
    const matches = body.sections.filter((section) => normalise(section.title) === normalise(title));
    const atLevel2 = matches.find((section) => section.depth === 2);
    if (atLevel2 === undefined) {
      const elsewhere = matches[0];
      return elsewhere === undefined
        ? [problem(record, body.start, 'section-missing', `Missing section \`## ${title}\`, required when status is \`${status}\`${note}`, severity)]
        : [problem(record, elsewhere.position, 'section-level', `Unexpected level-${elsewhere.depth} heading \`${title}\`, expected a level-2 heading \`## ${title}\``)];
    }
    return atLevel2.empty
      ? [problem(record, atLevel2.position, 'section-empty', `Unexpected empty section \`## ${title}\`, expected text under the heading${note}`, severity)]
      : [];
  });
};
