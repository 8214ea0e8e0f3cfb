import { localToday } from '../check/index.ts';
import type { FileNote } from '../import/files.ts';
import { IMPORT_GAP_NOTE } from '../rules/status.ts';
import { FORMATS, ImportError, planImport, writeImport, type Format, type ImportPlan } from '../import/plan.ts';
import { UsageError, type CommandIO } from './io.ts';
import { dateValue, parseCommand } from './parse.ts';

export const importUsage = `Usage: handbook import <${FORMATS.join('|')}> SOURCE_DIR [--into DIR] [--owner ID] [--dry-run]

Converts a folder of ADRs (adr-tools, MADR 2/3/4, log4brains) or SRE-style postmortems
into records under DIR (default: content), each with its provenance (\`imported\`: source
file, hash, reviewed: false). Every file under SOURCE_DIR is reported: imported, already
imported (unchanged or changed upstream), skipped with a reason, or not a record. Decisions
keep their numbers unless taken; every word of the source is kept; links, "ADR 10" in prose
and local images are carried over. Existing files are never overwritten, and a re-import
writes nothing for files imported before. --dry-run prints the report and writes nothing.`;

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** Files of one outcome, as indented `file: reason` lines under a heading; files of a folder that share a reason share a line. */
function group(files: FileNote[], outcome: FileNote['outcome'], heading: string): string[] {
  const lines = new Map<string, string[]>();
  for (const f of files.filter((file) => file.outcome === outcome)) {
    const folder = f.file.replace(/[^/]*\/?$/, '');
    const key = `${folder}\0${f.reason}`;
    lines.set(key, [...(lines.get(key) ?? []), f.file.slice(folder.length)]);
  }
  if (lines.size === 0) return [];
  return [
    '',
    heading,
    ...[...lines].map(([key, names]) => {
      const [folder, reason] = key.split('\0') as [string, string];
      return names.length === 1 ? `  ${folder}${names[0]}: ${reason}` : `  ${folder}{${names.join(', ')}}: ${reason}`;
    }),
  ];
}

/**
 * What check says of an imported record: errors in full; the gaps an unreviewed import may
 * have (warnings naming a missing field or section) on one line, so the report stays readable.
 */
function checkLines(problems: ImportPlan['records'][number]['problems']): string[] {
  const gaps = problems.filter((p) => p.message.endsWith(IMPORT_GAP_NOTE));
  const named = gaps.map((p) => /`([^`]+)`/.exec(p.message)?.[1] ?? p.rule);
  const others = problems.filter((p) => !gaps.includes(p)).map((p) => `  check ${p.line}:${p.column} ${p.severity} ${p.rule} ${p.message}`);
  return [...others, ...(gaps.length === 0 ? [] : [`  gaps  ${[...new Set(named)].join(', ')}: warnings until reviewed`])];
}

export function importReport(plan: ImportPlan, source: string, into: string, dryRun: boolean): string {
  const { records, files } = plan;
  const lines: string[] = [];
  if (records.length === 0) {
    lines.push(`Nothing to import: every record in ${source} was imported into ${into} before; nothing was written.`);
  } else {
    lines.push(`${dryRun ? 'Would import' : 'Imported'} ${plural(records.length, 'record')} into ${into}:`);
    for (const record of records) {
      lines.push('', `${record.file} → ${into}/${record.path} (${record.status})`);
      for (const note of record.notes) lines.push(`  note  ${note}`);
      lines.push(...checkLines(record.problems));
    }
  }
  lines.push(...group(files, 'unchanged', 'Already imported, unchanged:'));
  lines.push(...group(files, 'changed', 'Already imported, changed upstream since:'));
  const images = plan.images.map((image) => `  ${image.file} → ${into}/${image.path}`);
  if (images.length > 0) lines.push('', `Images ${dryRun ? 'to copy' : 'copied'} beside their records:`, ...images);
  if (plan.remoteImages.length > 0) lines.push('', 'Images on other hosts, not copied (copy them in, or allow their hosts):', ...plan.remoteImages.map((r) => `  ${r.file}: ${r.url}`));
  lines.push(...group(files, 'skipped', 'Skipped:'));
  lines.push(...group(files, 'not-a-record', 'Not records:'));
  if (plan.people.length > 0) {
    lines.push('', `${dryRun ? 'Would add' : 'Added'} ${plural(plan.people.length, 'person', 'people')} to ${into}/people.yaml for review:`);
    for (const person of plan.people) lines.push(`  ${person.id} (${person.name}, team ${person.team}, from ${person.source})`);
  }
  if (records.length > 0) {
    const failing = records.filter((r) => r.problems.some((p) => p.severity === 'error')).length;
    const warned = records.filter((r) => r.problems.some((p) => p.severity === 'warning')).length;
    lines.push(
      '',
      failing === 0
        ? `Every imported record passes \`handbook check\`${warned > 0 ? `; ${plural(warned, 'record has', 'records have')} warnings for what the source never had, until reviewed (\`imported.reviewed: true\`)` : ''}.`
        : `${failing} of ${plural(records.length, 'imported record')} have errors for their status; run \`handbook check\` to see them with positions.`,
    );
  }
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
    const plan = planImport({ format: format as Format, source, into, owner: values['owner'] as string | undefined, today: dateValue('--today', values.today) ?? localToday() });
    if (!dryRun) writeImport(plan, into);
    io.stdout(importReport(plan, source, into, dryRun));
    return 0;
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    io.stderr(`handbook import: ${error.message}\n`);
    return 1;
  }
}
