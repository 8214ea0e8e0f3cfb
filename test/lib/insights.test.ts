import { describe, expect, it } from 'vitest';
import { incidentsBySeverity, insights, niceCeiling, outcomesByQuarter, overdueActionsByMonth, quarterOf, responseTimes, type InsightRecord } from '../../src/lib/insights.ts';

const outcome = (status: string, due: string, team = 'core'): InsightRecord => ({ collection: 'outcomes', team, data: { status, due } });
const incident = (severity: string, started: string, detectedAfter: number, resolvedAfter: number, team = 'core', actions: unknown[] = []): InsightRecord => {
  const at = (minutes: number): string => new Date(Date.parse(started) + minutes * 60_000).toISOString().replace('.000Z', 'Z');
  return { collection: 'postmortems', team, data: { status: 'published', severity, started, detected: at(detectedAfter), resolved: at(resolvedAfter), actions } };
};

describe('insights', () => {
  it('files dates under calendar quarters', () => {
    expect(['2026-01-01', '2026-03-31', '2026-04-01', '2026-12-31T23:00:00+01:00'].map(quarterOf)).toEqual(['2026-Q1', '2026-Q1', '2026-Q2', '2026-Q4']);
  });

  it('counts closed outcomes by the quarter they were due, and lists quarters without any', () => {
    const records = [outcome('achieved', '2026-03-31'), outcome('missed', '2026-03-15'), outcome('dropped', '2026-09-30'), outcome('committed', '2026-06-30'), outcome('achieved', '2026-12-31')];
    expect(outcomesByQuarter(records, ['2026-Q1', '2026-Q2', '2026-Q3'])).toEqual([
      { quarter: '2026-Q1', achieved: 1, missed: 1, dropped: 0 },
      { quarter: '2026-Q2', achieved: 0, missed: 0, dropped: 0 },
      { quarter: '2026-Q3', achieved: 0, missed: 0, dropped: 1 },
    ]);
  });

  it('counts incidents by severity in the quarter they started', () => {
    const records = [incident('sev1', '2026-01-09T22:00:00+00:00', 35, 195), incident('sev3', '2026-02-17T10:00:00+01:00', 10, 120), incident('sev3', '2026-05-05T09:00:00Z', 5, 22)];
    expect(incidentsBySeverity(records, ['2026-Q1', '2026-Q2'])).toEqual([
      { quarter: '2026-Q1', sev1: 1, sev2: 0, sev3: 1, sev4: 0 },
      { quarter: '2026-Q2', sev1: 0, sev2: 0, sev3: 1, sev4: 0 },
    ]);
  });

  it('takes the median minutes to detect and to resolve per quarter', () => {
    const records = [incident('sev2', '2026-01-09T22:00:00+00:00', 35, 195), incident('sev3', '2026-02-17T10:00:00+01:00', 10, 120), incident('sev4', '2026-03-01T10:00:00Z', 20, 60), incident('sev3', '2026-05-05T09:00:00Z', 5, 22)];
    expect(responseTimes(records)).toEqual([
      { quarter: '2026-Q1', incidents: 3, detect: 20, resolve: 120 },
      { quarter: '2026-Q2', incidents: 1, detect: 5, resolve: 22 },
    ]);
  });

  it('counts, at each month end, the actions still open today that were already past due', () => {
    const actions = [
      { title: 'a', status: 'open', due: '2026-02-10' },
      { title: 'b', status: 'in-progress', due: '2026-03-31' },
      { title: 'c', status: 'done', due: '2026-01-05' },
      { title: 'd', status: 'open', due: '2026-12-01' },
    ];
    expect(overdueActionsByMonth([incident('sev3', '2026-01-09T22:00:00Z', 1, 2, 'core', actions)], '2026-01-05', '2026-04-15')).toEqual([
      { month: '2026-01', date: '2026-01-31', overdue: 0 },
      { month: '2026-02', date: '2026-02-28', overdue: 1 },
      { month: '2026-03', date: '2026-03-31', overdue: 1 },
      { month: '2026-04', date: '2026-04-15', overdue: 2 },
    ]);
  });

  it('gives all teams first, then each team, on shared quarters', () => {
    const records = [outcome('achieved', '2026-03-31', 'core'), outcome('missed', '2026-09-30', 'edge'), incident('sev2', '2026-05-05T09:00:00Z', 5, 22, 'edge')];
    const scopes = insights(records, [{ id: 'core', name: 'Core' }, { id: 'edge', name: 'Edge' }], '2026-11-24');
    expect(scopes.map((s) => [s.id, s.outcomes.map((o) => `${o.quarter}:${o.achieved}/${o.missed}`).join(' '), s.incidents.map((i) => `${i.quarter}:${i.sev2}`).join(' ')])).toEqual([
      ['all', '2026-Q1:1/0 2026-Q2:0/0 2026-Q3:0/1', '2026-Q2:1'],
      ['core', '2026-Q1:1/0 2026-Q2:0/0 2026-Q3:0/0', '2026-Q2:0'],
      ['edge', '2026-Q1:0/0 2026-Q2:0/0 2026-Q3:0/1', '2026-Q2:1'],
    ]);
  });

  it('ends an axis at a round number', () => {
    expect([0, 1, 3, 7, 12, 95, 101].map(niceCeiling)).toEqual([1, 1, 5, 10, 20, 100, 200]);
  });
});
