import { describe, expect, it } from 'vitest';
import { actionItems } from '../../src/lib/attention.ts';
import { involvement } from '../../src/lib/people.ts';

describe('what each person holds', () => {
  it('lists what they own, decided, were consulted on, contribute to, and their actions', () => {
    const records = [
      { ref: 'decisions/0001-a', data: { owner: 'ana', deciders: ['ana', 'ben'], consulted: ['cy'] } },
      { ref: 'outcomes/o', data: { owner: 'ben', contributors: ['cy'] } },
    ];
    const actions = actionItems([{ ref: 'postmortems/p', data: { actions: [{ title: 'Alert', owner: 'cy', due: '2026-01-01', status: 'open' }] } }], '2026-11-24');
    const people = involvement(records, actions);
    const refs = (id: string, key: 'owns' | 'decided' | 'consulted' | 'contributes') => people.get(id)?.[key].map((r) => r.ref);
    expect(refs('ana', 'owns')).toEqual(['decisions/0001-a']);
    expect(refs('ben', 'decided')).toEqual(['decisions/0001-a']);
    expect(refs('ben', 'owns')).toEqual(['outcomes/o']);
    expect(refs('cy', 'consulted')).toEqual(['decisions/0001-a']);
    expect(refs('cy', 'contributes')).toEqual(['outcomes/o']);
    expect(people.get('cy')?.actions).toMatchObject([{ title: 'Alert', overdue: true }]);
    expect(people.has('dee')).toBe(false);
  });
});
