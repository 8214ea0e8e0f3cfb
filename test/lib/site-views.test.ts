import { describe, expect, it } from 'vitest';
import { teamSummaries } from '../../src/lib/directory-view.ts';
import { navigation } from '../../src/lib/nav-view.ts';
import { searchFacets } from '../../src/lib/search-view.ts';
import { robotsTxt, sitemapEntries, sitemapXml } from '../../src/lib/sitemap-view.ts';

const href = (path: string) => `/hb/${path}`;
const directory = { people: new Map([['ana', { name: 'Ana Lima' }], ['ben', { name: 'Ben Okafor' }]]), teams: new Map([['core', { name: 'Core' }]]), href };

describe('the navigation', () => {
  it('marks the page the reader is on, and the section a record belongs to', () => {
    const current = (path: string) => navigation(path, href).flatMap((g) => g.links).filter((l) => l.current).map((l) => [l.label, l.current]);
    expect(current('/hb/decisions/')).toEqual([['Decisions', 'page']]);
    expect(current('/hb/decisions/0009-managed-kafka/')).toEqual([['Decisions', 'true']]);
    expect(current('/hb/teams/core')).toEqual([['Teams', 'true']]);
    expect(current('/hb/')).toEqual([]);
    expect(navigation('/', href).map((g) => g.heading)).toEqual(['Records', 'Loops', 'Directory']);
  });
});

describe('the search facets', () => {
  it("offer each kind's own statuses that published records have, and owners by name", () => {
    const kinds = [
      { collection: 'outcomes', statuses: ['draft', 'committed', 'achieved'] },
      { collection: 'decisions', statuses: ['draft', 'proposed', 'accepted'] },
    ];
    const records = [
      { collection: 'decisions', team: 'core', data: { status: 'accepted', owner: 'ben', door: 'one-way', tags: ['kafka'] } },
      { collection: 'outcomes', team: undefined, data: { status: 'committed', owner: 'ana' } },
    ];
    const facets = Object.fromEntries(searchFacets(kinds, records, directory).map((f) => [f.name, f.options.map((o) => [o.value, o.label, o.kind])]));
    expect(facets['status']).toEqual([
      ['committed', 'committed', 'outcomes'],
      ['accepted', 'accepted', 'decisions'],
    ]);
    expect(facets['owner']).toEqual([
      ['ana', 'Ana Lima', undefined],
      ['ben', 'Ben Okafor', undefined],
    ]);
    expect(facets['team']).toEqual([['core', 'Core', undefined]]);
    expect(facets['door']).toEqual([['one-way', 'one-way', 'decisions']]);
    expect(facets['severity']).toEqual([]);
  });
});

describe('teams', () => {
  it('sum up each team: lead, people, records and actions held', () => {
    const [core] = teamSummaries(
      [{ id: 'core', lead: 'ana' }],
      [{ id: 'ana', team: 'core' }, { id: 'ben', team: 'core' }, { id: 'cy', team: 'other' }],
      [{ collection: 'decisions', team: 'core', data: { owner: 'ana' } }, { collection: 'outcomes', team: 'core', data: { owner: 'ben' } }, { collection: 'outcomes', team: 'other', data: { owner: 'cy' } }],
      [{ owner: 'ben', status: 'open', overdue: true }, { owner: 'ben', status: 'done', overdue: false }, { owner: 'cy', status: 'open', overdue: false }],
      directory,
    );
    expect(core).toMatchObject({ lead: { name: 'Ana Lima' }, owns: '1 outcome, 1 decision.', openActions: 1, overdueActions: 1 });
    expect(core!.members.map((m) => [m.person.name, m.lead, m.holds])).toEqual([
      ['Ana Lima', true, 'owns 1 record, 0 open actions'],
      ['Ben Okafor', false, 'owns 1 record, 1 open action'],
    ]);
  });
});

describe('the sitemap', () => {
  it('lists every HTML page from the routes and the model, and no feed, export or 404', () => {
    const routes = [['/', 'i'], ['/[kind]', 'k'], ['/[kind]/[id]', 'r'], ['/[kind]/feed.xml', 'f'], ['/people/[id]', 'p'], ['/teams', 't'], ['/404', 'n'], ['/records.json', 'j'], ['/about', 'a']] as const;
    const entries = sitemapEntries(routes, { collections: ['decisions'], records: [{ url: '/hb/decisions/0001-a/', lastmod: '2026-11-20' }], people: ['ana'], teams: [] }, href);
    expect(entries).toEqual([
      { path: '/hb/', lastmod: undefined },
      { path: '/hb/decisions/', lastmod: undefined },
      { path: '/hb/decisions/0001-a/', lastmod: '2026-11-20' },
      { path: '/hb/people/ana/', lastmod: undefined },
      { path: '/hb/teams/', lastmod: undefined },
      { path: '/hb/about/', lastmod: undefined },
    ]);
    expect(sitemapXml(entries.slice(2, 3), new URL('https://example.org/'))).toMatchInlineSnapshot(`
      "<?xml version="1.0" encoding="UTF-8"?>
      <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        <url><loc>https://example.org/hb/decisions/0001-a/</loc><lastmod>2026-11-20</lastmod></url>
      </urlset>
      "
    `);
    expect(robotsTxt(new URL('https://example.org/hb/sitemap.xml'))).toMatchInlineSnapshot(`
      "User-agent: *
      Allow: /

      Sitemap: https://example.org/hb/sitemap.xml
      "
    `);
  });
});
