import { checkHandbook, countErrors } from '../check/index.ts';
import { FORMATS, formatGithub, formatJson, formatPretty, summaryLine, type Format } from '../check/report.ts';
import { policyLine } from '../rules/policy.ts';
import { EXIT, UsageError, type CommandIO } from './io.ts';
import { dateValue, parseCommand, recordsFolder } from './parse.ts';

export const checkUsage = `Usage: handbook check [DIR] [--format pretty|github|json] [--strict] [--today YYYY-MM-DD]

Checks every record, people.yaml and teams.yaml under DIR (default: content) and
reports all problems. Exits 1 when there is an error (or, with --strict, a warning).`;

const isFormat = (value: string): value is Format => (FORMATS as readonly string[]).includes(value);

export function runCheck(args: string[], io: CommandIO): number {
  const { values, positionals } = parseCommand(args, {
    format: { type: 'string', default: 'pretty' },
    strict: { type: 'boolean', default: false },
    today: { type: 'string' },
  });
  const { format, strict } = values;
  if (!isFormat(format)) throw new UsageError(`Unexpected format \`${format}\`, expected one of ${FORMATS.join(', ')}`);
  const today = dateValue('--today', values.today);
  const dir = recordsFolder(positionals);

  const { problems, records, policy } = checkHandbook(dir, today === undefined ? {} : { today });
  if (format === 'json') io.stdout(formatJson(problems, records));
  else if (format === 'github') io.stdout(`${formatGithub(problems)}${summaryLine(problems, records)}\n`);
  else io.stdout(formatPretty(problems, records, { colour: io.colour, policy: policyLine(policy) }));
  const { errors, warnings } = countErrors(problems);
  return errors > 0 || (strict && warnings > 0) ? EXIT.content : EXIT.ok;
}
