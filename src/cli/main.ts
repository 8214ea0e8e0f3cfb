import { checkUsage, runCheck } from './check.ts';
import { UsageError, type CommandIO } from './io.ts';

type Command = { usage: string; run: (args: string[], io: CommandIO) => number | Promise<number> };

const COMMANDS: Record<string, Command> = {
  check: { usage: checkUsage, run: runCheck },
};

export const usage = `Usage: handbook <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, command]) => `  ${name.padEnd(8)} ${command.usage.split('\n')[2] ?? ''}`)
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
