import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { githubPages, initHandbook } from '../../src/authoring/init.ts';
import { checkHandbook } from '../../src/check/index.ts';
import { main } from '../../src/cli/main.ts';
import { kinds } from '../../src/schemas/index.ts';
import { handbook } from '../support/cli.ts';
import { TODAY } from '../support/fixture.ts';

const made: string[] = [];
const scratch = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'handbook-init-'));
  made.push(dir);
  return dir;
};

// Git's configuration of this machine (its user.name above all) must not leak into the
// handbooks made here, nor the package an `npx --package` around the test run was given.
const GIT_ENV = { GIT_CONFIG_GLOBAL: join(scratch(), 'gitconfig'), GIT_CONFIG_NOSYSTEM: '1' };
writeFileSync(GIT_ENV.GIT_CONFIG_GLOBAL, '');
const saved = { ...process.env };
Object.assign(process.env, GIT_ENV);
delete process.env['npm_config_package'];
afterAll(() => {
  process.env = saved;
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** `handbook init ARGS`, run in this process. */
async function init(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(['init', ...args], { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), colour: false });
  return { code, stdout, stderr };
}

/** A git repository at `dir` with an author and, optionally, an origin. */
function gitRepository(dir: string, { name, email, origin }: { name?: string; email?: string; origin?: string }): void {
  mkdirSync(dir, { recursive: true });
  const git = (...args: string[]) => spawnSync('git', args, { cwd: dir });
  git('init', '-q');
  if (name !== undefined) git('config', 'user.name', name);
  if (email !== undefined) git('config', 'user.email', email);
  if (origin !== undefined) git('remote', 'add', 'origin', origin);
}

/** Every file under `dir`, relative to it, `.git` aside. */
function listing(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !relative(dir, entry.parentPath).split('/').includes('.git'))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

const read = (dir: string, file: string): string => readFileSync(join(dir, file), 'utf8');
const dependency = (dir: string): string => (JSON.parse(read(dir, 'package.json')) as { dependencies: Record<string, string> }).dependencies['handbook']!;

/** The value of one option in the generated astro.config.mjs, evaluated as JavaScript with the given environment. */
function configValue(dir: string, option: string, env: Record<string, string> = {}): unknown {
  const expression = new RegExp(`^\\s*${option}: (.*),$`, 'm').exec(read(dir, 'astro.config.mjs'))?.[1];
  if (expression === undefined) throw new Error(`no ${option} in astro.config.mjs`);
  return new Function('process', `return ${expression};`)({ env });
}

describe('handbook init', () => {
  it('makes an empty handbook that checks clean, with the git user as its first person and the site from a GitHub origin', async () => {
    const root = scratch();
    const dir = join(root, 'acme handbook');
    gitRepository(dir, { name: 'Jane Doe', email: '4242+jdoe@users.noreply.github.com', origin: 'git@github.com:acme/handbook.git' });
    const { code, stdout, stderr } = await init(dir, '--package', 'github:acme/handbook-tool#v0.1.0');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.replaceAll(dir, 'DIR')).toMatchInlineSnapshot(`
      "Created 16 files in DIR: "Acme handbook", with Jane Doe (jane-doe) of team engineering in content/people.yaml.
      Publishes to https://acme.github.io/handbook/; edit links go to https://github.com/acme/handbook.

      Next:
        cd 'DIR'
        npm install
        npx handbook new decision "Our first decision"
        npm run build
      Then commit everything (package-lock.json too), push it to GitHub, and in Settings → Pages set Source to GitHub Actions.
      "
    `);
    expect(listing(dir)).toEqual([
      '.github/workflows/handbook.yml',
      '.gitignore',
      '.vscode/extensions.json',
      '.vscode/settings.json',
      'README.md',
      'astro.config.mjs',
      'content/_templates/decision.md',
      'content/_templates/outcome.md',
      'content/_templates/postmortem.md',
      'content/decisions/.gitkeep',
      'content/outcomes/.gitkeep',
      'content/people.yaml',
      'content/postmortems/.gitkeep',
      'content/teams.yaml',
      'package.json',
      'src/content.config.ts',
    ]);
    expect(parse(read(dir, 'content/people.yaml'))).toEqual([{ id: 'jane-doe', name: 'Jane Doe', team: 'engineering', github: 'jdoe' }]);
    expect(parse(read(dir, 'content/teams.yaml'))).toEqual([{ id: 'engineering', name: 'Engineering', lead: 'jane-doe' }]);
    expect(checkHandbook(join(dir, 'content'), { today: TODAY }).problems).toEqual([]);
    for (const template of ['decision.md', 'outcome.md', 'postmortem.md']) expect(read(dir, `content/_templates/${template}`)).toBe(read('content/_templates', template));
    expect(read(dir, '.github/workflows/handbook.yml')).toBe(read('.github/workflows', 'handbook.yml'));
    expect(read(dir, 'src/content.config.ts')).toContain("export { collections } from 'handbook/collections';");

    expect(configValue(dir, 'site')).toBe('https://acme.github.io');
    expect(configValue(dir, 'base')).toBe('/handbook/');
    expect(configValue(dir, 'repository')).toBe('https://github.com/acme/handbook');
    expect(configValue(dir, 'title')).toBe('Acme handbook');
    // The Pages settings the workflow passes on win over what init guessed.
    expect(configValue(dir, 'site', { HANDBOOK_SITE: 'https://handbook.acme.com' })).toBe('https://handbook.acme.com');
    expect(configValue(dir, 'base', { HANDBOOK_BASE: '/' })).toBe('/');
  });

  it('writes a package.json that installs handbook from where it was given, with the Astro and Node this package pins', async () => {
    const root = scratch();
    const dir = join(root, 'handbook');
    const { code } = await init(dir, '--owner', 'jane', '--package', 'github:acme/handbook-tool#v0.1.0');
    expect(code).toBe(0);
    const own = JSON.parse(read('.', 'package.json')) as { peerDependencies: Record<string, string>; devDependencies: Record<string, string>; allowScripts: Record<string, boolean> };
    expect(JSON.parse(read(dir, 'package.json'))).toEqual({
      // A package is never named like one of its dependencies.
      name: 'team-handbook',
      private: true,
      type: 'module',
      scripts: { dev: 'astro dev', build: 'handbook build', preview: 'astro preview', check: 'handbook check' },
      dependencies: { astro: own.peerDependencies['astro'], handbook: 'github:acme/handbook-tool#v0.1.0' },
      devDependencies: { node: own.devDependencies['node'] },
      // npm then neither runs nor warns about handbook's `prepare`, which built the CLI already.
      allowScripts: { ...own.allowScripts, handbook: false, 'github:acme/handbook-tool': false },
    });
  });

  it('copies a tarball into vendor/ so CI installs the same one, and takes the package npx was given', async () => {
    const root = scratch();
    const tarball = join(root, 'handbook-9.9.9.tgz');
    writeFileSync(tarball, Buffer.from([0x1f, 0x8b, 0, 1, 2, 255]));
    const dir = join(root, 'tarball');
    expect((await init(dir, '--owner', 'jane', '--package', tarball)).code).toBe(0);
    expect(dependency(dir)).toBe('file:vendor/handbook-9.9.9.tgz');
    expect(readFileSync(join(dir, 'vendor/handbook-9.9.9.tgz'))).toEqual(readFileSync(tarball));

    // `npx --package ./handbook-9.9.9.tgz handbook init npx` names the package in the environment, relative to where it ran.
    const viaNpx = join(root, 'npx');
    initHandbook({ dir: 'npx', owner: 'jane', example: false }, { npm_config_package: './handbook-9.9.9.tgz' }, root);
    expect(dependency(viaNpx)).toBe('file:vendor/handbook-9.9.9.tgz');

    // Run from a checkout of handbook with nothing given, the new handbook installs that checkout.
    const fromCheckout = join(root, 'checkout');
    expect((await init(fromCheckout, '--owner', 'jane')).code).toBe(0);
    expect(dependency(fromCheckout)).toBe(`file:${relative(fromCheckout, process.cwd())}`);
  });

  it('refuses a package spec that would install the unrelated `handbook` from the npm registry, or a path that does not exist', async () => {
    const root = scratch();
    for (const spec of ['^0.1.0', 'handbook@0.1.0', 'latest']) {
      const { code, stderr } = await init(join(root, 'x'), '--owner', 'jane', '--package', spec);
      expect(code).toBe(2);
      expect(stderr.split('\n')[0]).toBe(
        `handbook init: Unexpected --package \`${spec}\`, expected a tarball made by \`npm pack\`, a folder or a git URL of handbook (the \`handbook\` on the npm registry is another project)`,
      );
    }
    const missing = handbook(['init', join(root, 'x'), '--owner', 'jane', '--package', './nowhere/handbook-1.0.0.tgz'], { cwd: root, env: GIT_ENV });
    expect(missing.code).toBe(2);
    expect(missing.stderr.split('\n')[0]).toBe(
      `handbook init: Unexpected --package \`./nowhere/handbook-1.0.0.tgz\`: ${join(root, 'nowhere/handbook-1.0.0.tgz')} does not exist, expected a tarball made by \`npm pack\`, a folder or a git URL of handbook (the \`handbook\` on the npm registry is another project)`,
    );
    expect(existsSync(join(root, 'x'))).toBe(false);
  });

  it('takes the title, person and team from flags, and writes a title with quotes as a valid string', async () => {
    const root = scratch();
    const dir = join(root, 'flags');
    gitRepository(dir, { name: 'Someone Else', email: 'else@example.com' });
    const title = `Platform's "field guide" \\ 2027`;
    const { code } = await init(dir, '--title', title, '--owner', 'priya', '--name', 'Priya Raman', '--github', 'praman', '--team', 'platform');
    expect(code).toBe(0);
    expect(configValue(dir, 'title')).toBe(title);
    expect(read(dir, 'README.md').split('\n')[0]).toBe(`# ${title}`);
    expect(parse(read(dir, 'content/people.yaml'))).toEqual([{ id: 'priya', name: 'Priya Raman', team: 'platform', github: 'praman' }]);
    expect(parse(read(dir, 'content/teams.yaml'))).toEqual([{ id: 'platform', name: 'Platform', lead: 'priya' }]);
  });

  it('leaves `github` out rather than guess it from an address that is not a GitHub no-reply one, and says how to add it', async () => {
    const root = scratch();
    const dir = join(root, 'guess');
    gitRepository(dir, { name: 'José Álvarez-Ruiz', email: 'jose.alvarez@acme.example' });
    const { code, stdout } = await init(dir);
    expect(code).toBe(0);
    expect(parse(read(dir, 'content/people.yaml'))).toEqual([{ id: 'jose-alvarez-ruiz', name: 'José Álvarez-Ruiz', team: 'engineering' }]);
    expect(stdout).toContain('Add your GitHub login as `github` in content/people.yaml, so `handbook new` knows you without --owner.');
  });

  it('without a GitHub origin, leaves the site and edit links to the environment the workflow sets', async () => {
    const root = scratch();
    const dir = join(root, 'elsewhere');
    gitRepository(dir, { name: 'Jane Doe', origin: 'https://gitlab.com/acme/handbook.git' });
    expect((await init(dir)).code).toBe(0);
    expect(configValue(dir, 'site')).toBeUndefined();
    expect(configValue(dir, 'base')).toBe('/');
    expect(configValue(dir, 'repository')).toBeUndefined();
    const workflow = { HANDBOOK_SITE: 'https://acme.github.io', HANDBOOK_BASE: '/handbook/', HANDBOOK_REPOSITORY: 'https://github.com/acme/handbook' };
    expect([configValue(dir, 'site', workflow), configValue(dir, 'base', workflow), configValue(dir, 'repository', workflow)]).toEqual(Object.values(workflow));
  });

  it('asks for --owner when git does not know who is writing, and writes nothing', async () => {
    const root = scratch();
    const dir = join(root, 'anonymous');
    const { code, stderr } = await init(dir);
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toMatchInlineSnapshot(
      `"handbook init: Missing --owner: git has no user.name to name the first person in people.yaml by, expected --owner ID and --name "Full Name""`,
    );
    expect(existsSync(dir)).toBe(false);
    const invalid = await init(dir, '--owner', 'Jane Doe');
    expect(invalid.code).toBe(2);
    expect(invalid.stderr.split('\n')[0]).toMatchInlineSnapshot(`"handbook init: Unexpected --owner \`Jane Doe\`, expected a kebab-case id such as \`dana\` or \`payments\`"`);
  });

  it('never replaces a file: it names every one that exists and writes nothing', async () => {
    const root = scratch();
    const dir = join(root, 'existing');
    mkdirSync(join(dir, 'content'), { recursive: true });
    writeFileSync(join(dir, 'README.md'), '# Ours\n');
    writeFileSync(join(dir, 'content/people.yaml'), '- id: ours\n');
    const { code, stdout, stderr } = handbook(['init', dir, '--owner', 'jane'], { env: GIT_ENV });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.replaceAll(dir, 'DIR')).toMatchInlineSnapshot(`
      "handbook init: Unexpected existing files in DIR, expected a folder without them; nothing was written:
        README.md
        content/people.yaml
      "
    `);
    expect(listing(dir)).toEqual(['README.md', 'content/people.yaml']);
    expect(read(dir, 'README.md')).toBe('# Ours\n');
  });

  it('writes all of its files or none: a write that fails takes back the ones before it', async () => {
    const root = scratch();
    const dir = join(root, 'half');
    mkdirSync(join(dir, 'content'), { recursive: true });
    // A file where init needs a folder: every write before content/_templates/ succeeds, that one cannot.
    writeFileSync(join(dir, 'content/_templates'), 'not a folder\n');
    const { code, stderr } = await init(dir, '--owner', 'jane');
    expect(code).toBe(3);
    expect(stderr.split('\n')[0]).toContain('EEXIST');
    expect(listing(dir)).toEqual(['content/_templates']);
  });

  it('with --example, starts from the example handbook with the git user added, and checks clean', async () => {
    const root = scratch();
    const dir = join(root, 'example');
    gitRepository(dir, { name: 'Jane Doe' });
    expect((await init(dir, '--example')).code).toBe(0);
    expect(listing(join(dir, 'content')).filter((f) => !f.endsWith('.yaml'))).toEqual(listing('content').filter((f) => !f.endsWith('.yaml')));
    const people = parse(read(dir, 'content/people.yaml')) as { id: string }[];
    expect(people[0]).toEqual({ id: 'jane-doe', name: 'Jane Doe', team: 'engineering' });
    expect(people.slice(1)).toEqual(parse(read('content', 'people.yaml')));
    const teams = parse(read(dir, 'content/teams.yaml')) as { id: string }[];
    expect(teams).toEqual([{ id: 'engineering', name: 'Engineering', lead: 'jane-doe' }, ...parse(read('content', 'teams.yaml'))]);
    const { problems, records } = checkHandbook(join(dir, 'content'), { today: TODAY });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(records).toBe(checkHandbook('content', { today: TODAY }).records);

    // Joining a team of the example keeps its teams.yaml as it is; taking an id it uses is refused.
    const joined = join(root, 'joined');
    expect((await init(joined, '--example', '--owner', 'jane', '--team', 'payments')).code).toBe(0);
    expect(read(joined, 'content/teams.yaml')).toBe(read('content', 'teams.yaml'));
    const taken = await init(join(root, 'taken'), '--example', '--owner', 'priya');
    expect(taken.code).toBe(2);
    expect(taken.stderr.split('\n')[0]).toBe('handbook init: Unexpected --owner `priya`, expected an id the example handbook does not use already');
  });

  it('tells writers in its README how to start and check a record, and every status of every kind', async () => {
    const root = scratch();
    const dir = join(root, 'readme');
    expect((await init(dir, '--owner', 'jane')).code).toBe(0);
    const readme = read(dir, 'README.md');
    expect(readme).toContain('npx handbook new decision "Adopt feature flags"');
    expect(readme).toContain('npx handbook check');
    for (const kind of kinds) {
      const row = readme.split('\n').find((line) => line.startsWith(`| ${kind.singular} |`));
      expect(row, kind.singular).toBeDefined();
      for (const status of kind.statuses) expect(row, `${kind.singular} ${status}`).toMatch(new RegExp(`\\b${status}\\b`));
    }
  });
});

describe('the address of a GitHub remote', () => {
  it('gives the repository, the Pages site and the base path for every form of URL git accepts', () => {
    const remotes = [
      'git@github.com:acme/handbook.git',
      'https://github.com/acme/handbook',
      'https://github.com/acme/handbook.git',
      'https://token@github.com/acme/handbook.git',
      'ssh://git@github.com/acme/handbook.git',
      'git+https://github.com/Acme/Handbook.git',
      'git@github.com:acme/acme.github.io.git',
      'https://gitlab.com/acme/handbook.git',
      'git@github.com:acme/handbook/extra.git',
    ];
    expect(Object.fromEntries(remotes.map((remote) => [remote, githubPages(remote)]))).toMatchInlineSnapshot(`
      {
        "git+https://github.com/Acme/Handbook.git": {
          "base": "/Handbook/",
          "repository": "https://github.com/Acme/Handbook",
          "site": "https://acme.github.io",
        },
        "git@github.com:acme/acme.github.io.git": {
          "base": "/",
          "repository": "https://github.com/acme/acme.github.io",
          "site": "https://acme.github.io",
        },
        "git@github.com:acme/handbook.git": {
          "base": "/handbook/",
          "repository": "https://github.com/acme/handbook",
          "site": "https://acme.github.io",
        },
        "git@github.com:acme/handbook/extra.git": undefined,
        "https://github.com/acme/handbook": {
          "base": "/handbook/",
          "repository": "https://github.com/acme/handbook",
          "site": "https://acme.github.io",
        },
        "https://github.com/acme/handbook.git": {
          "base": "/handbook/",
          "repository": "https://github.com/acme/handbook",
          "site": "https://acme.github.io",
        },
        "https://gitlab.com/acme/handbook.git": undefined,
        "https://token@github.com/acme/handbook.git": {
          "base": "/handbook/",
          "repository": "https://github.com/acme/handbook",
          "site": "https://acme.github.io",
        },
        "ssh://git@github.com/acme/handbook.git": {
          "base": "/handbook/",
          "repository": "https://github.com/acme/handbook",
          "site": "https://acme.github.io",
        },
      }
    `);
  });
});
