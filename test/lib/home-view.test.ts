import { describe, expect, it } from 'vitest';
import { kindCounts, overdueItems, waitingItems, type HomeRecord } from '../../src/lib/home-view.ts';

const href = (path: string) => `/${path}`;
const directory = { people: new Map([['ana', { name: 'Ana Lima' }], ['ben', { name: 'Ben Okafor' }]]), teams: new Map(), href };
const rec = (ref: string, status: string, owner = 'ana', created = '2026-10-01'): HomeRecord => ({ ref, collection: ref.split('/')[0]!, url: `/${ref}/`, data: { title: `Title of ${ref}`, status, owner, created } });

describe('the home page', () => {
  it('links each status count to its register filtered to that status, and no link for nothing', () => {
    const [decisions] = kindCounts([{ collection: 'decisions', statuses: ['draft', 'proposed', 'accepted'] }], [rec('decisions/0001-a', 'accepted'), rec('outcomes/o', 'committed')], href);
    expect(decisions).toEqual({
      collection: 'decisions',
      label: 'Decisions',
      total: 1,
      url: '/decisions/',
      statuses: [
        { status: 'proposed', count: 0, url: undefined },
        { status: 'accepted', count: 1, url: '/decisions/?status=accepted' },
      ],
    });
  });

  it('lists what is overdue with its owner and how late, most late first', () => {
    const byRef = new Map([rec('decisions/0001-a', 'accepted'), rec('postmortems/p', 'published', 'ben')].map((r) => [r.ref, r]));
    const items = overdueItems(
      [
        { ref: 'decisions/0001-a', date: '2026-11-17', overdue: true },
        { ref: 'decisions/0001-a', date: '2026-12-01', overdue: false },
      ],
      [{ ref: 'postmortems/p', title: 'Add an alert', owner: 'ana', due: '2026-04-30', overdue: true }],
      byRef,
      directory,
      '2026-11-24',
    );
    expect(items.map((i) => [i.what, i.title, i.owner.name, i.age, i.from?.title])).toEqual([
      ['Action overdue', 'Add an alert', 'Ana Lima', '208 days late', 'Title of postmortems/p'],
      ['Review overdue', 'Title of decisions/0001-a', 'Ana Lima', '7 days late', undefined],
    ]);
  });

  it('lists proposed decisions and postmortems in review with how long they have waited', () => {
    const items = waitingItems([rec('decisions/0002-b', 'proposed', 'ben', '2026-11-23'), rec('postmortems/q', 'in-review', 'ana', '2026-09-03'), rec('decisions/0003-c', 'accepted')], directory, '2026-11-24');
    expect(items.map((i) => [i.what, i.owner.name, i.age])).toEqual([
      ['Waiting for review', 'Ana Lima', 'open for 82 days'],
      ['Waiting for a decision', 'Ben Okafor', 'open for 1 day'],
    ]);
  });
});
