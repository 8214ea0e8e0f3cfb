import { describe, expect, it } from 'vitest';
import { doorHelp, kindHelp, predecessors, segments } from '../../src/lib/about-view.ts';
import { STATUS_MEANING } from '../../src/lib/labels.ts';
import { kinds } from '../../src/schemas/index.ts';
import { actionStatuses } from '../../src/schemas/postmortems.ts';

describe('the about page, generated from the model', () => {
  it('explains every status of every kind and every action status', () => {
    const statuses = [...kinds.flatMap((k) => k.statuses), ...actionStatuses];
    expect(statuses.filter((s) => !STATUS_MEANING[s])).toEqual([]);
    expect(Object.keys(STATUS_MEANING).filter((s) => !statuses.includes(s))).toEqual([]);
    expect(doorHelp().map((d) => d.door)).toEqual(['one-way', 'two-way']);
    expect(doorHelp().every((d) => d.meaning.length > 20)).toBe(true);
  });

  it('reads which status follows which from the lifecycle the schema states', () => {
    expect([...predecessors('draft → proposed → accepted | rejected; accepted → superseded | deprecated')]).toEqual([
      ['proposed', 'draft'],
      ['accepted', 'proposed'],
      ['rejected', 'proposed'],
      ['superseded', 'accepted'],
      ['deprecated', 'accepted'],
    ]);
  });

  it('says what each status adds to the one before it', () => {
    const decisions = kindHelp(kinds).find((k) => k.collection === 'decisions')!;
    const at = (status: string) => decisions.statuses.find((s) => s.status === status)!;
    expect(decisions.lifecycle).toBe('draft → proposed → accepted | rejected; accepted → superseded | deprecated');
    expect(at('proposed')).toMatchObject({ after: 'draft', fields: ['summary', 'deciders', 'door', 'options'], sections: ['Context', 'Options'] });
    expect(at('accepted')).toMatchObject({ after: 'proposed', sections: ['Decision', 'Consequences'] });
    expect(at('accepted').fields).toEqual(expect.arrayContaining(['decided', 'expectedOutcome', 'reviewBy']));
    expect(at('superseded')).toMatchObject({ after: 'accepted', fields: ['supersededBy'], sections: [] });
    const outcomes = kindHelp(kinds).find((k) => k.collection === 'outcomes')!;
    // Fields of an optional list's items bind only the items a record has: not listed as required.
    expect(outcomes.statuses.find((s) => s.status === 'committed')!.fields.filter((f) => f.includes('[]'))).toEqual(['keyResults[].metric', 'keyResults[].unit', 'keyResults[].baseline', 'keyResults[].target']);
  });

  it('splits descriptions into text and code', () => {
    expect(segments('`one-way` when hard to undo, `two-way` otherwise')).toEqual([
      { code: true, text: 'one-way' },
      { code: false, text: ' when hard to undo, ' },
      { code: true, text: 'two-way' },
      { code: false, text: ' otherwise' },
    ]);
  });
});
