import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { handbook } from './support/cli.ts';
import { MINIMAL, tree } from './support/fixture.ts';
import { userEnv } from './support/built-site.ts';
import { STAMP } from '../src/cli/output-folder.ts';

/** One hash over every file's path and bytes: equal hashes mean a byte-identical folder. */
function hashTree(dir: string): string {
  const hash = createHash('sha256');
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort();
  for (const file of files) hash.update(relative(dir, file)).update('\0').update(readFileSync(file)).update('\0');
  return `${files.length} files ${hash.digest('hex')}`;
}

/** dist/ exactly as before the failed build, and no staging folder left beside it. */
function expectUntouched(): void {
  expect(hashTree(out)).toBe(before);
  expect(leftovers(out)).toEqual([]);
}

const leftovers = (out: string): string[] => readdirSync(join(out, '..')).filter((name) => name.includes('.building-'));
const build = (out: string, content: string) => handbook(['build', '--out', out], { env: { HANDBOOK_CONTENT: content, HANDBOOK_TODAY: '2026-11-24' } });

/** The fixture with an owner who is not in people.yaml: the gate refuses it before Astro writes anything. */
const unknownOwner = (): string => tree({ 'outcomes/faster-checkout.md': readFileSync(join(MINIMAL, 'outcomes/faster-checkout.md'), 'utf8').replace('owner: ana', 'owner: nobody') });

let out: string;
let before: string;

beforeAll(() => {
  out = join(mkdtempSync(join(tmpdir(), 'handbook-atomic-')), 'dist');
  const first = build(out, tree());
  expect(first.stderr).toBe('');
  expect(first.code).toBe(0);
  before = hashTree(out);
}, 120_000);

describe('a failed build never half-writes dist/', () => {
  it('builds the site and its search index into place and leaves no staging folder', () => {
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    expect(existsSync(join(out, 'pagefind/pagefind-ui.js'))).toBe(true);
    expect(readFileSync(join(out, STAMP), 'utf8')).toMatch(/handbook build/);
    expect(leftovers(out)).toEqual([]);
  });

  it('leaves dist/ byte-identical when the content has errors', () => {
    const { code, stderr } = build(out, unknownOwner());
    expect(code).toBe(1);
    expect(stderr).toContain('Unexpected `nobody` in `owner`, expected a person id from people.yaml');
    expectUntouched();
  }, 120_000);

  it('leaves dist/ byte-identical when a record crashes while pages are rendered', () => {
    const outcome = readFileSync(join(MINIMAL, 'outcomes/faster-checkout.md'), 'utf8');
    const throwing = `${outcome}\nexport const boom = (() => { throw new Error('rendering failed on purpose'); })();\n`;
    const crashing = tree({ 'outcomes/faster-checkout.md': null, 'outcomes/faster-checkout.mdx': throwing });
    const { code, stderr } = build(out, crashing);
    expect(code).toBe(1);
    expect(stderr).toContain('the build failed, so dist/ was left as it was');
    expectUntouched();
  }, 120_000);

  it('leaves dist/ byte-identical when the build is stopped with Ctrl-C half way', async () => {
    const child = spawn(join(process.cwd(), 'node_modules/.bin/node'), ['bin/handbook.js', 'build', '--out', out], { env: userEnv({ HANDBOOK_CONTENT: 'content', HANDBOOK_TODAY: '2026-11-24' }), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    while (leftovers(out).length === 0 && child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 50));
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toContain('handbook build: stopped by SIGINT; dist/ was left as it was.');
    expectUntouched();
  }, 120_000);

  it('puts the last good site back after a build was killed between the two renames of its swap, even when the next build fails', () => {
    // The state a SIGKILL leaves between the renames: dist/ moved aside, the new site not
    // yet in, the dead build's lock and a staging folder beside them.
    renameSync(out, join(out, '../.dist.building-previous'));
    mkdirSync(join(out, '../.dist.building-4242'));
    const { pid: dead } = spawnSync('true');
    writeFileSync(join(out, '../.dist.building-lock'), `${dead}\n`);
    const { code, stderr } = build(out, unknownOwner());
    expect(code).toBe(1);
    expect(stderr).toContain('Unexpected `nobody` in `owner`');
    expectUntouched();
  }, 120_000);

  it('builds into a mount point, which cannot be renamed, by swapping its contents', (context) => {
    const mount = join(mkdtempSync(join(tmpdir(), 'handbook-mount-')), 'dist');
    mkdirSync(mount);
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64m', 'tmpfs', mount]).status !== 0) return context.skip('mounting a tmpfs is not permitted here');
    try {
      writeFileSync(join(mount, STAMP), 'an earlier build\n');
      writeFileSync(join(mount, 'stale.html'), 'from the earlier build\n');
      const { code, stdout, stderr } = build(mount, tree());
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(stdout).toContain('Built dist/.');
      expect(existsSync(join(mount, 'index.html'))).toBe(true);
      expect(existsSync(join(mount, 'stale.html'))).toBe(false);
      expect(readFileSync(join(mount, STAMP), 'utf8')).toMatch(/handbook build/);
      expect(readdirSync(mount).filter((name) => name.startsWith('.handbook-') && name !== STAMP)).toEqual([]);
      expect(leftovers(mount)).toEqual([]);
      expect(statSync(mount).dev).not.toBe(statSync(join(mount, '..')).dev);
    } finally {
      spawnSync('umount', [mount]);
    }
  }, 120_000);
});
