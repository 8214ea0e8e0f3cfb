import { RECORD_REF } from '../schemas/index.ts';

/** The minimum the link graph needs to know about a published record. */
export interface Linkable {
  /** `<collection>/<id>`. */
  ref: string;
  data: Record<string, unknown>;
  /** The refs of the `[[collection/id]]` links in its body, as check reads them (never from code). */
  refs: readonly string[];
}

export type LinkKind = 'parent' | 'outcome' | 'decision' | 'supersedes' | 'superseded-by' | 'related' | 'body';

export interface Link {
  from: string;
  to: string;
  kind: LinkKind;
}

const list = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const one = (value: unknown): string[] => (typeof value === 'string' ? [value] : []);

/** Every record a record points at, from its frontmatter and its body, each once per kind. */
export function outgoing(record: Linkable): Link[] {
  const { ref, data } = record;
  const to = [
    ...one(data['parent']).map((id) => ({ to: `outcomes/${id}`, kind: 'parent' as const })),
    ...list(data['outcomes']).map((id) => ({ to: `outcomes/${id}`, kind: 'outcome' as const })),
    ...list(data['decisions']).map((id) => ({ to: `decisions/${id}`, kind: 'decision' as const })),
    ...list(data['supersedes']).map((id) => ({ to: `decisions/${id}`, kind: 'supersedes' as const })),
    ...one(data['supersededBy']).map((id) => ({ to: `decisions/${id}`, kind: 'superseded-by' as const })),
    ...list(data['related']).filter((r) => RECORD_REF.test(r)).map((r) => ({ to: r, kind: 'related' as const })),
    ...record.refs.map((to) => ({ to, kind: 'body' as const })),
  ];
  const seen = new Set<string>();
  return to
    .filter(({ to: target, kind }) => target !== ref && !seen.has(`${kind} ${target}`) && seen.add(`${kind} ${target}`))
    .map((link) => ({ from: ref, ...link }));
}

/**
 * Backlinks for the whole handbook in one pass: for each record, the published records
 * that point at it (once each, in the order given). Links to unknown or unpublished
 * records are dropped, so a draft never appears.
 */
export function backlinks(records: readonly Linkable[]): Map<string, string[]> {
  const known = new Set(records.map((r) => r.ref));
  const incoming = new Map<string, Set<string>>();
  for (const record of records) {
    for (const link of outgoing(record)) {
      if (!known.has(link.to)) continue;
      let from = incoming.get(link.to);
      if (from === undefined) incoming.set(link.to, (from = new Set()));
      from.add(link.from);
    }
  }
  return new Map([...incoming].map(([to, from]) => [to, [...from]]));
}
