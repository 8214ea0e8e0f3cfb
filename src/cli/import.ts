import { localToday } from '../check/index.ts';
import { FORMATS, ImportError, planImport, writeImport, type Format, type ImportPlan } from '../import/plan.ts';
import { UsageError, type CommandIO } from './io.ts';
import { parseCommand } from './parse.ts';

export const importUsage = `Usage: handbook import <${FORMATS.join('|')}> SOURCE_DIR [--into DIR] [--owner ID] [--dry-run]

Converts a folder of ADRs (adr-tools, MADR 2/3/4, log4brains) or SRE-style postmortems
into records under DIR (default: content). Decisions keep their numbers unless taken
(then they are renumbered and links rewritten); sections keep their text; people the
sources name who are not in people.yaml are added there for review. Existing files are
never overwritten. Prints a report per file with what was not mapped and what
\`handbook check\` will say; --dry-run prints it and writes nothing.`;

function report(plan: ImportPlan, into: string, dryRun: boolean): string {
  const lines = [`${dryRun ? 'Would import' : 'Imported'} ${plan.records.length} record${plan.records.length === 1 ? '' : 's'} into ${into}:`];
  for (const record of plan.records) {
    lines.push(``, `${record.source} → ${into}/${record.path} (${record.status})`);
    for (const note of record.notes) lines.push(`  note  ${note}`);
    for (const problem of record.problems) lines.push(`  check ${problem}`);
  }
  if (plan.people.length > 0) {
    lines.push('', `${dryRun ? 'Would add' : 'Added'} ${plan.people.length} ${plan.people.length === 1 ? 'person' : 'people'} to ${into}/people.yaml for review:`);
    for (const person of plan.people) lines.push(`  ${person.id} (${person.name}, team ${person.team}, from ${person.source})`);
  }
  for (const skip of plan.skipped) lines.push('', `Skipped ${skip.source}: ${skip.reason}`);
  const checked = plan.records.filter((r) => r.problems.length > 0).length;
  lines.push('', checked === 0 ? 'Every imported record passes `handbook check`.' : `${checked} of ${plan.records.length} imported records have gaps for their status; run \`handbook check\` to see them with positions.`);
  return `${lines.join('\n')}\n`;
}

export function runImport(args: string[], io: CommandIO): number {
  const { values, positionals } = parseCommand(args, {
    into: { type: 'string', default: 'content' },
    owner: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    today: { type: 'string' },
  });
  const [format, source, ...rest] = positionals;
  if (format === undefined || source === undefined) throw new UsageError(`Missing ${format === undefined ? 'format and SOURCE_DIR' : 'SOURCE_DIR'}, expected \`handbook import <format> SOURCE_DIR\``);
  if (rest.length > 0) throw new UsageError(`Unexpected arguments ${rest.join(' ')}, expected one SOURCE_DIR`);
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`Unexpected format \`${format}\`, expected one of ${FORMATS.join(', ')}`);
  const into = (values['into'] as string).replace(/\/+$/, '');
  const dryRun = values['dry-run'] as boolean;
  try {
    const plan = planImport({ format: format as Format, source, into, owner: values['owner'] as string | undefined, today: (values['today'] as string | undefined) ?? localToday() });
    if (!dryRun) writeImport(plan, into);
    io.stdout(report(plan, into, dryRun));
    return 0;
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    io.stderr(`handbook import: ${error.message}\n`);
    return 1;
  }
}
