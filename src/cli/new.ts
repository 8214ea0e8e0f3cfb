import { existsSync, statSync } from 'node:fs';
import { localToday } from '../check/index.ts';
import { createRecord, kindNamed, NewRecordError, resolveOwner } from '../authoring/new.ts';
import { isIsoDate, kinds } from '../schemas/index.ts';
import { UsageError, type CommandIO } from './io.ts';
import { parseCommand } from './parse.ts';

const KIND_NAMES = kinds.map((k) => k.singular).join('|');

export const newUsage = `Usage: handbook new <${KIND_NAMES}> "Title" [--owner ID] [--date YYYY-MM-DD] [--dir DIR]

Writes a draft record from DIR/_templates/<kind>.md (DIR defaults to content) and prints
its path. The owner defaults to the person in people.yaml whose github matches git's
user.name or user.email; --date (default today) names postmortems and sets \`created\`.`;

export function runNew(args: string[], io: CommandIO): number {
  const { values, positionals } = parseCommand(args, {
    owner: { type: 'string' },
    date: { type: 'string' },
    dir: { type: 'string', default: 'content' },
  });
  const [kindName, title, ...rest] = positionals;
  if (kindName === undefined || title === undefined) throw new UsageError(`Missing ${kindName === undefined ? 'kind and title' : 'title'}, expected \`handbook new <${KIND_NAMES}> "Title"\``);
  if (rest.length > 0) throw new UsageError(`Unexpected arguments ${rest.join(' ')}, expected the title in quotes`);
  const kind = kindNamed(kindName);
  if (kind === undefined) throw new UsageError(`Unexpected kind \`${kindName}\`, expected one of ${KIND_NAMES.replaceAll('|', ', ')}`);
  const date = (values['date'] as string | undefined) ?? localToday();
  if (!isIsoDate(date)) throw new UsageError(`Unexpected --date \`${date}\`, expected a date written YYYY-MM-DD`);
  const dir = values['dir'] as string;
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`Unexpected --dir \`${dir}\`, expected a folder of records`);

  try {
    const owner = resolveOwner(dir, values['owner'] as string | undefined);
    const path = createRecord(dir, { kind, title, owner, date });
    io.stdout(`Created ${path} (draft, owned by ${owner}).\nFill in every <prompt>, then move its status on; \`handbook check\` flags prompts left in a non-draft.\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof NewRecordError)) throw error;
    io.stderr(`handbook new: ${error.message}\n`);
    return 1;
  }
}
