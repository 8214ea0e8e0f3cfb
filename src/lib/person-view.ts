import { isActionOpen } from '../model/concepts.ts';
import type { Involvement } from './people.ts';

export interface PersonSection<R> {
  heading: string;
  records: R[];
  /** Shown when the list is empty. */
  empty: string;
}

/**
 * A person's page, section by section. A decision they are a decider on is listed under
 * "Decided" only once the call is made; while it is proposed it is "To decide".
 */
export function personSections<R extends { data: { status: string } }>(mine: Involvement<R>): PersonSection<R>[] {
  const proposed = (r: R) => r.data.status === 'proposed';
  return [
    { heading: 'Owns', records: mine.owns, empty: 'Owns no published record.' },
    { heading: 'To decide', records: mine.decided.filter(proposed), empty: 'No proposed decision is waiting for their call.' },
    { heading: 'Decided', records: mine.decided.filter((r) => !proposed(r)), empty: 'Was not a decider on any decision that was made.' },
    { heading: 'Consulted on', records: mine.consulted, empty: 'Was not consulted on any published decision.' },
    { heading: 'Contributes to', records: mine.contributes, empty: 'Contributes to no published outcome.' },
  ];
}

/** "3 open, 1 overdue." */
export function actionSummary(actions: readonly { status: string; overdue: boolean }[]): string {
  return `${actions.filter(isActionOpen).length} open, ${actions.filter((a) => a.overdue).length} overdue.`;
}
