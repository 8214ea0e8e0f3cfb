import { existsSync, statSync } from 'node:fs';
import { localToday } from '../check/index.ts';
import { loadHandbook } from '../records/load.ts';
import { formatTable, queryRecords } from '../records/query.ts';
import { isIsoDate, kinds } from '../schemas/index.ts';
import { UsageError, type CommandIO } from './io.ts';
import { parseCommand } from './parse.ts';

export const listUsage = `Usage: handbook list [DIR] [--kind K] [--status S] [--owner ID] [--team ID] [--tag T] [--overdue] [--format table|json] [--today YYYY-MM-DD]

Lists the records under DIR (default: content) that match every filter given, drafts
included. --overdue keeps records whose review, due date or follow-up action is late.`;

export function runList(args: string[], io: CommandIO): number {
  const { values, positionals } = parseCommand(args, {
    kind: { type: 'string' },
    status: { type: 'string' },
    owner: { type: 'string' },
    team: { type: 'string' },
    tag: { type: 'string' },
    overdue: { type: 'boolean', default: false },
    format: { type: 'string', default: 'table' },
    today: { type: 'string' },
  });
  const format = values['format'] as string;
  if (format !== 'table' && format !== 'json') throw new UsageError(`Unexpected format \`${format}\`, expected table or json`);
  const kind = values['kind'] as string | undefined;
  const kindNames = kinds.flatMap((k) => [k.singular, k.collection]);
  if (kind !== undefined && !kindNames.includes(kind)) throw new UsageError(`Unexpected kind \`${kind}\`, expected one of ${kinds.map((k) => k.singular).join(', ')}`);
  const today = (values['today'] as string | undefined) ?? localToday();
  if (!isIsoDate(today)) throw new UsageError(`Unexpected --today \`${today}\`, expected a date written YYYY-MM-DD`);
  if (positionals.length > 1) throw new UsageError(`Unexpected arguments ${positionals.slice(1).join(' ')}, expected at most one DIR`);
  const dir = positionals[0] ?? 'content';
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`Unexpected DIR \`${dir}\`, expected a folder of records`);

  const filters = {
    kind,
    status: values['status'] as string | undefined,
    owner: values['owner'] as string | undefined,
    team: values['team'] as string | undefined,
    tag: values['tag'] as string | undefined,
    overdue: values['overdue'] === true,
  };
  const rows = queryRecords(loadHandbook(dir), filters, today);
  io.stdout(format === 'json' ? `${JSON.stringify(rows, null, 2)}\n` : formatTable(rows));
  return 0;
}
