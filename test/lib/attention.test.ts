import { describe, expect, it } from 'vitest';
import { actionItems, dueSoon, isActionOverdue } from '../../src/lib/attention.ts';

const TODAY = '2026-11-24';

describe('overdue actions', () => {
  it('are open or in progress with a due date before today', () => {
    expect(isActionOverdue({ status: 'open', due: '2026-11-23' }, TODAY)).toBe(true);
    expect(isActionOverdue({ status: 'in-progress', due: '2026-01-01' }, TODAY)).toBe(true);
    expect(isActionOverdue({ status: 'open', due: TODAY }, TODAY)).toBe(false);
    expect(isActionOverdue({ status: 'done', due: '2026-01-01' }, TODAY)).toBe(false);
    expect(isActionOverdue({ status: 'wont-do', due: '2026-01-01' }, TODAY)).toBe(false);
  });

  it('are listed open first, then by due date, with where they come from', () => {
    const items = actionItems(
      [
        { ref: 'postmortems/a', data: { actions: [{ title: 'Done one', owner: 'ana', due: '2026-01-01', status: 'done' }, { title: 'Late', owner: 'ben', due: '2026-10-01' }] } },
        { ref: 'postmortems/b', data: { actions: [{ title: 'Later', owner: 'ana', due: '2026-12-01', status: 'in-progress' }, { title: 'Earliest', owner: 'ana', due: '2026-02-01', status: 'open' }] } },
      ],
      TODAY,
    );
    expect(items.map((i) => `${i.title} ${i.status} ${i.overdue}`)).toEqual(['Earliest open true', 'Late open true', 'Later in-progress false', 'Done one done false']);
    expect(items[1]).toMatchObject({ ref: 'postmortems/a', owner: 'ben' });
  });
});

describe('what is due soon', () => {
  const decision = (ref: string, status: string, reviewBy: string) => ({ ref, collection: 'decisions', data: { status, reviewBy } });
  const outcome = (ref: string, status: string, due: string) => ({ ref, collection: 'outcomes', data: { status, due } });

  it('takes accepted decisions by review date and committed outcomes by due date, within 30 days or past', () => {
    const due = dueSoon(
      [
        decision('decisions/late', 'accepted', '2026-11-01'),
        decision('decisions/in-30', 'accepted', '2026-12-24'),
        decision('decisions/in-31', 'accepted', '2026-12-25'),
        decision('decisions/superseded', 'superseded', '2026-01-01'),
        outcome('outcomes/due-today', 'committed', TODAY),
        outcome('outcomes/achieved', 'achieved', '2026-01-01'),
      ],
      TODAY,
    );
    expect(due).toEqual([
      { ref: 'decisions/late', date: '2026-11-01', days: -23, overdue: true },
      { ref: 'outcomes/due-today', date: TODAY, days: 0, overdue: false },
      { ref: 'decisions/in-30', date: '2026-12-24', days: 30, overdue: false },
    ]);
  });
});
