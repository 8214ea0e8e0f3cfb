import { spawnSync } from 'node:child_process';
import { globSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { BROWSER, SITE } from '../vitest.config.ts';
import { userEnv } from './support/built-site.ts';

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * A shell's environment as a contributor has it before `npm run` or `npx` steps in: no
 * node_modules/.bin on PATH (so `node` and `npm` are the system's, Node 20 on many machines)
 * and none of the npm_* variables npm hands to the scripts it runs.
 */
function systemEnv(): NodeJS.ProcessEnv {
  const env = userEnv();
  for (const key of Object.keys(env)) if (/^npm_/i.test(key)) delete env[key];
  env['PATH'] = (env['PATH'] ?? '')
    .split(delimiter)
    .filter((dir) => !dir.includes('node_modules'))
    .join(delimiter);
  return env;
}

const warnings = (output: string): string[] => output.split('\n').filter((line) => /\bwarn/i.test(line));

// Each test below runs a command for a few seconds on an idle machine; the timeouts leave room
// for a busy one, where a spawned command also waits its turn.
describe('npm on the system Node', () => {
  it('runs `npx handbook --help` without a warning, the first time too', () => {
    // A fresh npm cache: npx links the project into it on first use, and warns about engines then.
    const cache = mkdtempSync(join(tmpdir(), 'handbook-npm-cache-'));
    made.push(cache);
    const result = spawnSync('npx', ['handbook', '--help'], { encoding: 'utf8', env: { ...systemEnv(), npm_config_cache: cache }, timeout: 60_000 });
    expect(result.stdout).toMatch(/^Usage: handbook <command>/);
    expect(warnings(result.stderr)).toEqual([]);
    expect(result.status).toBe(0);
  }, 60_000);

  it('resolves the locked dependencies without engine warnings, though the system Node is older than the pinned one', () => {
    const result = spawnSync('npm', ['install', '--package-lock-only', '--dry-run', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], {
      encoding: 'utf8',
      env: systemEnv(),
      timeout: 120_000,
    });
    expect(warnings(result.stdout + result.stderr)).toEqual([]);
    expect(result.status).toBe(0);
  }, 120_000);
});

describe('the test projects', () => {
  it('keep Astro out of the unit project, so `npm run test:unit` never builds a site', () => {
    // The ways the tests run Astro: the shared built site, a build of their own, Astro's own
    // binary (build or dev), or a spawned `handbook build`.
    const astro = /buildSite\(|inject\('siteDir'\)|\.bin\/astro|bin\/handbook\.js', 'build'/;
    const elsewhere = new Set(globSync([...SITE, ...BROWSER]));
    const unit = globSync('test/**/*.test.ts').filter((file) => !elsewhere.has(file));
    expect(unit.length).toBeGreaterThan(20);
    expect(unit.filter((file) => astro.test(readFileSync(file, 'utf8')))).toEqual([]);
  });
});

describe('npm run typecheck', () => {
  it('type-checks .astro files too, on a fresh clone without generated types', () => {
    const dir = mkdtempSync(join(tmpdir(), 'handbook-typecheck-'));
    made.push(dir);
    symlinkSync(join(process.cwd(), 'node_modules'), join(dir, 'node_modules'));
    mkdirSync(join(dir, 'src/pages'), { recursive: true });
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
    writeFileSync(join(dir, 'astro.config.mjs'), 'export default {};\n');
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ extends: 'astro/tsconfigs/strictest', include: ['.astro/types.d.ts', '**/*'], exclude: ['dist'] }));
    // Astro's generated types give `import.meta.env`: without them this file would fail too.
    writeFileSync(join(dir, 'src/base.ts'), 'export const base: string = import.meta.env.BASE_URL;\n');
    writeFileSync(join(dir, 'src/pages/index.astro'), "---\nconst count: number = 'three';\n---\n<p>{count}</p>\n");
    const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    const env = userEnv({ ASTRO_TELEMETRY_DISABLED: '1', PATH: `${join(process.cwd(), 'node_modules/.bin')}${delimiter}${process.env['PATH'] ?? ''}` });
    const result = spawnSync('sh', ['-c', scripts['typecheck']!], { cwd: dir, encoding: 'utf8', env, timeout: 120_000 });
    const errors = stripVTControlCharacters(result.stdout + result.stderr)
      .split('\n')
      .filter((line) => / - error /.test(line));
    expect(errors).toEqual(["src/pages/index.astro:2:7 - error ts(2322): Type 'string' is not assignable to type 'number'."]);
    expect(result.status).toBe(1);
  }, 120_000);
});
