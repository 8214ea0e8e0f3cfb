import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lockOutput, outputFolder, recoverOutput, replaceOutput, STAMP } from '../../src/cli/output-folder.ts';
import { handbook } from '../support/cli.ts';
import { MINIMAL } from '../support/fixture.ts';

// Every test here runs in throwaway folders, never in the repository: what is tested is
// exactly that `handbook build` cannot delete the folders it is pointed at by mistake.

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function scratch(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `handbook-${name}-`));
  made.push(dir);
  return dir;
}

/** Every path under `dir` with its size: equal listings mean nothing was moved, added or deleted. */
function listing(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return `${relative(dir, path)} ${entry.isFile() ? statSync(path).size : entry.isSymbolicLink() ? 'link' : 'dir'}`;
    })
    .sort();
}

/** A project as a team has it: a repository with a package, an Astro config, sources and content. */
function project(): string {
  const root = scratch('project');
  mkdirSync(join(root, '.git'));
  writeFileSync(join(root, '.git/HEAD'), 'ref: refs/heads/main\n');
  writeFileSync(join(root, 'package.json'), '{ "name": "team-handbook" }\n');
  writeFileSync(join(root, 'astro.config.mjs'), 'export default {};\n');
  writeFileSync(join(root, 'README.md'), '# Our handbook\n');
  mkdirSync(join(root, 'src'));
  writeFileSync(join(root, 'src/notes.ts'), 'export {};\n');
  cpSync(MINIMAL, join(root, 'content'), { recursive: true });
  return root;
}

/** A site as an earlier build leaves it. */
function builtSite(dir: string, page = '<h1>last good site</h1>\n'): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), page);
  mkdirSync(join(dir, 'pagefind'));
  writeFileSync(join(dir, 'pagefind/pagefind.js'), '// index\n');
  writeFileSync(join(dir, STAMP), 'built\n');
  return dir;
}

/** A pid that belonged to a process which has exited. */
function deadPid(): number {
  const { pid } = spawnSync('true');
  if (pid === undefined) throw new Error('could not start `true`');
  return pid;
}

describe('handbook build --out refuses folders it must not replace', () => {
  it('refuses the project, the content and the home folder it runs with, with one message, exit 2, nothing touched', () => {
    const root = project();
    const home = scratch('home');
    writeFileSync(join(home, '.bashrc'), 'export EDITOR=vi\n');
    const content = join(scratch('content'), 'handbook');
    cpSync(MINIMAL, content, { recursive: true });
    const before = [listing(root), listing(home), listing(content)];
    const refusals: [string, string, Record<string, string>][] = [
      ['.', 'it is the project folder', {}],
      [content, 'it is the content folder', { HANDBOOK_CONTENT: content }],
      [home, 'it is the home folder', { HOME: home }],
    ];
    for (const [out, reason, env] of refusals) {
      const { code, stdout, stderr } = handbook(['build', '--out', out], { cwd: root, env });
      expect(code, out).toBe(2);
      expect(stdout, out).toBe('');
      expect(stderr.trimEnd().split('\n'), out).toEqual([expect.stringContaining(`handbook build: Unexpected --out \`${out}\`: ${reason}. Expected`)]);
    }
    expect([listing(root), listing(home), listing(content)]).toEqual(before);
  });

  it('refuses any folder holding those, /, a file, a project and a folder of files no build wrote', () => {
    const root = project();
    const around = { root, content: join(root, 'content'), home: join(scratch('home'), 'me') };
    mkdirSync(join(root, 'other'));
    writeFileSync(join(root, 'other/package.json'), '{}\n');
    writeFileSync(join(root, 'other', STAMP), 'built\n');
    const before = listing(root);
    for (const [out, reason] of [
      ['content/..', 'it is the project folder'],
      ['content/./', 'it is the content folder'],
      ['..', 'it holds the project folder'],
      [join(around.home, '..'), 'it holds the home folder'],
      ['/', 'it is the root of the file system'],
      ['src', 'it holds files that no earlier build wrote (there is no `.handbook-build` in it)'],
      ['.git', 'it holds files that no earlier build wrote'],
      ['README.md', 'it is a file, not a folder'],
      ['other', 'it holds `package.json`, so it is a project, not a built site'],
    ]) {
      expect(() => outputFolder(out!, around), out).toThrow(`Unexpected --out \`${out}\`: ${reason}`);
    }
    for (const out of ['dist', 'new/deeper/site', 'other/dist']) expect(outputFolder(out, around)).toBe(join(root, out));
    expect(listing(root)).toEqual(before);
  });

  it('says why and what to do in one sentence', () => {
    const { stderr } = handbook(['build', '--out', '.'], { cwd: project() });
    expect(stderr).toMatchInlineSnapshot(`
      "handbook build: Unexpected --out \`.\`: it is the project folder. Expected a folder for the built site alone, such as dist: new, empty, or written by an earlier build (which leaves \`.handbook-build\` in it), because a build replaces that folder whole
      "
    `);
  });

  it('names the real folder when --out is a symlink, so the build can be pointed there', () => {
    const root = project();
    const target = builtSite(join(scratch('site'), 'public'));
    symlinkSync(target, join(root, 'dist'));
    const { code, stderr } = handbook(['build'], { cwd: root });
    expect(code).toBe(2);
    expect(stderr).toContain(`it is a symlink to \`${target}\`; a build would replace the link, not the site it points at (pass \`--out ${target}\` to build there)`);
  });

  it('treats an empty --out, as an unset variable gives, as a usage error', () => {
    const root = project();
    const before = listing(root);
    for (const args of [['--out', ''], ['--out=']]) {
      const { code, stderr } = handbook(['build', ...args], { cwd: root });
      expect(code).toBe(2);
      expect(stderr).toMatch(/^handbook build: Unexpected empty value for `--out`, expected a value \(is a shell variable unset\?\)\n\nUsage: handbook build/);
    }
    expect(listing(root)).toEqual(before);
  });
});

describe('handbook build checks its environment first', () => {
  it('exits 2 for a HANDBOOK_TODAY that is not a real day, before anything is built', () => {
    const root = project();
    const before = listing(root);
    for (const today of ['24.11.2026', '2026-02-30', '']) {
      const { code, stderr } = handbook(['build'], { cwd: root, env: { HANDBOOK_TODAY: today } });
      expect(code, today).toBe(2);
      expect(stderr.split('\n')[0]).toBe(`handbook build: Unexpected HANDBOOK_TODAY \`${today}\`, expected a date written YYYY-MM-DD`);
    }
    expect(listing(root)).toEqual(before);
  });
});

describe('one build at a time', () => {
  it('refuses a second build while the first holds the lock, and leaves both the lock and the site alone', () => {
    const root = project();
    const out = builtSite(join(root, 'dist'));
    const lock = join(root, '.dist.building-lock');
    writeFileSync(lock, `${process.pid}\n`);
    const before = listing(root);
    const { code, stderr } = handbook(['build'], { cwd: root });
    expect(code).toBe(2);
    expect(stderr).toBe(`handbook build: Unexpected second build into \`dist\`: another build is running (pid ${process.pid}). Expected one build at a time; wait for it to finish, or delete \`${lock}\` if no build is running\n`);
    expect(listing(root)).toEqual(before);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('<h1>last good site</h1>\n');
  });

  it('takes over a lock whose build was killed, and releases it', () => {
    const out = join(scratch('out'), 'dist');
    const lock = join(out, '../.dist.building-lock');
    writeFileSync(lock, `${deadPid()}\n`);
    const release = lockOutput(out);
    expect(readFileSync(lock, 'utf8')).toBe(`${process.pid}\n`);
    expect(() => lockOutput(out)).toThrow(`another build is running (pid ${process.pid})`);
    release();
    expect(existsSync(lock)).toBe(false);
    expect(readdirSync(join(out, '..'))).toEqual([]);
  });
});

describe('the last good site survives a build killed at any point of its swap', () => {
  it('puts the previous site back when the build was killed between the two renames', () => {
    const parent = scratch('out');
    const out = join(parent, 'dist');
    builtSite(join(parent, '.dist.building-previous'));
    builtSite(join(parent, '.dist.building-4242'), '<h1>half built</h1>\n');
    writeFileSync(join(parent, 'notes.txt'), 'not ours\n');
    recoverOutput(out);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('<h1>last good site</h1>\n');
    expect(readdirSync(parent).sort()).toEqual(['dist', 'notes.txt']);
  });

  it('keeps the new site when only the clean-up after the swap was cut short', () => {
    const parent = scratch('out');
    const out = builtSite(join(parent, 'dist'), '<h1>new site</h1>\n');
    builtSite(join(parent, '.dist.building-previous'));
    recoverOutput(out);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('<h1>new site</h1>\n');
    expect(readdirSync(parent)).toEqual(['dist']);
  });

  it('swaps the folder in with two renames and stamps it as a build', () => {
    const parent = scratch('out');
    const out = builtSite(join(parent, 'dist'));
    const staging = builtSite(join(parent, '.dist.building-1'), '<h1>new site</h1>\n');
    rmSync(join(staging, STAMP));
    replaceOutput(staging, out);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('<h1>new site</h1>\n');
    expect(readFileSync(join(out, STAMP), 'utf8')).toMatch(/handbook build/);
    expect(readdirSync(parent)).toEqual(['dist']);
  });
});

describe('an output folder that cannot be renamed (a mount point, another file system)', () => {
  /** The states an in-place swap passes through, as a kill would leave them inside `dist`. */
  function inPlace(state: 'moving' | 'partly-in' | 'all-in'): string {
    const out = join(scratch('out'), 'dist');
    builtSite(join(out, '.handbook-next'), '<h1>new site</h1>\n');
    if (state === 'moving') {
      // The old page still in place, the old index and stamp already aside.
      builtSite(join(out, '.handbook-moving'));
      renameSync(join(out, '.handbook-moving/index.html'), join(out, 'index.html'));
      return out;
    }
    // Every old file aside, the new page moved in, and the new stamp (moved last) only when all is in.
    builtSite(join(out, '.handbook-previous'));
    renameSync(join(out, '.handbook-next/index.html'), join(out, 'index.html'));
    if (state === 'all-in') renameSync(join(out, '.handbook-next', STAMP), join(out, STAMP));
    return out;
  }

  it('rolls back a swap killed while the old files were moved aside, or while the new ones were moved in', () => {
    for (const state of ['moving', 'partly-in'] as const) {
      const out = inPlace(state);
      recoverOutput(out);
      expect(readdirSync(out).sort(), state).toEqual([STAMP, 'index.html', 'pagefind']);
      expect(readFileSync(join(out, 'index.html'), 'utf8'), state).toBe('<h1>last good site</h1>\n');
    }
  });

  it('finishes a swap killed after the new stamp, the last file, was in place', () => {
    const out = inPlace('all-in');
    recoverOutput(out);
    expect(readdirSync(out).sort()).toEqual([STAMP, 'index.html']);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('<h1>new site</h1>\n');
  });

  it('replaces the contents of a mount point, where renaming the folder fails with EBUSY', (context) => {
    const parent = scratch('out');
    const out = join(parent, 'dist');
    mkdirSync(out);
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', out]).status !== 0) return context.skip('mounting a tmpfs is not permitted here');
    try {
      builtSite(out);
      const staging = builtSite(join(parent, '.dist.building-1'), '<h1>new site</h1>\n');
      replaceOutput(staging, out);
      expect(readdirSync(out).sort()).toEqual([STAMP, 'index.html', 'pagefind']);
      expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('<h1>new site</h1>\n');
      expect(readdirSync(parent)).toEqual(['dist']);
      expect(statSync(out).dev).not.toBe(statSync(parent).dev);
    } finally {
      spawnSync('umount', [out]);
    }
  });
});
