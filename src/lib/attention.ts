import { daysBetween } from './dates.ts';

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

const OPEN = new Set(['open', 'in-progress']);

/** Open and in-progress actions are overdue once their due date has passed. */
export function isActionOverdue(action: { status?: string | undefined; due?: string | undefined }, today: string): boolean {
  return action.status !== undefined && OPEN.has(action.status) && action.due !== undefined && action.due < today;
}

export function isOpenAction(action: { status?: string | undefined }): boolean {
  return action.status !== undefined && OPEN.has(action.status);
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
  return items.sort((a, b) => Number(isOpenAction(b)) - Number(isOpenAction(a)) || a.due.localeCompare(b.due));
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
      const date = r.collection === 'decisions' && r.data.status === 'accepted' ? r.data.reviewBy : r.collection === 'outcomes' && r.data.status === 'committed' ? r.data.due : undefined;
      if (date === undefined) return [];
      const days = daysBetween(today, date);
      return days <= horizon ? [{ ref: r.ref, date, days, overdue: days < 0 }] : [];
    })
    .sort((a, b) => a.days - b.days);
}
