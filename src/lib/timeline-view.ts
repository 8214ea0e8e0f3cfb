import { monthOf } from './dates.ts';

/** What the timeline needs to know of a record. */
export interface TimelineRecord {
  ref: string;
  collection: string;
  id: string;
  url: string;
  data: {
    title: string;
    status: string;
    decided?: string | undefined;
    supersedes?: readonly string[] | undefined;
    started?: string | undefined;
    severity?: string | undefined;
    closed?: string | undefined;
  };
}

export interface TimelineEvent {
  /** `YYYY-MM-DD`. */
  date: string;
  /** What happened that day, true of that day: "Decision accepted", "Incident, sev2". */
  what: string;
  record: { url: string; title: string; status: string };
  /** The record that caused it, for a supersession. */
  by?: { url: string; title: string } | undefined;
}

/**
 * The handbook's history, newest first: decisions on the day they were decided (accepted
 * or rejected: what they were then, not what they are now), decisions again on the day a
 * later one superseded them, incidents on the day they started, outcomes on the day their
 * loop closed.
 */
export function timelineEvents(records: readonly TimelineRecord[]): TimelineEvent[] {
  const decisions = new Map(records.filter((r) => r.collection === 'decisions').map((r) => [r.id, r]));
  const of = (r: TimelineRecord) => ({ url: r.url, title: r.data.title, status: r.data.status });
  const events = records.flatMap((r): (TimelineEvent & { ref: string })[] => {
    const { data } = r;
    if (r.collection === 'decisions' && data.decided) {
      const made = { ref: r.ref, date: data.decided, what: data.status === 'rejected' ? 'Decision rejected' : 'Decision accepted', record: of(r) };
      const replaced = (data.supersedes ?? []).flatMap((id) => {
        const old = decisions.get(id);
        return old ? [{ ref: old.ref, date: data.decided!, what: 'Decision superseded', record: of(old), by: { url: r.url, title: data.title } }] : [];
      });
      return [made, ...replaced];
    }
    if (r.collection === 'postmortems' && data.started) return [{ ref: r.ref, date: data.started.slice(0, 10), what: `Incident, ${data.severity}`, record: of(r) }];
    if (r.collection === 'outcomes' && data.closed) return [{ ref: r.ref, date: data.closed, what: `Outcome ${data.status}`, record: of(r) }];
    return [];
  });
  return events.sort((a, b) => b.date.localeCompare(a.date) || a.what.localeCompare(b.what) || a.ref.localeCompare(b.ref)).map(({ ref: _, ...event }) => event);
}

/** Events grouped under their month's heading ("March 2026"), newest month first. */
export function byMonth(events: readonly TimelineEvent[]): [string, TimelineEvent[]][] {
  return [...Map.groupBy(events, (e) => monthOf(e.date))];
}
