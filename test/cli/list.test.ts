import { describe, expect, it } from 'vitest';
import type { Row } from '../../src/records/query.ts';
import { handbook } from '../support/cli.ts';
import { OUTCOME, tree, variant } from '../support/fixture.ts';

const TODAY = '2026-11-24';

function list(...args: string[]): Row[] {
  const { code, stdout } = handbook(['list', '--format', 'json', '--today', TODAY, ...args]);
  expect(code).toBe(0);
  return JSON.parse(stdout) as Row[];
}

describe('handbook list', () => {
  it('lists every record, drafts included, and narrows by kind and status', () => {
    expect(list()).toHaveLength(44);
    const drafts = list('--status', 'draft');
    expect(drafts.map((r) => r.ref).sort()).toEqual([
      'decisions/0017-active-passive-second-region',
      'outcomes/2026-q4-self-serve-refunds',
      'outcomes/2027-q1-multi-region-ledger',
      'postmortems/2026-11-20-payout-file-delay',
    ]);
    expect(list('--kind', 'decision', '--status', 'superseded').map((r) => r.ref)).toEqual(['decisions/0002-kafka-as-the-event-bus', 'decisions/0009-managed-kafka']);
    expect(list('--kind', 'postmortems').every((r) => r.kind === 'postmortem')).toBe(true);
  });

  it('filters by owner, by team (the owner\'s when the record names none) and by tag', () => {
    const owned = list('--owner', 'priya');
    expect(owned.length).toBeGreaterThan(1);
    expect(owned.every((r) => r.owner === 'priya')).toBe(true);
    const platform = list('--team', 'platform');
    expect(platform.map((r) => r.ref)).toEqual(expect.arrayContaining(owned.map((r) => r.ref)));
    expect(platform.every((r) => r.team === 'platform')).toBe(true);
    const tagged = list('--tag', 'events');
    expect(tagged.map((r) => r.ref)).toContain('decisions/0009-managed-kafka');
    expect(list('--tag', 'no-such-tag')).toEqual([]);
  });

  it('lists as overdue exactly the records check warns about', () => {
    const { stdout } = handbook(['check', '--format', 'json', '--today', TODAY]);
    const warned = (JSON.parse(stdout) as { problems: { file: string; rule: string }[] }).problems
      .filter((p) => /-overdue$/.test(p.rule))
      .map((p) => p.file.replace(/^content\//, '').replace(/\.mdx?$/, ''));
    expect(list('--overdue').map((r) => r.ref).sort()).toEqual([...new Set(warned)].sort());
    expect(list('--overdue', '--kind', 'decision').map((r) => r.ref)).toEqual(['decisions/0010-opentelemetry-tracing', 'decisions/0012-payout-batching-window']);
    expect(list('--overdue', '--today', '2025-01-01')).toEqual([]);
  });

  it('prints an aligned table with a count', () => {
    const { stdout } = handbook(['list', '--kind', 'decision', '--overdue', '--today', TODAY]);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^RECORD\s+STATUS\s+OWNER\s+TEAM\s+DATE\s+TITLE\s+OVERDUE$/);
    expect(lines[1]).toMatch(/^decisions\/0010-opentelemetry-tracing\s+accepted\s+ines\s+platform\s+2026-11-17\s+Instrument every service with OpenTelemetry traces\s+review overdue$/);
    expect(lines[1]!.indexOf('accepted')).toBe(lines[0]!.indexOf('STATUS'));
    expect(lines.at(-1)).toBe('2 records');
  });

  it('exits 2 for an unknown kind or format', () => {
    expect(handbook(['list', '--kind', 'memo']).code).toBe(2);
    expect(handbook(['list', '--format', 'csv']).code).toBe(2);
  });

  it('shows escape codes in a title escaped in the table, so they cannot drive the terminal', () => {
    const dir = tree({ [OUTCOME]: variant(OUTCOME, ['title: Checkout answers within 300 ms', 'title: "Checkout \\e[2J\\e]0;owned\\a answers \\u009b31m fast"']) });
    const { code, stdout } = handbook(['list', dir, '--today', TODAY]);
    expect(code).toBe(0);
    expect(stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(stdout).toContain('Checkout \\u001b[2J\\u001b]0;owned\\u0007 answers \\u009b31m fast');
  });
});
