import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { kinds, personSchema } from '../schemas/index.ts';
import { slugify } from './new.ts';
import { writeNewFile } from './write.ts';

/** A problem that stops `handbook init` before anything is written. */
export class InitError extends Error {
  override name = 'InitError';
}

/** `handbook init` found files it would have written: it writes none. */
export class ExistingFiles extends InitError {
  override name = 'ExistingFiles';
  readonly files: readonly string[];
  constructor(files: readonly string[]) {
    super(`Unexpected existing ${files.length === 1 ? 'file' : 'files'} ${files.join(', ')}, expected a folder without them; nothing was written`);
    this.files = files;
  }
}

/**
 * The handbook package's own folder. Both the sources (src/authoring/) and the CLI compiled
 * for the package (lib/cli/, lib/chunks/) sit two folders below it, so this holds for both.
 */
const PACKAGE = fileURLToPath(new URL('../../', import.meta.url));

/** The folder of files every new handbook starts from; `X.template` is written as `X` with its `{{slots}}` filled. */
const SCAFFOLD = join(PACKAGE, 'src/authoring/scaffold');

/** The example handbook that `--example` copies, and whose `_templates/` every handbook starts with. */
const EXAMPLE = join(PACKAGE, 'content');

/** The team a first person belongs to when `--team` is not given. */
export const DEFAULT_TEAM = 'engineering';

/** The parts of the package's own package.json a new handbook's package.json repeats. */
interface OwnManifest {
  version: string;
  peerDependencies: { astro: string };
  devDependencies: { node: string };
  allowScripts?: Record<string, boolean>;
}

const ownManifest = (): OwnManifest => JSON.parse(readFileSync(join(PACKAGE, 'package.json'), 'utf8')) as OwnManifest;

/** What git says where the handbook is made. */
export interface GitFacts {
  /** `git config user.name` */
  name?: string | undefined;
  /** `git config user.email` */
  email?: string | undefined;
  /** `git remote get-url origin` */
  origin?: string | undefined;
}

function git(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The folder itself when it exists, else the nearest folder above it that does. */
function nearestExisting(path: string): string {
  let dir = resolve(path);
  while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** Who git says is at the keyboard and where `origin` points, asked in the folder (or, when it is new, the folder it goes in). */
export function gitFacts(dir: string): GitFacts {
  const cwd = nearestExisting(dir);
  return { name: git(cwd, ['config', 'user.name']), email: git(cwd, ['config', 'user.email']), origin: git(cwd, ['remote', 'get-url', 'origin']) };
}

/** A repository on GitHub and where GitHub Pages publishes it. */
export interface GitHubPages {
  /** `https://github.com/<owner>/<repo>`, for "Edit this record" links. */
  repository: string;
  /** `https://<owner>.github.io` */
  site: string;
  /** `/<repo>/` for a project site; `/` for the `<owner>.github.io` repository. */
  base: string;
}

const GITHUB_REMOTE = /^(?:git\+)?(?:https?:\/\/(?:[^@/]+@)?github\.com\/|ssh:\/\/git@github\.com\/|git@github\.com:)([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+?)(?:\.git)?\/?$/;

/** The GitHub repository a remote URL (https, ssh or scp-like) names, with its Pages address; nothing for other hosts. */
export function githubPages(remote: string | undefined): GitHubPages | undefined {
  const match = remote === undefined ? null : GITHUB_REMOTE.exec(remote.trim());
  if (match === null) return undefined;
  const [, owner, repo] = match as unknown as [string, string, string];
  const site = `https://${owner.toLowerCase()}.github.io`;
  return { repository: `https://github.com/${owner}/${repo}`, site, base: repo.toLowerCase() === `${owner.toLowerCase()}.github.io` ? '/' : `/${repo}/` };
}

/** `platform-team` → `Platform team`: a name for something known only by a slug. */
const humanize = (slug: string): string => {
  const words = slug.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** The GitHub login in a no-reply address (`123+login@users.noreply.github.com`). */
const noReplyLogin = (email: string | undefined): string | undefined => /^(?:\d+\+)?([A-Za-z0-9-]+)@users\.noreply\.github\.com$/i.exec(email ?? '')?.[1];

/** The first entry of people.yaml. */
export interface Person {
  id: string;
  name: string;
  team: string;
  github?: string;
}

export interface PersonFlags {
  owner?: string | undefined;
  name?: string | undefined;
  github?: string | undefined;
  team?: string | undefined;
}

/**
 * The person who starts the handbook: the flags, else git's user.name (the id is its slug)
 * and the login of a GitHub no-reply address. A `github` is never guessed beyond that: it
 * names someone on GitHub, and `handbook new` recognises its owner by it.
 */
export function firstPerson(flags: PersonFlags, facts: GitFacts): Person {
  const name = flags.name ?? facts.name ?? (flags.owner === undefined ? undefined : humanize(flags.owner));
  const id = flags.owner ?? slugify(name ?? '');
  if (name === undefined || id === '')
    throw new InitError(
      `Missing --owner: git has no user.name${facts.name === undefined ? '' : ` with letters or digits (it is \`${facts.name}\`)`} to name the first person in people.yaml by, expected --owner ID and --name "Full Name"`,
    );
  const github = flags.github ?? noReplyLogin(facts.email);
  const person: Person = { id, name, team: flags.team ?? DEFAULT_TEAM, ...(github === undefined ? {} : { github }) };
  const flagOf: Record<string, string> = { id: '--owner', name: '--name', team: '--team', github: '--github' };
  for (const issue of personSchema.safeParse(person).error?.issues ?? []) {
    const field = String(issue.path[0]);
    throw new InitError(
      `Unexpected ${flagOf[field]} \`${String(person[field as keyof Person])}\`, ${issue.message.replace(/^Invalid string: must match pattern .*$/, 'expected letters, digits and -')}`,
    );
  }
  return person;
}

/** The title: `--title`, else the folder's name made readable. */
export function titleFor(dir: string, given: string | undefined): string {
  const title = given ?? humanize(basename(resolve(dir)));
  if (title.trim() === '' || /[\r\n]/.test(title)) throw new InitError(`Unexpected --title \`${JSON.stringify(title).slice(1, -1)}\`, expected one line of text`);
  return title;
}

/** How the new handbook's package.json installs handbook; a local tarball is copied into `vendor/` so CI can install it too. */
export interface Dependency {
  spec: string;
  tarball?: string;
}

const TARBALL = /\.(?:tgz|tar\.gz|tar)$/;
/** A spec npm would look up on its registry, where `handbook` is another project. */
const REGISTRY_SPEC = /^(?:handbook(?:@.*)?|latest|[\^~<>=*\d].*)$/;
const insideNodeModules = (path: string): boolean => path.split(sep).includes('node_modules');
const posix = (path: string): string => path.split(sep).join('/');

/**
 * Where the new handbook installs handbook from: `--package`, else the package `npx
 * --package` was given, else (when this is a checkout of handbook, not an installed copy)
 * this folder. Paths are taken from `cwd` and written relative to the new handbook.
 */
export function dependencyFor(dir: string, given: string | undefined, env: NodeJS.ProcessEnv, cwd: string): Dependency {
  const fromNpx = env['npm_config_package'];
  const spec = given ?? (fromNpx !== undefined && fromNpx !== '' && !fromNpx.includes('\n') ? fromNpx : undefined);
  const expected = 'expected a tarball made by `npm pack`, a folder or a git URL of handbook (the `handbook` on the npm registry is another project)';
  if (spec === undefined) {
    if (insideNodeModules(PACKAGE)) throw new InitError(`Missing --package, ${expected}`);
    return { spec: `file:${posix(relative(resolve(dir), PACKAGE)) || '.'}` };
  }
  const isPath = spec.startsWith('file:') || /^(?:\.{1,2}[\\/]|[\\/]|~[\\/]|[A-Za-z]:[\\/])/.test(spec) || (TARBALL.test(spec) && !/^[a-z+]+:/i.test(spec));
  if (!isPath) {
    if (REGISTRY_SPEC.test(spec)) throw new InitError(`Unexpected --package \`${spec}\`, ${expected}`);
    return { spec };
  }
  const path = resolve(cwd, spec.replace(/^file:/, '').replace(/^~(?=[\\/])/, env['HOME'] ?? '~'));
  if (!existsSync(path)) throw new InitError(`Unexpected --package \`${spec}\`: ${path} does not exist, ${expected}`);
  if (statSync(path).isFile()) return { spec: `file:vendor/${basename(path)}`, tarball: path };
  return { spec: `file:${posix(relative(resolve(dir), path)) || '.'}` };
}

/** Every file under `root`, as `/`-separated paths relative to it. */
function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => posix(relative(root, join(entry.parentPath, entry.name))))
    .sort();
}

/** A template's `{{slots}}` filled; a slot without a value is a mistake in handbook, not in the input. */
function fill(template: string, slots: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const value = slots[key];
    if (value === undefined) throw new Error(`The scaffold template has a slot {{${key}}} with no value`);
    return value;
  });
}

/** A JavaScript string literal in single quotes. */
const literal = (value: string): string => `'${JSON.stringify(value).slice(1, -1).replaceAll('\\"', '"').replaceAll("'", "\\'")}'`;

/** A YAML list of one entry, under a comment. */
const yamlList = (comment: string, entry: object): string => `# ${comment}\n${stringify([entry])}`;

/** The entries of an example people.yaml or teams.yaml, without the comment above them. */
const entriesOf = (text: string): string => text.replace(/^(?:#.*\n)+/, '');

export interface InitSettings {
  title: string;
  person: Person;
  dependency: Dependency;
  pages: GitHubPages | undefined;
  /** Copy the example handbook's records instead of starting with empty folders. */
  example: boolean;
}

/** The content folder: the example's, or empty folders for each kind; people and teams start with the first person. */
function contentFiles({ person, example }: InitSettings): Map<string, string> {
  const files = new Map<string, string>();
  const people = yamlList('Everyone who can own a record, decide, or hold a follow-up action.\n# `github` is how `handbook new` knows who is writing.', person);
  const teams = yamlList("The teams people belong to; a record's team is its owner's unless it names another.", { id: person.team, name: humanize(person.team), lead: person.id });
  if (!example) {
    for (const name of filesUnder(join(EXAMPLE, '_templates'))) files.set(`content/_templates/${name}`, readFileSync(join(EXAMPLE, '_templates', name), 'utf8'));
    for (const kind of kinds) files.set(`content/${kind.collection}/.gitkeep`, '');
    files.set('content/people.yaml', people);
    files.set('content/teams.yaml', teams);
    return files;
  }
  for (const name of filesUnder(EXAMPLE)) files.set(`content/${name}`, readFileSync(join(EXAMPLE, name), 'utf8'));
  const examplePeople = files.get('content/people.yaml') ?? '';
  if (new RegExp(`^- id: ${person.id}$`, 'm').test(examplePeople)) throw new InitError(`Unexpected --owner \`${person.id}\`, expected an id the example handbook does not use already`);
  files.set('content/people.yaml', `${people}${entriesOf(examplePeople)}`);
  const exampleTeams = files.get('content/teams.yaml') ?? '';
  if (!new RegExp(`^- id: ${person.team}$`, 'm').test(exampleTeams)) files.set('content/teams.yaml', `${teams}${entriesOf(exampleTeams)}`);
  return files;
}

/** The package.json of a new handbook: handbook, the Astro it runs on, and the Node this package pins. */
function manifest(dir: string, { dependency, pages }: InitSettings): string {
  const own = ownManifest();
  const slug = slugify(basename(resolve(dir)));
  // npm refuses to install a package into one of the same name.
  const name = slug === '' || slug === 'handbook' ? `${slugify(pages?.repository.split('/')[3] ?? '') || 'team'}-handbook` : slug;
  const json = {
    name,
    private: true,
    type: 'module',
    scripts: { dev: 'astro dev', build: 'handbook build', preview: 'astro preview', check: 'handbook check' },
    dependencies: { astro: own.peerDependencies.astro, handbook: dependency.spec },
    devDependencies: { node: own.devDependencies.node },
    // handbook's own `prepare` compiles its CLI, which a tarball ships and a git install has
    // already run while npm fetched it; run again in node_modules it would lack its tools. npm
    // knows a git or file dependency by its source (without the commit), a tarball also by name.
    allowScripts: { ...own.allowScripts, handbook: false, [dependency.spec.replace(/#.*$/, '')]: false },
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

/** Every file of a new handbook, by its path relative to the handbook's folder. */
export function scaffold(dir: string, settings: InitSettings): Map<string, string | Uint8Array> {
  const { title, pages, dependency } = settings;
  const slots: Record<string, string> = {
    title,
    titleLiteral: literal(title),
    site: pages === undefined ? 'process.env.HANDBOOK_SITE' : `process.env.HANDBOOK_SITE ?? ${literal(pages.site)}`,
    base: `process.env.HANDBOOK_BASE ?? ${literal(pages?.base ?? '/')}`,
    repository: pages === undefined ? 'process.env.HANDBOOK_REPOSITORY' : literal(pages.repository),
  };
  const files = new Map<string, string | Uint8Array>();
  for (const name of filesUnder(SCAFFOLD)) {
    const text = readFileSync(join(SCAFFOLD, name), 'utf8');
    // npm leaves .gitignore files out of a package, so the scaffold keeps it without its dot.
    const target = name === 'gitignore' ? '.gitignore' : name.replace(/\.template$/, '');
    files.set(target, name.endsWith('.template') ? fill(text, slots) : text);
  }
  files.set('.github/workflows/handbook.yml', readFileSync(join(PACKAGE, '.github/workflows/handbook.yml'), 'utf8'));
  files.set('package.json', manifest(dir, settings));
  if (dependency.tarball !== undefined) files.set(dependency.spec.replace(/^file:/, ''), readFileSync(dependency.tarball));
  for (const [name, text] of contentFiles(settings)) files.set(name, text);
  return files;
}

/**
 * Writes every file under `dir`, or none: it refuses when any of them exists, writes each
 * whole, and removes what it wrote (and the folders it made) when a write fails.
 */
export function writeAll(dir: string, files: ReadonlyMap<string, string | Uint8Array>): void {
  const taken = [...files.keys()].filter((name) => existsSync(join(dir, name))).sort();
  if (taken.length > 0) throw new ExistingFiles(taken);
  const written: string[] = [];
  const made: string[] = [];
  try {
    for (const [name, content] of files) {
      const path = join(dir, name);
      const first = mkdirSync(dirname(path), { recursive: true });
      if (first !== undefined) made.push(first);
      writeNewFile(path, content);
      written.push(path);
    }
  } catch (error) {
    for (const path of written) rmSync(path, { force: true });
    // Only folders this call made, newest first: they hold nothing but what it wrote.
    for (const folder of made.reverse()) rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}

export interface InitOptions extends PersonFlags {
  dir: string;
  title?: string | undefined;
  package?: string | undefined;
  example: boolean;
}

/** What `handbook init` made. */
export interface InitResult extends InitSettings {
  files: string[];
}

/** Makes a new handbook in `options.dir` and says what it made; throws InitError when it makes nothing. */
export function initHandbook(options: InitOptions, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): InitResult {
  const dir = resolve(cwd, options.dir);
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new InitError(`Unexpected DIR \`${options.dir}\`: it is a file, expected a folder to make the handbook in`);
  const facts = gitFacts(dir);
  const person = firstPerson(options, facts);
  const settings: InitSettings = {
    title: titleFor(dir, options.title),
    person,
    dependency: dependencyFor(dir, options.package, env, cwd),
    pages: githubPages(facts.origin),
    example: options.example,
  };
  const files = scaffold(dir, settings);
  writeAll(dir, files);
  return { ...settings, files: [...files.keys()].sort() };
}
