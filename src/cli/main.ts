import { existsSync, readFileSync } from 'node:fs';
import { visible } from '../check/visible.ts';
import { crashReport, EXIT, Refusal, UsageError, type CommandIO } from './io.ts';

type Run = (args: string[], io: CommandIO) => number | Promise<number>;

/**
 * Each command's module is loaded only when that command runs, so `handbook check` does not
 * wait for the importers or Astro, and `--version` for nothing at all.
 */
type Command = { summary: string; load: () => Promise<{ usage: string; run: Run }> };

const COMMANDS: Record<string, Command> = {
  init: { summary: "Make a team's handbook: package.json, astro.config.mjs, content/ and the GitHub workflow", load: async () => import('./init.ts').then((m) => ({ usage: m.initUsage, run: m.runInit })) },
  check: { summary: 'Check every record and report all problems with file, line and column', load: async () => import('./check.ts').then((m) => ({ usage: m.checkUsage, run: m.runCheck })) },
  build: { summary: 'Build the site and search index, replacing dist/ only when everything succeeded', load: async () => import('./build.ts').then((m) => ({ usage: m.buildUsage, run: m.runBuild })) },
  new: { summary: 'Write a new draft outcome, decision or postmortem from its template', load: async () => import('./new.ts').then((m) => ({ usage: m.newUsage, run: m.runNew })) },
  list: { summary: 'List records by kind, status, owner, team, tag or overdue', load: async () => import('./list.ts').then((m) => ({ usage: m.listUsage, run: m.runList })) },
  import: { summary: 'Import ADRs (adr-tools, MADR, log4brains) or SRE postmortems as records', load: async () => import('./import.ts').then((m) => ({ usage: m.importUsage, run: m.runImport })) },
  schema: { summary: 'Write JSON Schema of the content model for editors and tools', load: async () => import('./schema.ts').then((m) => ({ usage: m.schemaUsage, run: m.runSchema })) },
  status: { summary: 'Move a record to its next status, filling the date it needs or saying what is missing', load: async () => import('./status.ts').then((m) => ({ usage: m.statusUsage, run: m.runStatus })) },
  supersede: { summary: 'Record that a new decision replaces an old one, in both files', load: async () => import('./supersede.ts').then((m) => ({ usage: m.supersedeUsage, run: m.runSupersede })) },
  review: { summary: "Add a review with its verdict to a decision's log and set its next review", load: async () => import('./review.ts').then((m) => ({ usage: m.reviewUsage, run: m.runReview })) },
  checkin: { summary: "Add a check-in (confidence, current values, note) to a committed outcome's log", load: async () => import('./checkin.ts').then((m) => ({ usage: m.checkinUsage, run: m.runCheckin })) },
  loops: { summary: 'List open loops per owner: reviews, due outcomes, stale check-ins, overdue actions', load: async () => import('./loops.ts').then((m) => ({ usage: m.loopsUsage, run: m.runLoops })) },
};

export const usage = `Usage: handbook <command> [options]
       handbook --version

Commands:
${Object.entries(COMMANDS)
  .map(([name, command]) => `  ${name.padEnd(9)} ${command.summary}`)
  .join('\n')}

Exit codes:
  ${EXIT.ok}  done, no content errors
  ${EXIT.content}  the content has errors (check, build), or the command could not do its work (new, import)
  ${EXIT.usage}  a usage error, or a refusal to do something unsafe (such as build --out .)
  ${EXIT.internal}  an internal error; HANDBOOK_DEBUG=1 shows its stack trace

Run \`handbook <command> --help\` for a command's options.`;

/**
 * The version in the package's own package.json, so a bug report can name what ran: the
 * nearest one above this module, which runs from src/cli/ in a checkout and from a bundled
 * lib/ when installed.
 */
export function version(): string {
  for (let folder = new URL('.', import.meta.url); ; folder = new URL('..', folder)) {
    const file = new URL('package.json', folder);
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
    if (folder.pathname === '/') return 'unknown';
  }
}

/** Runs the CLI and returns the exit code, one of EXIT; nothing it is given makes it throw. */
export async function main(argv: string[], io: CommandIO): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    io.stdout(`${usage}\n`);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`handbook ${version()}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    io.stderr(`handbook: Unexpected command \`${visible(name)}\`, expected one of ${Object.keys(COMMANDS).join(', ')}\n\n${usage}\n`);
    return EXIT.usage;
  }
  let loaded: Awaited<ReturnType<Command['load']>>;
  try {
    loaded = await command.load();
  } catch (error) {
    io.stderr(crashReport(`handbook ${name}`, error));
    return EXIT.internal;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(`${loaded.usage}\n`);
    return EXIT.ok;
  }
  try {
    return await loaded.run(args, io);
  } catch (error) {
    if (error instanceof Refusal) io.stderr(`handbook ${name}: ${visible(error.message)}\n`);
    else if (error instanceof UsageError) io.stderr(`handbook ${name}: ${visible(error.message)}\n\n${loaded.usage}\n`);
    else io.stderr(crashReport(`handbook ${name}`, error));
    return error instanceof UsageError ? EXIT.usage : EXIT.internal;
  }
}
