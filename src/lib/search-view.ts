import { KIND_LABELS, nameOf, type Directory } from './labels.ts';

/** What the search page needs to know of a record to offer its facets. */
export interface SearchRecord {
  collection: string;
  team: string | undefined;
  data: { status: string; owner: string; tags?: readonly string[] | undefined; severity?: string | undefined; door?: string | undefined };
}

export interface FacetOption {
  value: string;
  label: string;
  /** The kind of record the value belongs to; shown only while that kind is chosen, or none is. */
  kind: string | undefined;
}

export interface Facet {
  /** The Pagefind filter and the URL parameter. */
  name: string;
  legend: string;
  options: FacetOption[];
}

const byLabel = (a: FacetOption, b: FacetOption) => a.label.localeCompare(b.label, 'en');

/**
 * The search page's facets, rendered by the server from the handbook so labels are names
 * (the URL and the index hold ids): kinds, each kind's own statuses (only values some
 * published record has), owners, teams, tags, and the severity and door of the kinds that
 * have them.
 */
export function searchFacets(kinds: readonly { collection: string; statuses: readonly string[] }[], records: readonly SearchRecord[], directory: Directory): Facet[] {
  const present = (pick: (r: SearchRecord) => readonly (string | undefined)[], collection?: string): string[] =>
    [...new Set(records.filter((r) => collection === undefined || r.collection === collection).flatMap(pick))].filter((v): v is string => v !== undefined);
  const statuses = kinds.flatMap(({ collection, statuses: all }) => {
    const used = new Set(present((r) => [r.data.status], collection));
    return all.filter((s) => used.has(s)).map((status) => ({ value: status, label: status, kind: collection }));
  });
  return [
    { name: 'kind', legend: 'Kind', options: kinds.map(({ collection }) => ({ value: collection, label: KIND_LABELS[collection]?.many ?? collection, kind: undefined })) },
    { name: 'status', legend: 'Status', options: statuses },
    { name: 'owner', legend: 'Owner', options: present((r) => [r.data.owner]).map((id) => ({ value: id, label: nameOf(directory.people, id), kind: undefined })).sort(byLabel) },
    { name: 'team', legend: 'Team', options: present((r) => [r.team]).map((id) => ({ value: id, label: nameOf(directory.teams, id), kind: undefined })).sort(byLabel) },
    { name: 'severity', legend: 'Severity', options: present((r) => [r.data.severity], 'postmortems').sort().map((s) => ({ value: s, label: s, kind: 'postmortems' })) },
    { name: 'door', legend: 'Door', options: present((r) => [r.data.door], 'decisions').sort().map((d) => ({ value: d, label: d, kind: 'decisions' })) },
    { name: 'tag', legend: 'Tag', options: present((r) => r.data.tags ?? []).sort().map((t) => ({ value: t, label: t, kind: undefined })) },
  ];
}
