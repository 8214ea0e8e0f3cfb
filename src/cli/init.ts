import { DEFAULT_TEAM, ExistingFiles, initHandbook, InitError } from '../authoring/init.ts';
import { visible } from '../check/visible.ts';
import { EXIT, UsageError, type CommandIO } from './io.ts';
import { parseCommand } from './parse.ts';

export const initUsage = `Usage: handbook init [DIR] [--title TITLE] [--owner ID] [--name NAME] [--github LOGIN]
                     [--team ID] [--package SPEC] [--example]

Makes a team's handbook in DIR (default: the current folder): package.json, astro.config.mjs,
content/ with people.yaml, teams.yaml, the templates and a folder per kind, a README for
writers, .gitignore and the GitHub workflow that checks, builds and publishes it. It never
replaces a file: when any of them exists it writes nothing and names them.

  --title     the site's title (default: the folder's name)
  --owner     your id in people.yaml (default: git's user.name as a slug)
  --name      your name (default: git's user.name)
  --github    your GitHub login (default: the one in a GitHub no-reply user.email)
  --team      your team's id (default: ${DEFAULT_TEAM})
  --package   where package.json installs handbook from: a tarball from \`npm pack\` (copied
              into vendor/), a folder or a git URL (default: what \`npx --package\` was given)
  --example   start with the example handbook's records instead of empty folders

The site's address, base path and repository come from \`git remote get-url origin\` when it
is on GitHub; otherwise the workflow sets them when it publishes.`;

/** A path as one word of a POSIX shell command, quoted only when it needs to be. */
const shellWord = (path: string): string => (/^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replaceAll("'", "'\\''")}'`);

export function runInit(args: string[], io: CommandIO): number {
  const { values, positionals } = parseCommand(args, {
    title: { type: 'string' },
    owner: { type: 'string' },
    name: { type: 'string' },
    github: { type: 'string' },
    team: { type: 'string' },
    package: { type: 'string' },
    example: { type: 'boolean', default: false },
  });
  if (positionals.length > 1) throw new UsageError(`Unexpected arguments ${positionals.slice(1).join(' ')}, expected at most one DIR`);
  const dir = positionals[0] ?? '.';
  try {
    const made = initHandbook({ ...values, dir });
    const { person, pages } = made;
    const lines = [
      `Created ${made.files.length} files in ${dir}: "${made.title}", with ${person.name} (${person.id}) of team ${person.team} in content/people.yaml.`,
      pages === undefined ? 'No GitHub remote: the workflow sets the site address and repository when it publishes.' : `Publishes to ${pages.site}${pages.base}; edit links go to ${pages.repository}.`,
      ...(person.github === undefined ? [`Add your GitHub login as \`github\` in content/people.yaml, so \`handbook new\` knows you without --owner.`] : []),
      '',
      'Next:',
      ...(dir === '.' ? [] : [`  cd ${shellWord(dir)}`]),
      '  npm install',
      '  npx handbook new decision "Our first decision"',
      '  npm run build',
      'Then commit everything (package-lock.json too), push it to GitHub, and in Settings → Pages set Source to GitHub Actions.',
    ];
    io.stdout(`${lines.map(visible).join('\n')}\n`);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof ExistingFiles) {
      io.stderr(`handbook init: Unexpected existing files in ${visible(dir)}, expected a folder without them; nothing was written:\n${error.files.map((file) => `  ${visible(file)}\n`).join('')}`);
      return EXIT.usage;
    }
    if (error instanceof InitError) throw new UsageError(error.message);
    throw error;
  }
}
