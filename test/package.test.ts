import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { launch, serve } from './support/browser.ts';
import { userEnv } from './support/built-site.ts';
import { findChromium } from './support/chromium.ts';

const REPO = process.cwd();
const own = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; dependencies: Record<string, string>; peerDependencies: Record<string, string> };

/** Every file under `dir` (a path relative to the repository) whose name matches. */
function sources(dir: string, name: RegExp): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && name.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * The packages a source file loads when it runs: static and dynamic imports and re-exports,
 * but not `import type`, which type stripping erases. `import { type X }` still loads its module.
 */
function runtimeImports(text: string): string[] {
  const specifiers = [...text.matchAll(/(?:^|[\s;])(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s*)?['"]([^'"]+)['"]/g), ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!);
  return specifiers
    .filter((s) => !/^(?:\.|\/|node:|virtual:|astro:)/.test(s) && !isBuiltin(s))
    .map((s) =>
      s
        .split('/')
        .slice(0, s.startsWith('@') ? 2 : 1)
        .join('/'),
    );
}

describe('the package', () => {
  it('declares every package the integration, the pages and the CLI load at run time, and nothing they do not', () => {
    const used = new Map<string, string>();
    for (const file of [...sources('src', /\.(?:ts|astro|mjs)$/), 'bin/handbook.js']) {
      for (const name of runtimeImports(readFileSync(file, 'utf8'))) if (name !== own.name && !used.has(name)) used.set(name, file);
    }
    const declared = new Set([...Object.keys(own.dependencies), ...Object.keys(own.peerDependencies)]);
    const missing = [...used].filter(([name]) => !declared.has(name)).map(([name, file]) => `${name} (imported by ${file}): move it to "dependencies" in package.json`);
    expect(missing).toEqual([]);
    expect([...declared].filter((name) => !used.has(name))).toEqual([]);
  });
});

/**
 * A team's handbook made the way the README says: `npm pack`, `handbook init` into a folder
 * whose path has a space, the tarball installed there, then `handbook new`, `check` and a
 * build, and the site opened in Chromium.
 *
 * npm cannot install offline from a version range: it needs the registry's metadata, which an
 * install from a lockfile (this repository's) never caches. So the tarball is unpacked into
 * node_modules/handbook as npm unpacks it, the binaries linked as npm links them, and the
 * dependencies are this repository's own, linked beside it; that the package declares them all
 * is the test above. What matters here is real: handbook sits under node_modules, where Node
 * refuses to strip types and Astro must load the integration's TypeScript itself.
 */
describe('a team handbook made from the packed package', { timeout: 240_000 }, () => {
  let root: string;
  let team: string;
  let tarball: string;
  let shipped: string[];
  let browser: Browser;

  /** A command in the team's folder, with the pinned Node first on PATH as npm gives it. */
  const run = (command: string, ...args: string[]) => {
    const result = spawnSync(command, args, {
      cwd: team,
      encoding: 'utf8',
      timeout: 180_000,
      env: userEnv({ PATH: `${join(REPO, 'node_modules/.bin')}:${process.env['PATH']}`, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: join(root, 'gitconfig'), npm_config_package: '' }),
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr, output: `${result.stdout}\n${result.stderr}` };
  };

  /** `handbook check` passes on the records, the site builds, and `visit` gets it in Chromium, served under its Pages base path. */
  const checkBuildAndVisit = async (records: string, visit: (page: Page, url: string) => Promise<void>) => {
    const check = run('npx', 'handbook', 'check');
    expect(check.code, check.output).toBe(0);
    expect(check.stdout).toContain(`0 errors, 0 warnings in ${records}`);
    const build = run('npm', 'run', 'build');
    expect(build.code, build.output).toBe(0);
    const server = await serve(join(team, 'dist'), '/handbook/');
    const page = await browser.newPage();
    try {
      await visit(page, server.url);
    } finally {
      await page.close();
      await server.close();
    }
  };

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'handbook-package-'));
    writeFileSync(join(root, 'gitconfig'), '');
    team = join(root, 'our handbook');
    mkdirSync(team);
    const pack = spawnSync('npm', ['pack', '--json', '--pack-destination', root], { encoding: 'utf8', env: userEnv({ PATH: `${join(REPO, 'node_modules/.bin')}:${process.env['PATH']}` }) });
    expect(pack.status, pack.stderr).toBe(0);
    const [packed] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
    tarball = join(root, packed!.filename);
    shipped = packed!.files.map((f) => f.path).sort();

    // The team's repository, cloned from GitHub: init finds the author and the Pages address in it.
    run('git', 'init', '-q', '-b', 'main');
    run('git', 'config', 'user.name', 'Jane Doe');
    run('git', 'config', 'user.email', '4242+jdoe@users.noreply.github.com');
    run('git', 'remote', 'add', 'origin', 'https://github.com/acme/handbook.git');
    const init = run(join(REPO, 'node_modules/.bin/node'), join(REPO, 'bin/handbook.js'), 'init', team, '--package', tarball);
    expect(init.code, init.output).toBe(0);

    const modules = join(team, 'node_modules');
    mkdirSync(join(modules, 'handbook'), { recursive: true });
    const untar = spawnSync('tar', ['-xzf', join(team, 'vendor', packed!.filename), '-C', join(modules, 'handbook'), '--strip-components=1']);
    expect(untar.status).toBe(0);
    for (const name of readdirSync('node_modules')) if (!name.startsWith('.')) symlinkSync(resolve('node_modules', name), join(modules, name));
    mkdirSync(join(modules, '.bin'));
    for (const name of readdirSync('node_modules/.bin')) symlinkSync(realpathSync(join('node_modules/.bin', name)), join(modules, '.bin', name));
    const { bin } = JSON.parse(readFileSync(join(modules, 'handbook/package.json'), 'utf8')) as { bin: Record<string, string> };
    for (const [name, file] of Object.entries(bin)) symlinkSync(join('..', 'handbook', file), join(modules, '.bin', name));

    browser = await launch(findChromium());
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it("ships the integration, the compiled CLI, the templates and the workflow, and none of the repository's tests or tools", () => {
    for (const file of [
      'bin/handbook.js',
      'lib/cli/main.js',
      'lib/cli/init.js',
      'lib/check/colour.js',
      'src/integrations/handbook.ts',
      'src/collections.ts',
      'src/routes/search.astro',
      'src/authoring/scaffold/gitignore',
      'content/_templates/decision.md',
      '.github/workflows/handbook.yml',
      'docs/schemas/people.json',
      'CHANGELOG.md',
      'README.md',
      'package.json',
    ]) {
      expect(shipped, file).toContain(file);
    }
    expect(shipped.filter((file) => /^(?:test|bench|\.ci|node_modules|dist)\//.test(file))).toEqual([]);
    expect(readFileSync(join(team, 'node_modules/handbook/package.json'), 'utf8')).not.toContain('"private"');
  });

  it('checks and builds while still empty, and its pages say how to add the first record', async () => {
    await checkBuildAndVisit('0 records', async (page, url) => {
      for (const path of ['', 'decisions/', 'search/']) {
        await page.goto(`${url}${path}`);
        await expect(page.locator('main').innerText()).resolves.toContain('npx handbook new');
      }
      // The search page says there is nothing to search, instead of waiting for an index that has no records.
      await page.goto(`${url}search/?q=anything`);
      await expect(page.locator('[data-search-empty]').innerText()).resolves.toMatch(/^No records are published yet/);
      expect(await page.locator('#search').count()).toBe(0);
    });
  });

  it('runs `handbook new`, `check` and `npm run build` from node_modules, and its site shows and finds the record', async () => {
    const created = run('npx', 'handbook', 'new', 'decision', 'Adopt feature flags for releases');
    expect(created.code, created.output).toBe(0);
    const file = join(team, 'content/decisions/0001-adopt-feature-flags-for-releases.md');
    // Each prompt of the template answered, and the memo proposed: a record that is published.
    let n = 0;
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace('status: draft', 'status: proposed')
        .replace(/<[^>\n]+>/g, () => `Point ${++n} of the memo about feature flags.`),
    );
    await checkBuildAndVisit('1 record', async (page, url) => {
      const record = `${new URL(url).pathname}decisions/0001-adopt-feature-flags-for-releases/`;
      await page.goto(url);
      await expect(page.locator(`main a[href="${record}"]`).first().innerText()).resolves.toBe('Adopt feature flags for releases');
      await page.goto(new URL(record, url).href);
      await expect(page.locator('h1').innerText()).resolves.toBe('Adopt feature flags for releases');
      // "Edit this record" goes to the GitHub repository init found in git's origin.
      expect(await page.locator('a[href^="https://github.com/acme/handbook/"]').count()).toBeGreaterThan(0);
      await page.goto(`${url}search/?q=flags`);
      await page.locator(`a[href="${record}"]`).first().waitFor({ timeout: 15_000 });
    });
  });

  it("lists every problem in the workflow's job summary, the pull request's records first", () => {
    const workflow = parse(readFileSync(join(team, '.github/workflows/handbook.yml'), 'utf8')) as { jobs: Record<string, { steps: { name?: string; run?: string }[] }> };
    const step = workflow.jobs['check']?.steps.find((s) => s.name === 'List every problem in the job summary');
    expect(step?.run).toBeDefined();
    const promote = (file: string, status: string) => writeFileSync(join(team, file), readFileSync(join(team, file), 'utf8').replace('status: draft', `status: ${status}`));
    // main, pushed to an origin of its own, already has a broken outcome; the pull request breaks the decision.
    const origin = join(root, 'origin.git');
    run('git', 'init', '-q', '--bare', '-b', 'main', origin);
    run('git', 'remote', 'set-url', 'origin', origin);
    expect(run('npx', 'handbook', 'new', 'outcome', 'Releases without a launch').code).toBe(0);
    promote('content/outcomes/releases-without-a-launch.md', 'committed');
    run('git', 'add', '-A', 'content', 'package.json');
    run('git', 'commit', '-q', '-m', 'Base');
    run('git', 'push', '-q', 'origin', 'HEAD:main');
    const decision = join(team, 'content/decisions/0001-adopt-feature-flags-for-releases.md');
    writeFileSync(decision, readFileSync(decision, 'utf8').replace(/^door: .*$/m, 'door: revolving'));
    run('git', 'commit', '-q', '-a', '-m', 'Change');

    const summary = join(root, 'summary.md');
    const result = spawnSync('bash', ['-e', '-c', step?.run ?? ''], {
      cwd: team,
      encoding: 'utf8',
      env: userEnv({ PATH: `${join(REPO, 'node_modules/.bin')}:${process.env['PATH']}`, BASE_REF: 'main', RUNNER_TEMP: root, GITHUB_STEP_SUMMARY: summary, NO_COLOR: '1' }),
    });
    expect(result.status, result.stderr).toBe(0);
    const text = readFileSync(summary, 'utf8');
    expect(text.split('\n')[0]).toMatch(/^### handbook check: \d+ errors, 0 warnings in 2 records$/);
    const at = (what: string) => text.indexOf(what);
    expect(at('Records this pull request changes:')).toBeGreaterThan(0);
    expect(at('Records this pull request changes:')).toBeLessThan(at('content/decisions/0001-adopt-feature-flags-for-releases.md'));
    expect(at('content/decisions/0001-adopt-feature-flags-for-releases.md')).toBeLessThan(at('Other records:'));
    expect(at('Other records:')).toBeLessThan(at('content/outcomes/releases-without-a-launch.md'));
  });
});
