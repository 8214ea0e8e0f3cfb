import { referencedRefs, type ReferenceField } from '../model/concepts.ts';
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

/** How each reference field reads as a link. */
const KIND_OF: Record<ReferenceField | 'related', LinkKind> = {
  parent: 'parent',
  outcomes: 'outcome',
  decisions: 'decision',
  supersedes: 'supersedes',
  supersededBy: 'superseded-by',
  related: 'related',
};

/** Every record a record points at, from its frontmatter and its body, each once per kind. */
export function outgoing(record: Linkable): Link[] {
  const { ref, data } = record;
  const to = [
    ...referencedRefs(data)
      .filter(({ ref: target }) => RECORD_REF.test(target))
      .map(({ field, ref: target }) => ({ to: target, kind: KIND_OF[field] })),
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
