import { localToday } from '../check/index.ts';
import { visible } from '../check/visible.ts';
import { loadHandbook } from '../records/load.ts';
import { formatTable, queryRecords, type Row } from '../records/query.ts';
import { kinds } from '../schemas/index.ts';
import { EXIT, UsageError, type CommandIO } from './io.ts';
import { dateValue, parseCommand, recordsFolder } from './parse.ts';

export const listUsage = `Usage: handbook list [DIR] [--kind K] [--status S] [--owner ID] [--team ID] [--tag T] [--overdue] [--format table|json] [--today YYYY-MM-DD]

Lists the records under DIR (default: content) that match every filter given, drafts
included. --overdue keeps records whose review, due date or follow-up action is late.`;

/** A row whose text a terminal shows as written: escape codes in a title or an owner are printed escaped, not obeyed. */
function shown(row: Row): Row {
  return { ...row, ref: visible(row.ref), status: visible(row.status), owner: visible(row.owner), team: visible(row.team), title: visible(row.title), date: visible(row.date) };
}

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
  const { format, kind, status, owner, team, tag, overdue } = values;
  if (format !== 'table' && format !== 'json') throw new UsageError(`Unexpected format \`${format}\`, expected table or json`);
  const kindNames = kinds.flatMap((k) => [k.singular, k.collection]);
  if (kind !== undefined && !kindNames.includes(kind)) throw new UsageError(`Unexpected kind \`${kind}\`, expected one of ${kinds.map((k) => k.singular).join(', ')}`);
  const today = dateValue('--today', values.today) ?? localToday();
  const dir = recordsFolder(positionals);

  const rows = queryRecords(loadHandbook(dir), { kind, status, owner, team, tag, overdue }, today);
  io.stdout(format === 'json' ? `${JSON.stringify(rows, null, 2)}\n` : formatTable(rows.map(shown)));
  return EXIT.ok;
}
