import { localToday } from '../check/index.ts';
import { loopsJson, loopsMarkdown, loopsPretty, openLoops, type Person } from '../lifecycle/loops.ts';
import { loadHandbook } from '../records/load.ts';
import { readSettings } from '../records/settings.ts';
import { isObject } from '../rules/context.ts';
import { UsageError, type CommandIO } from './io.ts';
import { dateValue, parseCommand, recordsFolder } from './parse.ts';

export const loopsUsage = `Usage: handbook loops [DIR] [--owner ID] [--format pretty|markdown|json] [--today YYYY-MM-DD] [--site URL]

Lists every open loop of the published records under DIR (default: content), per person,
as of --today (default HANDBOOK_TODAY, else today): reviews due soon or past due,
decisions owed a review after a missed outcome, committed outcomes due soon or late,
outcomes without a recent check-in, and overdue actions. "Soon" and "recent" are
policy.dueSoon and policy.checkinEvery in handbook.yaml. --site (default
HANDBOOK_SITE) links each loop to its published page; --format markdown writes the body of
the "Open loops" issue, mentioning each owner by their GitHub handle.`;

const FORMATS = { pretty: loopsPretty, markdown: loopsMarkdown, json: loopsJson } as const;

export function runLoops(args: string[], io: CommandIO): number {
  const { values, positionals } = parseCommand(args, {
    owner: { type: 'string' },
    format: { type: 'string', default: 'pretty' },
    today: { type: 'string' },
    site: { type: 'string' },
  });
  const { format, owner } = values;
  if (!(format in FORMATS)) throw new UsageError(`Unexpected format \`${format}\`, expected one of ${Object.keys(FORMATS).join(', ')}`);
  const site = values.site ?? (process.env['HANDBOOK_SITE'] || undefined);
  if (site !== undefined && !/^https?:\/\/[^\s/]+/.test(site)) throw new UsageError(`Unexpected --site \`${site}\`, expected the published handbook's address, e.g. https://acme.github.io/handbook`);
  // The day the site was built for, when a workflow sets it, so the issue and the site agree.
  const today = dateValue('--today', values.today) ?? dateValue('HANDBOOK_TODAY', process.env['HANDBOOK_TODAY'] || undefined) ?? localToday();
  const dir = recordsFolder(positionals);
  const handbook = loadHandbook(dir);
  const people = handbook.people.items.filter((p): p is Person => isObject(p) && typeof p['id'] === 'string');
  if (owner !== undefined && !people.some((p) => p.id === owner)) throw new UsageError(`Unexpected --owner \`${owner}\`, expected a person id from people.yaml: ${people.map((p) => p.id).join(', ')}`);
  const records = handbook.records.map((r) => ({ ref: r.ref, collection: r.kind.collection, data: r.data }));
  const owners = openLoops(records, people, today, readSettings(dir)).filter((o) => owner === undefined || o.owner === owner);
  io.stdout(FORMATS[format as keyof typeof FORMATS](owners, today, site));
  return 0;
}
