import { isUnreviewedImport, problem, statusOf, type RecordRule } from './context.ts';
import { IMPORT_GAP_NOTE } from './status.ts';

const normalise = (title: string): string => title.trim().toLowerCase();

/**
 * Required sections are level-2 headings with text under them. An imported record nobody
 * has reviewed keeps the sections its own template had, so a section the model names and
 * the source lacks is a warning there until a person restructures it.
 */
export const sections: RecordRule = (record) => {
  const status = statusOf(record);
  if (status === undefined) return [];
  const { body } = record;
  return Object.entries(record.kind.rules.sections).flatMap(([title, statuses]) => {
    if (!statuses.includes(status)) return [];
    const [severity, note] = isUnreviewedImport(record) ? (['warning', IMPORT_GAP_NOTE] as const) : (['error', ''] as const);
    const matches = body.sections.filter((section) => normalise(section.title) === normalise(title));
    const atLevel2 = matches.find((section) => section.depth === 2);
    if (atLevel2 === undefined) {
      const elsewhere = matches[0];
      return elsewhere === undefined
        ? [problem(record, body.start, 'section-missing', `Missing section \`## ${title}\`, required when status is \`${status}\`${note}`, severity)]
        : [problem(record, elsewhere.position, 'section-level', `Unexpected level-${elsewhere.depth} heading \`${title}\`, expected a level-2 heading \`## ${title}\``)];
    }
    return atLevel2.empty ? [problem(record, atLevel2.position, 'section-empty', `Unexpected empty section \`## ${title}\`, expected text under the heading${note}`, severity)] : [];
  });
};
