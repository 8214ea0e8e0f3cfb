import { describe, expect, it } from 'vitest';
import { byMonth, timelineEvents, type TimelineRecord } from '../../src/lib/timeline-view.ts';

const decision = (id: string, data: Partial<TimelineRecord['data']>): TimelineRecord => ({ ref: `decisions/${id}`, collection: 'decisions', id, url: `/decisions/${id}/`, data: { title: `Decision ${id}`, status: 'accepted', ...data } });

describe('the timeline', () => {
  it('labels a decision by what happened on its decided date, not by its status today', () => {
    const events = timelineEvents([
      decision('0002-old', { status: 'superseded', decided: '2025-02-05' }),
      decision('0009-new', { status: 'accepted', decided: '2025-10-20', supersedes: ['0002-old'] }),
      decision('0011-no', { status: 'rejected', decided: '2026-03-09' }),
      decision('0013-open', { status: 'proposed' }),
    ]);
    expect(events.map((e) => [e.date, e.what, e.record.title, e.record.status, e.by?.title])).toEqual([
      ['2026-03-09', 'Decision rejected', 'Decision 0011-no', 'rejected', undefined],
      ['2025-10-20', 'Decision accepted', 'Decision 0009-new', 'accepted', undefined],
      ['2025-10-20', 'Decision superseded', 'Decision 0002-old', 'superseded', 'Decision 0009-new'],
      ['2025-02-05', 'Decision accepted', 'Decision 0002-old', 'superseded', undefined],
    ]);
  });

  it('puts incidents on the day they started and outcomes on the day their loop closed, grouped by month', () => {
    const events = timelineEvents([
      { ref: 'postmortems/p', collection: 'postmortems', id: 'p', url: '/p/', data: { title: 'Outage', status: 'published', started: '2026-03-31T23:30:00-05:00', severity: 'sev1' } },
      { ref: 'outcomes/o', collection: 'outcomes', id: 'o', url: '/o/', data: { title: 'Faster', status: 'achieved', closed: '2026-04-02' } },
      { ref: 'outcomes/c', collection: 'outcomes', id: 'c', url: '/c/', data: { title: 'Open', status: 'committed' } },
    ]);
    expect(byMonth(events).map(([month, list]) => [month, list.map((e) => e.what)])).toEqual([
      ['April 2026', ['Outcome achieved']],
      ['March 2026', ['Incident, sev1']],
    ]);
  });
});
