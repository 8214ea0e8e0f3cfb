import { describe, expect, it } from 'vitest';
import { changedOn, overdueOf, recordsJson } from '../../src/lib/exports.ts';

describe('records.json', () => {
  it('derives supersededBy from either side, backlinks and overdue flags', () => {
    const json = recordsJson(
      'T',
      '2026-11-24',
      [
        { ref: 'decisions/0001-a', collection: 'decisions', id: '0001-a', url: 'u1', team: undefined, data: { status: 'superseded' } },
        { ref: 'decisions/0002-b', collection: 'decisions', id: '0002-b', url: 'u2', team: 'core', data: { status: 'accepted', supersedes: ['0001-a'], reviewBy: '2026-11-01' } },
      ],
      new Map([['decisions/0001-a', ['decisions/0002-b']]]),
    );
    expect(json.version).toBe(1);
    expect(json.records[0]).toMatchObject({ supersededBy: '0002-b', backlinks: ['decisions/0002-b'], team: null });
    expect(json.records[1]).toMatchObject({ supersededBy: null, overdue: { review: true, due: false, actions: 0 } });
  });

  it('flags late loops per kind', () => {
    expect(overdueOf('outcomes', { status: 'committed', due: '2026-11-23' }, '2026-11-24').due).toBe(true);
    expect(overdueOf('outcomes', { status: 'achieved', due: '2026-11-23' }, '2026-11-24').due).toBe(false);
    expect(overdueOf('postmortems', { actions: [{ status: 'open', due: '2026-01-01' }, { status: 'done', due: '2026-01-01' }] }, '2026-11-24').actions).toBe(1);
  });

  it('dates a record by the latest step of its lifecycle', () => {
    expect(changedOn({ created: '2026-01-01', decided: '2026-02-01', reviewBy: '2027-01-01' })).toBe('2026-02-01');
    expect(changedOn({ created: '2026-01-01', resolved: '2026-01-03T10:00:00+01:00' })).toBe('2026-01-03');
  });
});
