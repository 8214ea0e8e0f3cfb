import { describe, expect, it } from 'vitest';
import { actionFilters, registerFilters, registerRows, registerSummary, type RegisterRecord } from '../../src/lib/register-view.ts';

const directory = {
  people: new Map([['ana', { name: 'Ana Lima' }], ['ben', { name: 'Ben Okafor' }]]),
  teams: new Map([['core', { name: 'Core Platform' }]]),
  href: (path: string) => `/base/${path}`,
};

const record = (id: string, status: string, extra: Partial<RegisterRecord['data']> = {}, team: string | null = 'core'): RegisterRecord => ({
  ref: `postmortems/${id}`,
  collection: 'postmortems',
  id,
  url: `/base/postmortems/${id}/`,
  team: team ?? undefined,
  date: extra.started?.slice(0, 10) ?? '2026-01-01',
  data: { title: `Incident ${id}`, status, owner: 'ana', severity: 'sev2', ...extra },
});

describe('a register', () => {
  it('counts every record it lists and says how many are at each status, not one status for all', () => {
    const rows = [...Array.from({ length: 9 }, (_, i) => record(`p${i}`, 'published')), record('r1', 'in-review'), record('r2', 'in-review')];
    expect(registerSummary('postmortems', rows.map((r) => r.data), ['draft', 'in-review', 'published'])).toMatchInlineSnapshot(`"11 postmortems: 2 in review, 9 published."`);
    expect(registerSummary('decisions', [{ status: 'accepted' }], ['accepted'])).toMatchInlineSnapshot(`"1 decision: 1 accepted."`);
    expect(registerSummary('outcomes', [], ['committed'])).toMatchInlineSnapshot(`"0 outcomes."`);
  });

  it('shows owners and teams by name with their pages, and carries what the filters match on', () => {
    const [row] = registerRows([record('2026-03-02-vault', 'published', { started: '2026-03-02T10:00:00Z', resolved: '2026-03-02T11:25:00Z' })], directory, '2026-11-24');
    expect(row!.owner).toEqual({ id: 'ana', name: 'Ana Lima', url: '/base/people/ana/' });
    expect(row!.team).toEqual({ id: 'core', name: 'Core Platform', url: '/base/teams/core/' });
    expect(row!.cells.map((c) => [c.label, c.date ?? c.text ?? c.severity])).toEqual([
      ['Severity', 'sev2'],
      ['Started', '2026-03-02T10:00:00Z'],
      ['Duration', '1 h 25 min'],
    ]);
    expect(row!.data).toMatchObject({ status: 'published', owner: 'ana', team: 'core', 'sort-date': '2026-03-02', 'sort-severity': 'sev2' });
  });

  it('marks late review and due dates only while the loop is open', () => {
    const decision = (status: string): RegisterRecord => ({ ref: 'decisions/0007-x', collection: 'decisions', id: '0007-x', url: '/d/', team: undefined, date: '2026-01-01', data: { title: 'A decision', status, owner: 'ben', reviewBy: '2026-06-01' } });
    const cell = (status: string) => registerRows([decision(status)], directory, '2026-11-24')[0]!.cells.find((c) => c.label === 'Review by');
    expect(cell('accepted')?.overdue).toBe(true);
    expect(cell('superseded')?.overdue).toBe(false);
    expect(registerRows([decision('accepted')], directory, '2026-11-24')[0]).toMatchObject({ number: '0007', team: undefined });
  });

  it('offers only the statuses, owners and teams its rows have, with counts, owners by name', () => {
    const rows = registerRows([record('a', 'published'), record('b', 'published'), record('c', 'in-review', { owner: 'ben' }, null)], directory, '2026-11-24');
    const filters = registerFilters('postmortems', ['draft', 'in-review', 'published'], rows);
    expect(filters.status).toEqual([
      { value: 'in-review', label: 'in-review', count: 1 },
      { value: 'published', label: 'published', count: 2 },
    ]);
    expect(filters.owner).toEqual([
      { value: 'ana', label: 'Ana Lima', count: 2 },
      { value: 'ben', label: 'Ben Okafor', count: 1 },
    ]);
    expect(filters.team).toEqual([{ value: 'core', label: 'Core Platform', count: 2 }]);
    expect(filters.sort.map((s) => s.value)).toEqual(['date-desc', 'date-asc', 'severity-asc', 'title-asc', 'owner-asc']);
    expect(registerFilters('decisions', [], []).defaultSort).toBe('number-desc');
  });

  it('filters the action ledger by the statuses and owners its actions have', () => {
    const filters = actionFilters([{ status: 'open', owner: 'ben' }, { status: 'wont-do', owner: '' }, { status: 'open', owner: 'ana' }], directory);
    expect(filters.status).toEqual([
      { value: 'open', label: 'open', count: 2 },
      { value: 'wont-do', label: "won't do", count: 1 },
    ]);
    expect(filters.owner.map((o) => o.label)).toEqual(['Ana Lima', 'Ben Okafor']);
  });
});
