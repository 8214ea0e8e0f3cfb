import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, found, OUTCOME, record, TODAY, tree, variant } from '../support/fixture.ts';

const DRAFT = record('title: An adversarial record\nstatus: draft\nowner: ana\ncreated: 2026-01-01', '');

/** The one problem of one file, as `file:line:column rule message`. */
function only(dir: string, file: string): string[] {
  return check(dir)
    .filter((p) => p.file === file)
    .map((p) => `${p.file}:${p.line}:${p.column} ${p.rule} ${p.message}`);
}

describe('adversarial YAML is refused quickly, with a clear message', () => {
  it('refuses an alias bomb ("billion laughs") at its first alias, without expanding it', () => {
    const lines = ['tags: &a [x, x, x, x, x, x, x, x, x]'];
    for (const [name, previous] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e'], ['g', 'f'], ['h', 'g'], ['i', 'h']]) {
      lines.push(`x${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    }
    const dir = tree({ [OUTCOME]: `---\ntitle: Nine to the ninth values\nstatus: draft\nowner: ana\ncreated: 2026-01-01\n${lines.join('\n')}\n---\n` });
    expect(only(dir, OUTCOME)).toEqual([`${OUTCOME}:7:9 yaml-alias Unexpected YAML alias \`*a\`, expected every value written out: aliases can expand a few lines into millions of values`]);
  });

  it('refuses flow collections nested deeper than 32 levels instead of exhausting the stack', () => {
    const dir = tree({ [OUTCOME]: `---\ntitle: Deeply nested tags\nstatus: draft\nowner: ana\ncreated: 2026-01-01\ntags: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n---\n` });
    expect(only(dir, OUTCOME)).toEqual([`${OUTCOME}:6:39 yaml-depth Unexpected nesting too deep to read, expected plain fields and short lists`]);
  });
});

describe('deep block nesting', () => {
  it('is refused with the same message, wherever the parser gave up', () => {
    const nested = Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
    const problems = check(tree({ [OUTCOME]: `---\ntitle: Deeply nested map\nstatus: draft\nowner: ana\ncreated: 2026-01-01\nextra:\n${nested} x\n---\n` })).filter((p) => p.file === OUTCOME);
    expect(problems.map((p) => `${p.rule} ${p.message}`)).toEqual(['yaml-depth Unexpected nesting too deep to read, expected plain fields and short lists']);
  });
});

describe('adversarial files are problems of their own, never crashes', () => {
  it('refuses a 10 MB record without reading it', () => {
    const dir = tree({ [OUTCOME]: `${DRAFT}${'A line of a pasted log file, over and over.\n'.repeat(240_000)}` });
    expect(only(dir, OUTCOME)).toEqual([`${OUTCOME}:1:1 file-too-large Unexpected file of 10.1 MB, expected a record under 2 MB; link large logs and data instead of pasting them`]);
  });

  it('reports a binary file at its first byte that is not UTF-8', () => {
    const dir = tree({ [OUTCOME]: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) });
    expect(only(dir, OUTCOME)).toEqual([`${OUTCOME}:1:1 file-encoding Unexpected bytes that are not UTF-8, expected a UTF-8 text file`]);
  });

  it('reports a NUL byte in otherwise valid UTF-8 text at its position', () => {
    const dir = tree({ [OUTCOME]: DRAFT.replace('adversarial', 'adver\0sarial') });
    expect(only(dir, OUTCOME)).toEqual([`${OUTCOME}:2:16 file-binary Unexpected NUL byte, expected a text file`]);
  });

  it('reports a Latin-1 file at the byte that is not UTF-8', () => {
    const dir = tree({ [OUTCOME]: Buffer.from('---\ntitle: Caf\xe9 opening hours\n---\n', 'latin1') });
    expect(only(dir, OUTCOME)).toEqual([`${OUTCOME}:2:11 file-encoding Unexpected bytes that are not UTF-8, expected a UTF-8 text file`]);
  });

  it('reports an empty file and a file holding only `---`', () => {
    const dir = tree({ [OUTCOME]: '', 'outcomes/only-dashes.md': '---' });
    expect(only(dir, OUTCOME)).toEqual([`${OUTCOME}:1:1 file-empty Unexpected empty file, expected frontmatter and a body`]);
    expect(only(dir, 'outcomes/only-dashes.md')).toEqual(['outcomes/only-dashes.md:1:1 frontmatter-unterminated Unexpected end of file, expected `---` to close the frontmatter opened on line 1']);
  });

  it('reports a folder named like a record', () => {
    const dir = tree();
    mkdirSync(join(dir, 'decisions/0002-a-folder.md'));
    writeFileSync(join(dir, 'decisions/0002-a-folder.md/notes.txt'), 'inside\n');
    expect(only(dir, 'decisions/0002-a-folder.md')).toEqual(['decisions/0002-a-folder.md:1:1 file-folder Unexpected folder named like a record, expected a Markdown file']);
  });

  it('refuses a symlink that leads outside the handbook folder and says so, but reads one that stays inside', () => {
    const dir = tree();
    symlinkSync('/etc/hostname', join(dir, 'outcomes/leak.md'));
    symlinkSync('../outcomes/faster-checkout.md', join(dir, 'postmortems/2026-01-01-alias.md'));
    expect(only(dir, 'outcomes/leak.md')).toEqual(['outcomes/leak.md:1:1 file-symlink Unexpected symlink to `/etc/hostname` outside the handbook folder, expected records to live in it; it was not read']);
    expect(check(dir).filter((p) => p.file === 'postmortems/2026-01-01-alias.md').map((p) => p.rule)).not.toContain('file-symlink');
  });

  it('reports two ids that differ only by case, at the second', () => {
    const dir = tree({ 'outcomes/Faster-Checkout.md': DRAFT });
    expect(found(dir, 'id-case')).toEqual(['outcomes/faster-checkout.md:1:1 Unexpected id `faster-checkout` that differs from `Faster-Checkout` only in case, expected ids that stay distinct on case-insensitive file systems and in URLs']);
  });

  it('reports lone carriage returns as line endings it cannot place', () => {
    const dir = tree({ [OUTCOME]: DRAFT.replaceAll('\n', '\r') });
    expect(only(dir, OUTCOME)).toEqual([`${OUTCOME}:1:4 line-endings Unexpected carriage return without a line feed, expected LF or CRLF line endings`]);
  });

  it('keeps positions exact in a CRLF file that starts with a byte order mark', () => {
    const text = `\uFEFF${record('title: Positions with CRLF\nstatus: committed\nowner: nobody\ncreated: 2026-01-01', '## Why\n\nBecause.').replaceAll('\n', '\r\n')}`;
    const dir = tree({ [OUTCOME]: text });
    expect(found(dir, 'unknown-reference').concat(found(dir, 'invalid-reference'))).toEqual([`${OUTCOME}:4:8 Unexpected \`nobody\` in \`owner\`, expected a person id from people.yaml`]);
  });
});

/**
 * `handbook check` in a child process run inside `dir` (so paths read `outcomes/x.md`):
 * a read that blocks fails the test at the timeout instead of hanging the test run.
 */
function checkInChild(dir: string, user: { uid?: number; gid?: number } = {}): { code: number | null; problems: string[] } {
  const result = spawnSync(join(process.cwd(), 'node_modules/.bin/node'), [join(process.cwd(), 'bin/handbook.js'), 'check', '.', '--format', 'json', '--today', TODAY], { cwd: dir, encoding: 'utf8', timeout: 30_000, ...user });
  expect(result.error, 'check did not finish').toBeUndefined();
  expect(result.stderr).toBe('');
  const { problems } = JSON.parse(result.stdout) as { problems: { file: string; line: number; column: number; rule: string; message: string }[] };
  return { code: result.status, problems: problems.filter((p) => p.rule.startsWith('file-') || p.rule === 'kind-folder').map((p) => `${p.file}:${p.line}:${p.column} ${p.rule} ${p.message}`) };
}

const run = (command: string, ...args: string[]): void => {
  const result = spawnSync(command, args);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
};

describe('folders and special files are held to the same rules as record files', () => {
  it('refuses a kind folder that is a symlink out of the handbook, and publishes none of its records', () => {
    const dir = tree();
    const elsewhere = mkdtempSync(join(tmpdir(), 'handbook-elsewhere-'));
    cpSync(join(dir, 'outcomes'), elsewhere, { recursive: true });
    rmSync(join(dir, 'outcomes'), { recursive: true });
    symlinkSync(elsewhere, join(dir, 'outcomes'));
    expect(only(dir, 'outcomes')).toEqual([`outcomes:1:1 file-symlink Unexpected symlink to \`${elsewhere}\` outside the handbook folder, expected records to live in it; it was not read`]);
    expect(check(dir).some((p) => p.file.startsWith('outcomes/'))).toBe(false);
  });

  it('reads a kind folder that is a symlink to a folder inside the handbook', () => {
    const dir = tree();
    renameSync(join(dir, 'outcomes'), join(dir, 'archived-outcomes'));
    symlinkSync('archived-outcomes', join(dir, 'outcomes'));
    expect(check(dir).filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('reports a file where a kind folder should be', () => {
    const dir = tree();
    rmSync(join(dir, 'outcomes'), { recursive: true });
    writeFileSync(join(dir, 'outcomes'), 'not a folder\n');
    expect(only(dir, 'outcomes')).toEqual(['outcomes:1:1 kind-folder Unexpected file named like the outcomes folder, expected a folder of outcomes']);
  });

  it('refuses a named pipe as a record, people.yaml or teams.yaml without opening it, where reading would wait forever', () => {
    const dir = tree({ 'people.yaml': null });
    run('mkfifo', join(dir, 'outcomes/waiting.md'), join(dir, 'people.yaml'));
    symlinkSync('waiting.md', join(dir, 'outcomes/linked.md'));
    expect(checkInChild(dir).problems).toEqual([
      'outcomes/linked.md:1:1 file-special Unexpected special file (a named pipe), expected a Markdown file; it was not opened',
      'outcomes/waiting.md:1:1 file-special Unexpected special file (a named pipe), expected a Markdown file; it was not opened',
      'people.yaml:1:1 file-special Unexpected special file (a named pipe), expected a YAML file; it was not opened',
    ]);
  });

  it('refuses a device as a record without opening it', () => {
    const dir = tree();
    const made = spawnSync('mknod', [join(dir, 'outcomes/device.md'), 'c', '1', '3']);
    if (made.status !== 0) return void console.warn('mknod is not permitted here; the device case is covered by the named pipe case');
    expect(only(dir, 'outcomes/device.md')).toEqual(['outcomes/device.md:1:1 file-special Unexpected special file (a character device), expected a Markdown file; it was not opened']);
  });

  it('reports people.yaml or teams.yaml that is a folder, in its own words', () => {
    const dir = tree({ 'people.yaml': null, 'teams.yaml': null });
    mkdirSync(join(dir, 'people.yaml'));
    symlinkSync('people.yaml', join(dir, 'teams.yaml'));
    expect(check(dir).filter((p) => p.file.endsWith('.yaml')).map((p) => `${p.file} ${p.rule} ${p.message}`)).toEqual([
      'people.yaml file-folder Unexpected folder named like people.yaml, expected a YAML file',
      'teams.yaml file-folder Unexpected folder named like teams.yaml, expected a YAML file',
    ]);
  });

  it('refuses people.yaml that is a symlink out of the handbook, as it would publish what it points at', () => {
    const dir = tree({ 'people.yaml': null });
    symlinkSync('/etc/passwd', join(dir, 'people.yaml'));
    expect(only(dir, 'people.yaml')).toEqual(['people.yaml:1:1 file-symlink Unexpected symlink to `/etc/passwd` outside the handbook folder, expected records to live in it; it was not read']);
  });

  // Root reads every file whatever its mode, so as root the check runs as `nobody`
  // (uid 65534), for whom a mode of 000 really refuses the read: the same EACCES a
  // writer's unreadable file gives, from the real system call, not a stand-in.
  it('reports a record, a kind folder and teams.yaml it may not read, without a stack trace', () => {
    const dir = tree();
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) chmodSync(join(entry.parentPath, entry.name), entry.isDirectory() ? 0o755 : 0o644);
    chmodSync(dir, 0o755);
    for (const [path, mode] of [[OUTCOME, 0], ['postmortems', 0], ['teams.yaml', 0]] as const) chmodSync(join(dir, path), mode);
    const { code, problems } = checkInChild(dir, asUser);
    expect(code).toBe(1);
    expect(problems).toEqual([
      `${OUTCOME}:1:1 file-unreadable Unexpected \`EACCES: permission denied\` when reading it, expected a Markdown file that can be read`,
      'postmortems:1:1 file-unreadable Unexpected `EACCES: permission denied` when reading it, expected a folder of postmortems that can be read',
      'teams.yaml:1:1 file-unreadable Unexpected `EACCES: permission denied` when reading it, expected a YAML file that can be read',
    ]);
  });
});

describe('problems are collected however many there are', () => {
  it('reports all 130,000 placeholders of one record instead of overflowing the call stack', () => {
    const dir = tree({ [OUTCOME]: variant(OUTCOME, ['Caching card tokens did most of the work.', `Caching card tokens did most of the work. ${'TODO '.repeat(130_000)}`]) });
    expect(found(dir, 'placeholder')).toHaveLength(130_000);
  }, 60_000);
});
