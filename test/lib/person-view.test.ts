import { describe, expect, it } from 'vitest';
import { actionSummary, personSections } from '../../src/lib/person-view.ts';

describe("a person's page", () => {
  it('lists a decision they decide under "To decide" while it is proposed, and under "Decided" once made', () => {
    const r = (ref: string, status: string) => ({ ref, data: { status } });
    const sections = personSections({ owns: [], decided: [r('decisions/0013', 'proposed'), r('decisions/0009', 'accepted'), r('decisions/0004', 'rejected')], consulted: [], contributes: [], actions: [] });
    expect(sections.map((s) => [s.heading, s.records.map((x) => x.ref)])).toEqual([
      ['Owns', []],
      ['To decide', ['decisions/0013']],
      ['Decided', ['decisions/0009', 'decisions/0004']],
      ['Consulted on', []],
      ['Contributes to', []],
    ]);
  });

  it('counts open and overdue actions', () => {
    expect(actionSummary([{ status: 'open', overdue: true }, { status: 'in-progress', overdue: false }, { status: 'done', overdue: false }])).toMatchInlineSnapshot(`"2 open, 1 overdue."`);
  });
});
