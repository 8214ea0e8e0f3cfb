import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { slugify } from '../../src/authoring/new.ts';
import { exampleCopy, handbook } from '../support/cli.ts';

const DATE = '2026-11-24';

function created(stdout: string): string {
  const path = /^Created (\S+) /.exec(stdout)?.[1];
  if (path === undefined) throw new Error(`no path in: ${stdout}`);
  return path;
}

/** Problems `check` reports for one file, as rule names. */
function rulesFor(dir: string, file: string): string[] {
  const { stdout } = handbook(['check', dir, '--format', 'json', '--today', DATE]);
  const report = JSON.parse(stdout) as { problems: { file: string; rule: string; severity: string }[] };
  return report.problems.filter((p) => p.file.endsWith(file) && p.severity === 'error').map((p) => p.rule);
}

/** A git repository around the handbook folder with a configured author. */
function gitAuthor(dir: string, name: string, email: string): void {
  const git = (...args: string[]) => spawnSync('git', args, { cwd: join(dir, '..'), encoding: 'utf8' });
  git('init', '-q');
  git('config', 'user.name', name);
  git('config', 'user.email', email);
}

describe('handbook new', () => {
  it('writes a decision with the next free number, today\'s date and the owner, that passes check as a draft', () => {
    const dir = exampleCopy();
    const { code, stdout } = handbook(['new', 'decision', 'Adopt feature flags', '--owner', 'grace', '--date', DATE, '--dir', dir]);
    expect(code).toBe(0);
    const path = created(stdout);
    expect(path).toBe(join(dir, 'decisions/0019-adopt-feature-flags.md'));
    const text = readFileSync(path, 'utf8');
    expect(text).toMatch(/^---\ntitle: Adopt feature flags\n/);
    expect(text).toContain('\nstatus: draft\nowner: grace\ncreated: 2026-11-24\n');
    for (const section of ['Context', 'Options', 'Decision', 'Consequences']) expect(text).toContain(`\n## ${section}\n`);
    expect(rulesFor(dir, '0019-adopt-feature-flags.md')).toEqual([]);
    const second = handbook(['new', 'decision', 'Retire the old flags', '--owner', 'grace', '--dir', dir]);
    expect(created(second.stdout)).toBe(join(dir, 'decisions/0020-retire-the-old-flags.md'));
  });

  it('numbers the decision after 9999 as 10000, which check accepts', () => {
    const dir = exampleCopy();
    const last = join(dir, 'decisions/9999-the-last-four-digit-number.md');
    writeFileSync(last, readFileSync(join(dir, 'decisions/0001-postgres-for-the-ledger.md'), 'utf8').replace(/^title: .*$/m, 'title: The last four-digit number'));
    const { code, stdout } = handbook(['new', 'decision', 'Keep counting', '--owner', 'grace', '--date', DATE, '--dir', dir]);
    expect(code).toBe(0);
    expect(created(stdout)).toBe(join(dir, 'decisions/10000-keep-counting.md'));
    expect(rulesFor(dir, '10000-keep-counting.md')).toEqual([]);
    expect(rulesFor(dir, '9999-the-last-four-digit-number.md')).toEqual([]);
  });

  it('names postmortems by date and outcomes by their title, quoting titles YAML would misread', () => {
    const dir = exampleCopy();
    const postmortem = handbook(['new', 'postmortem', 'Webhooks: delivered twice', '--owner', 'noor', '--date', '2026-11-23', '--dir', dir]);
    expect(created(postmortem.stdout)).toBe(join(dir, 'postmortems/2026-11-23-webhooks-delivered-twice.md'));
    expect(readFileSync(created(postmortem.stdout), 'utf8')).toContain('title: "Webhooks: delivered twice"\n');
    const outcome = handbook(['new', 'outcome', 'Café payouts within 1 hour', '--owner', 'noor', '--dir', dir]);
    expect(created(outcome.stdout)).toBe(join(dir, 'outcomes/cafe-payouts-within-1-hour.md'));
    expect(rulesFor(dir, '2026-11-23-webhooks-delivered-twice.md')).toEqual([]);
    expect(rulesFor(dir, 'cafe-payouts-within-1-hour.md')).toEqual([]);
  });

  it('fails on its template prompts once promoted past draft', () => {
    const dir = exampleCopy();
    for (const [kind, next] of [['decision', 'proposed'], ['outcome', 'committed'], ['postmortem', 'in-review']] as const) {
      const path = created(handbook(['new', kind, `A ${kind} that moves on`, '--owner', 'noor', '--date', DATE, '--dir', dir]).stdout);
      writeFileSync(path, readFileSync(path, 'utf8').replace('status: draft', `status: ${next}`));
      expect(rulesFor(dir, path.split('/').at(-1)!), kind).toContain('placeholder');
    }
  });

  it('takes the owner from git when their GitHub name is in people.yaml', () => {
    const dir = exampleCopy();
    gitAuthor(dir, 'Priya Raman', '1234+praman@users.noreply.github.com');
    const github = readFileSync(join(dir, 'people.yaml'), 'utf8').includes('github: praman');
    expect(github).toBe(true);
    const { code, stdout } = handbook(['new', 'outcome', 'Owner from git config', '--dir', dir]);
    expect(code).toBe(0);
    expect(readFileSync(created(stdout), 'utf8')).toContain('\nowner: priya\n');
  });

  it('refuses an unknown owner, listing the valid ids, and writes nothing', () => {
    const dir = exampleCopy();
    gitAuthor(dir, 'Somebody Else', 'someone@example.com');
    for (const args of [['--owner', 'zed'], []]) {
      const { code, stderr } = handbook(['new', 'decision', 'Nobody owns this one', ...args, '--dir', dir]);
      expect(code).toBe(1);
      expect(stderr).toMatch(/expected one of amara, lucas, .*grace/);
    }
    expect(existsSync(join(dir, 'decisions/0019-nobody-owns-this-one.md'))).toBe(false);
  });

  it('never overwrites an existing record', () => {
    const dir = exampleCopy();
    const path = join(dir, 'outcomes/2026-q2-checkout-p99.md');
    const before = readFileSync(path, 'utf8');
    const { code, stderr } = handbook(['new', 'outcome', '2026 Q2 checkout p99', '--owner', 'amara', '--dir', dir]);
    expect(code).toBe(1);
    expect(stderr).toContain('Unexpected existing file');
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('exits 2 for a wrong kind, a missing title or a bad date', () => {
    for (const args of [['new', 'memo', 'Some title here'], ['new', 'decision'], ['new', 'decision', 'Some title here', '--date', '24/11/2026']]) {
      const result = handbook(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('makes file-name slugs from titles', () => {
    expect(slugify('Adopt feature flags!')).toBe('adopt-feature-flags');
    expect(slugify('  Zürich → São Paulo: 2 regions ')).toBe('zurich-sao-paulo-2-regions');
    expect(slugify('x'.repeat(30) + ' ' + 'y'.repeat(30) + ' z')).toBe('x'.repeat(30));
  });
});
