import { buildUsage, runBuild } from './build.ts';
import { checkUsage, runCheck } from './check.ts';
import { importUsage, runImport } from './import.ts';
import { UsageError, type CommandIO } from './io.ts';
import { listUsage, runList } from './list.ts';
import { newUsage, runNew } from './new.ts';
import { runSchema, schemaUsage } from './schema.ts';

type Command = { summary: string; usage: string; run: (args: string[], io: CommandIO) => number | Promise<number> };

const COMMANDS: Record<string, Command> = {
  check: { summary: 'Check every record and report all problems with file, line and column', usage: checkUsage, run: runCheck },
  build: { summary: 'Build the site and search index, replacing dist/ only when everything succeeded', usage: buildUsage, run: runBuild },
  new: { summary: 'Write a new draft outcome, decision or postmortem from its template', usage: newUsage, run: runNew },
  list: { summary: 'List records by kind, status, owner, team, tag or overdue', usage: listUsage, run: runList },
  import: { summary: 'Import ADRs (adr-tools, MADR, log4brains) or SRE postmortems as records', usage: importUsage, run: runImport },
  schema: { summary: 'Write JSON Schema of the content model for editors and tools', usage: schemaUsage, run: runSchema },
};

export const usage = `Usage: handbook <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, command]) => `  ${name.padEnd(8)} ${command.summary}`)
  .join('\n')}

Run \`handbook <command> --help\` for a command's options.`;

/** Runs the CLI and returns the exit code: 0 ok, 1 content errors, 2 usage errors. */
export async function main(argv: string[], io: CommandIO): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    io.stdout(`${usage}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    io.stderr(`handbook: Unexpected command \`${name}\`, expected one of ${Object.keys(COMMANDS).join(', ')}\n\n${usage}\n`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`handbook ${name}: ${error.message}\n\n${command.usage}\n`);
    return 2;
  }
}
