import { describe, expect, it } from 'vitest';
import { connections, lastUpdated, loopNote, recordHeader, searchData, searchText, tableOfContents, type PageRecord } from '../../src/lib/record-view.ts';

const directory = {
  people: new Map([['priya', { name: 'Priya Raman' }], ['tomasz', { name: 'Tomasz Wójcik' }]]),
  teams: new Map([['platform', { name: 'Platform' }]]),
  href: (path: string) => `/${path}`,
};
const decision = (id: string, data: Partial<PageRecord['data']> = {}): PageRecord => ({ ref: `decisions/${id}`, collection: 'decisions', id, url: `/decisions/${id}/`, team: 'platform', date: '2025-10-20', data: { title: `Decision ${id}`, status: 'accepted', owner: 'tomasz', ...data } });

describe('a record page', () => {
  it('shows a table of contents for long records only', () => {
    const h = (depth: number, text: string) => ({ depth, slug: text.toLowerCase(), text });
    expect(tableOfContents([h(2, 'Context'), h(2, 'Options'), h(2, 'Decision')])).toEqual([]);
    expect(tableOfContents([h(2, 'Context'), h(3, 'Detail'), h(2, 'Options'), h(2, 'Decision'), h(2, 'Consequences'), h(5, 'Deep')]).map((x) => x.text)).toEqual(['Context', 'Detail', 'Options', 'Decision', 'Consequences']);
  });

  it('names its kind, number, owner and team by name, with their pages', () => {
    expect(recordHeader(decision('0009-managed-kafka'), directory)).toEqual({
      kind: { label: 'Decision', url: '/decisions/' },
      number: '0009',
      owner: { id: 'tomasz', name: 'Tomasz Wójcik', url: '/people/tomasz/' },
      team: { id: 'platform', name: 'Platform', url: '/teams/platform/' },
    });
  });

  it('gives search ids to filter on, its standing to rank by, and names to show', () => {
    const { filters, meta } = searchData(decision('0002-old', { status: 'superseded', door: 'one-way', tags: ['events'] }), directory);
    expect(filters).toEqual([
      ['kind', 'decisions'],
      ['status', 'superseded'],
      ['owner', 'tomasz'],
      ['team', 'platform'],
      ['tag', 'events'],
      ['door', 'one-way'],
      ['standing', 'set-aside'],
    ]);
    expect(Object.fromEntries(meta)).toEqual({ title: 'Decision 0002-old', kind: 'Decision', status: 'superseded', owner: 'Tomasz Wójcik', date: '2025-10-20', when: '20 Oct 2025' });
    expect(searchData(decision('0009-new'), directory).filters.at(-1)).toEqual(['standing', 'current']);
  });

  it('puts the names of its people and its severity in the text search indexes', () => {
    const postmortem = { collection: 'postmortems', team: 'platform', data: { status: 'published', owner: 'priya', severity: 'sev1', services: ['checkout', 'dns'] } };
    expect(searchText(postmortem, ['tomasz', 'priya', 'tomasz'], directory)).toMatchInlineSnapshot(`"Status: published. Owner: Priya Raman. Team: Platform. Severity: sev1. Services: checkout, dns. Actions held by: Tomasz Wójcik, Priya Raman."`);
    expect(searchText({ collection: 'decisions', team: undefined, data: { status: 'accepted', owner: 'tomasz', deciders: ['priya'], door: 'two-way' } }, [], directory)).toMatchInlineSnapshot(`"Status: accepted. Owner: Tomasz Wójcik. Deciders: Priya Raman. Door: two-way."`);
  });

  it('links the last change to its commit when the repository is known', () => {
    const change = { commit: '7975837aa1f1c0de7975837aa1f1c0de79758370', date: '2026-11-25T02:24:19+00:00' };
    expect(lastUpdated(change, 'https://github.com/acme/handbook/')).toEqual({ date: '2026-11-25', commit: '7975837', url: `https://github.com/acme/handbook/commit/${change.commit}` });
    expect(lastUpdated(change, undefined)?.url).toBeUndefined();
    expect(lastUpdated(undefined, 'https://github.com/acme/handbook')).toBeUndefined();
  });

  it('says how far an open loop is from its date', () => {
    expect(loopNote('2026-11-17', true, '2026-11-24')).toEqual({ text: 'overdue, 7 days ago', overdue: true });
    expect(loopNote('2026-12-04', true, '2026-11-24')).toEqual({ text: 'in 10 days', overdue: false });
    expect(loopNote('2026-11-17', false, '2026-11-24')).toBeUndefined();
  });

  it('finds the outcomes around an outcome and the outcomes a decision serves', () => {
    const parent: PageRecord = { ref: 'outcomes/top', collection: 'outcomes', id: 'top', url: '/o/top/', team: undefined, date: '', data: { title: 'Top', status: 'committed', owner: 'priya' } };
    const child: PageRecord = { ...parent, ref: 'outcomes/child', id: 'child', data: { ...parent.data, parent: 'top' } };
    const serving = decision('0001-x', { outcomes: ['top'] });
    const byRef = new Map([parent, child, serving].map((r) => [r.ref, r]));
    const backlinks = new Map([['outcomes/top', ['outcomes/child', 'decisions/0001-x']]]);
    expect(connections(parent, byRef, backlinks)).toMatchObject({ children: [child], serving: [serving], served: [] });
    expect(connections(serving, byRef, backlinks).served).toEqual([parent]);
  });
});
