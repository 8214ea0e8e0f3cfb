import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DECISION, OUTCOME, POSTMORTEM, tree, variant } from '../support/fixture.ts';

const NODE = 'node_modules/.bin/node';

function handbook(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(NODE, ['bin/handbook.js', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A tree with three broken files: a misspelt (so also missing) field, an empty section, an unknown owner. */
function broken(): string {
  return tree({
    [DECISION]: variant(DECISION, ['reviewBy: 2027-01-20', 'reviewby: 2027-01-20']),
    [OUTCOME]: variant(OUTCOME, ['Caching card tokens did most of the work.\n', '']),
    [POSTMORTEM]: variant(POSTMORTEM, ['owner: ana', 'owner: nobody']),
  });
}

describe('handbook check', () => {
  it('exits 0 and says so on the example handbook', () => {
    const { code, stdout } = handbook('check', 'content', '--today', '2026-11-24');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^0 errors, \d+ warnings in \d+ records$/m);
  });

  it('reports every problem of several files in one run, grouped by file, and exits 1', () => {
    const dir = broken();
    const { code, stdout, stderr } = handbook('check', dir, '--today', '2026-11-24');
    expect(code).toBe(1);
    expect(stderr).toBe('');
    const files = stdout.split('\n').filter((line) => line.endsWith('.md'));
    expect(files.map((f) => f.split('/').slice(-2).join('/'))).toEqual([DECISION, OUTCOME, POSTMORTEM]);
    expect(stdout).toContain('unknown-field');
    expect(stdout).toContain('section-empty');
    expect(stdout).toContain('unknown-reference');
    expect(stdout.trim().split('\n').at(-1)).toBe('4 errors, 0 warnings in 4 records');
  });

  it('prints exactly the documented JSON shape', () => {
    const { code, stdout } = handbook('check', broken(), '--format', 'json', '--today', '2026-11-24');
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { problems: Record<string, unknown>[]; records: number };
    expect(Object.keys(report)).toEqual(['problems', 'records']);
    expect(report.records).toBe(4);
    expect(report.problems).toHaveLength(4);
    for (const problem of report.problems) {
      expect(Object.keys(problem)).toEqual(['file', 'line', 'column', 'severity', 'rule', 'message']);
    }
    expect(report.problems.find((p) => p['rule'] === 'unknown-field')).toMatchObject({ line: 16, column: 1, severity: 'error' });
  });

  it('prints GitHub annotations with file, line, column and title', () => {
    const { stdout } = handbook('check', broken(), '--format', 'github', '--today', '2026-11-24');
    const annotations = stdout.split('\n').filter((line) => line.startsWith('::'));
    expect(annotations).toHaveLength(4);
    expect(annotations).toContainEqual(expect.stringMatching(/^::error file=.*decisions\/0001-cache-tokens\.md,line=16,col=1,title=handbook unknown-field::Unexpected field `reviewby`/));
    expect(annotations).toContainEqual(expect.stringMatching(/^::error file=.*decisions\/0001-cache-tokens\.md,line=4,col=9,title=handbook required-field::Missing `reviewBy`/));
  });

  it('judges overdue against --today, and --strict turns warnings into failure', () => {
    const dir = tree();
    expect(handbook('check', dir, '--today', '2026-11-24').code).toBe(0);
    const late = handbook('check', dir, '--today', '2027-02-01');
    expect(late.code).toBe(0);
    expect(late.stdout).toContain('review-overdue');
    expect(handbook('check', dir, '--today', '2027-02-01', '--strict').code).toBe(1);
    expect(handbook('check', dir, '--today', '2026-11-24', '--strict').code).toBe(0);
  });

  it('exits 2 for usage errors without a stack trace', () => {
    for (const args of [['check', '--colour'], ['check', 'no-such-dir'], ['check', '--format', 'xml'], ['check', '--today', 'tomorrow'], ['chekc']]) {
      const { code, stderr } = handbook(...args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toMatch(/^handbook/);
      expect(stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('never prints a stack trace for broken content', () => {
    const dir = tree({
      [OUTCOME]: '',
      [DECISION]: '---\ntitle: never closed\n',
      [POSTMORTEM]: Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x0a]),
      'people.yaml': 'people: [unclosed\n',
    });
    const { code, stdout, stderr } = handbook('check', dir);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    for (const rule of ['file-empty', 'frontmatter-unterminated', 'file-encoding', 'yaml-syntax']) expect(stdout).toContain(rule);
  });

  it('prints a file name holding escape codes escaped, so it cannot drive the terminal', () => {
    const dir = tree({ 'outcomes/x\u001b[2J\u001b]0;owned\u0007.md': '' });
    const { code, stdout } = handbook('check', dir, '--today', '2026-11-24');
    expect(code).toBe(1);
    expect(stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(stdout).toContain('outcomes/x\\u001b[2J\\u001b]0;owned\\u0007.md\n  1:1      error    Unexpected empty file');
  });

  it('colours by NO_COLOR, FORCE_COLOR and the terminal', () => {
    const dir = tree({ [OUTCOME]: '' });
    const { NO_COLOR: _, FORCE_COLOR: __, ...inherited } = process.env;
    const run = (env: Record<string, string>): string => spawnSync(NODE, ['bin/handbook.js', 'check', dir], { encoding: 'utf8', env: { ...inherited, ...env } }).stdout;
    const coloured = /\u001b\[\d+m/;
    expect(run({ FORCE_COLOR: '1' })).toMatch(coloured);
    expect(run({ FORCE_COLOR: '1', NO_COLOR: '1' })).toMatch(coloured);
    expect(run({ FORCE_COLOR: '0' })).not.toMatch(coloured);
    expect(run({ NO_COLOR: '1' })).not.toMatch(coloured);
  });
});
