import { describe, expect, it } from 'vitest';
import { checkHandbook } from '../src/check/index.ts';
import { kinds } from '../src/schemas/index.ts';

const { problems, handbook } = checkHandbook('content', { today: '2026-11-24' });

describe('the example handbook', () => {
  it('has no error', () => {
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('is large enough to be a realistic demo', () => {
    const count = (collection: string): number => handbook.records.filter((r) => r.kind.collection === collection).length;
    expect(handbook.records.length).toBeGreaterThanOrEqual(40);
    expect(count('outcomes')).toBeGreaterThanOrEqual(12);
    expect(count('decisions')).toBeGreaterThanOrEqual(15);
    expect(count('postmortems')).toBeGreaterThanOrEqual(10);
  });

  it.each(kinds.map((kind) => [kind.collection, kind.statuses] as const))('has a %s record in every status', (collection, statuses) => {
    const present = new Set(handbook.records.filter((r) => r.kind.collection === collection).map((r) => r.data['status']));
    expect([...present].sort()).toEqual([...statuses].sort());
  });

  it('covers every severity, both doors and every action status', () => {
    const values = (key: string): Set<unknown> => new Set(handbook.records.map((r) => r.data[key]).filter((v) => v !== undefined));
    expect(values('severity')).toEqual(new Set(['sev1', 'sev2', 'sev3', 'sev4']));
    expect(values('door')).toEqual(new Set(['one-way', 'two-way']));
    const actions = handbook.records.flatMap((r) => (Array.isArray(r.data['actions']) ? r.data['actions'] : [])) as { status?: string }[];
    expect(new Set(actions.map((a) => a.status))).toEqual(new Set(['open', 'in-progress', 'done', 'wont-do']));
  });

  it('has a supersession chain, an outcome cascade and body links', () => {
    const decisions = handbook.records.filter((r) => r.kind.collection === 'decisions');
    const chain = decisions.filter((r) => r.data['supersedes'] !== undefined && r.data['supersededBy'] !== undefined);
    expect(chain.length).toBeGreaterThanOrEqual(1);
    expect(handbook.records.filter((r) => r.data['parent'] !== undefined).length).toBeGreaterThanOrEqual(2);
    expect(handbook.records.filter((r) => r.body.prose.some((p) => p.source.includes('[['))).length).toBeGreaterThanOrEqual(10);
  });
});
