import { existsSync, statSync } from 'node:fs';
import { isIsoDate } from '../schemas/index.ts';
import { checkHandbook, countErrors } from '../check/index.ts';
import { FORMATS, formatGithub, formatJson, formatPretty, summaryLine, type Format } from '../check/report.ts';
import { UsageError, type CommandIO } from './io.ts';
import { parseCommand } from './parse.ts';

export const checkUsage = `Usage: handbook check [DIR] [--format pretty|github|json] [--strict] [--today YYYY-MM-DD]

Checks every record, people.yaml and teams.yaml under DIR (default: content) and
reports all problems. Exits 1 when there is an error (or, with --strict, a warning).`;

export function runCheck(args: string[], io: CommandIO): number {
  const { values, positionals } = parseCommand(args, {
    format: { type: 'string', default: 'pretty' },
    strict: { type: 'boolean', default: false },
    today: { type: 'string' },
  });
  const format = values['format'] as string;
  if (!FORMATS.includes(format as Format)) throw new UsageError(`Unexpected format \`${format}\`, expected one of ${FORMATS.join(', ')}`);
  const today = values['today'] as string | undefined;
  if (today !== undefined && !isIsoDate(today)) throw new UsageError(`Unexpected --today \`${today}\`, expected a date written YYYY-MM-DD`);
  if (positionals.length > 1) throw new UsageError(`Unexpected arguments ${positionals.slice(1).join(' ')}, expected at most one DIR`);
  const dir = positionals[0] ?? 'content';
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`Unexpected DIR \`${dir}\`, expected a folder of records`);

  const { problems, records } = checkHandbook(dir, today === undefined ? {} : { today });
  if (format === 'json') io.stdout(formatJson(problems, records));
  else if (format === 'github') io.stdout(`${formatGithub(problems)}${summaryLine(problems, records)}\n`);
  else io.stdout(formatPretty(problems, records, { colour: io.colour }));
  const { errors, warnings } = countErrors(problems);
  return errors > 0 || (values['strict'] === true && warnings > 0) ? 1 : 0;
}
