import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lastChanges, parseNameLog } from '../../src/lib/last-updated.ts';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function git(cwd: string, args: string[], date: string): void {
  const env = { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@example.org', GIT_COMMITTER_NAME: 'A', GIT_COMMITTER_EMAIL: 'a@example.org' };
  const result = spawnSync('git', args, { cwd, env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
}

describe('when each record last changed', () => {
  it('takes the newest commit naming each file from one log', () => {
    const log = ['\u001eaaa\t2026-03-02T10:00:00+01:00', '', 'decisions/0002-b.md', '\u001ebbb\t2026-03-01T09:00:00Z', '', 'decisions/0001-a.md', 'decisions/0002-b.md', ''].join('\n');
    expect(parseNameLog(log)).toEqual(
      new Map([
        ['decisions/0002-b.md', { commit: 'aaa', date: '2026-03-02T10:00:00+01:00' }],
        ['decisions/0001-a.md', { commit: 'bbb', date: '2026-03-01T09:00:00Z' }],
      ]),
    );
  });

  it('reads a repository with paths relative to the content folder, names with spaces and accents included', () => {
    const root = mkdtempSync(join(tmpdir(), 'handbook-git-'));
    roots.push(root);
    const content = join(root, 'handbook content');
    mkdirSync(join(content, 'decisions'), { recursive: true });
    writeFileSync(join(root, 'README.md'), 'outside\n');
    writeFileSync(join(content, 'decisions/0001-a.md'), 'one\n');
    writeFileSync(join(content, 'decisions/0002-schlüssel.md'), 'two\n');
    git(root, ['init', '-q'], '2026-01-01T00:00:00Z');
    git(root, ['add', '.'], '2026-01-01T00:00:00Z');
    git(root, ['commit', '-q', '-m', 'first'], '2026-01-05T12:00:00+00:00');
    writeFileSync(join(content, 'decisions/0002-schlüssel.md'), 'two, edited\n');
    git(root, ['commit', '-q', '-am', 'second'], '2026-02-07T08:30:00+00:00');
    const changes = lastChanges(content);
    expect([...changes.keys()].sort()).toEqual(['decisions/0001-a.md', 'decisions/0002-schlüssel.md']);
    expect(changes.get('decisions/0001-a.md')?.date).toBe('2026-01-05T12:00:00+00:00');
    expect(changes.get('decisions/0002-schlüssel.md')?.date).toBe('2026-02-07T08:30:00+00:00');
    expect(changes.get('decisions/0002-schlüssel.md')?.commit).toMatch(/^[0-9a-f]{40}$/);
  });

  it('is empty, without an error, outside a git repository', () => {
    const root = mkdtempSync(join(tmpdir(), 'handbook-nogit-'));
    roots.push(root);
    expect(lastChanges(root)).toEqual(new Map());
    expect(lastChanges(join(root, 'missing'))).toEqual(new Map());
  });
});
