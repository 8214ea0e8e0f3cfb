import { isActionOpen, isActionOverdue, loopDate } from '../model/concepts.ts';
import { daysBetween } from './dates.ts';

export { isActionOverdue };

/** A postmortem follow-up with where it comes from. */
export interface ActionItem {
  /** `postmortems/<id>` of the postmortem that holds it. */
  ref: string;
  title: string;
  owner: string;
  due: string;
  status: string;
  kind: string | undefined;
  link: string | undefined;
  overdue: boolean;
}

/** Every action of the given postmortems, open ones first, then by due date. */
export function actionItems(postmortems: readonly { ref: string; data: { actions?: readonly Record<string, unknown>[] | undefined } }[], today: string): ActionItem[] {
  const items = postmortems.flatMap(({ ref, data }) =>
    (data.actions ?? []).map((a) => {
      const text = (key: string): string | undefined => (typeof a[key] === 'string' ? a[key] : undefined);
      const item = { ref, title: text('title') ?? '', owner: text('owner') ?? '', due: text('due') ?? '', status: text('status') ?? 'open', kind: text('kind'), link: text('link') };
      return { ...item, overdue: isActionOverdue(item, today) };
    }),
  );
  return items.sort((a, b) => Number(isActionOpen(b)) - Number(isActionOpen(a)) || a.due.localeCompare(b.due));
}

export interface Due {
  ref: string;
  date: string;
  /** Negative when the date has passed. */
  days: number;
  overdue: boolean;
}

/**
 * Records whose loop is open and whose date is past or within `horizon` days: accepted
 * decisions by `reviewBy`, committed outcomes by `due`. Soonest (most overdue) first.
 */
export function dueSoon(
  records: readonly { ref: string; collection: string; data: { status: string; reviewBy?: string | undefined; due?: string | undefined } }[],
  today: string,
  horizon = 30,
): Due[] {
  return records
    .flatMap((r): Due[] => {
      const date = loopDate(r.collection, r.data);
      if (date === undefined) return [];
      const days = daysBetween(today, date);
      return days <= horizon ? [{ ref: r.ref, date, days, overdue: days < 0 }] : [];
    })
    .sort((a, b) => a.days - b.days);
}
