import { describe, expect, it } from 'vitest';
import { check, DECISION, found, OUTCOME, POSTMORTEM, tree, variant } from '../support/fixture.ts';

function severities(dir: string, rule: string): string[] {
  return check(dir)
    .filter((p) => p.rule === rule)
    .map((p) => p.severity);
}

describe('warnings: loops left open and habits worth a second look', () => {
  it('warns about an accepted decision past its review date, judged against today', () => {
    const dir = tree({ [DECISION]: variant(DECISION, ['reviewBy: 2027-01-20', 'reviewBy: 2026-06-01']) });
    expect(found(dir, 'review-overdue')).toMatchInlineSnapshot(`
      [
        "decisions/0001-cache-tokens.md:16:11 Unexpected \`reviewBy\` 2026-06-01 in the past, expected the decision to be reviewed (update the record and its \`reviewBy\`)",
      ]
    `);
    expect(severities(dir, 'review-overdue')).toEqual(['warning']);
  });

  it('does not warn about a review date still ahead', () => {
    expect(found(tree(), 'review-overdue')).toEqual([]);
  });

  it('warns about a committed outcome past its due date', () => {
    const dir = tree({ [OUTCOME]: variant(OUTCOME, ['status: achieved', 'status: committed'], ['    actual: 280\n', ''], ['closed: 2026-07-02\n', '']) });
    expect(found(dir, 'outcome-overdue')).toMatchInlineSnapshot(`
      [
        "outcomes/faster-checkout.md:7:6 Unexpected committed outcome past its \`due\` 2026-06-30, expected it closed as achieved, missed or dropped",
      ]
    `);
  });

  it('warns about an open action past its due date, at the due date', () => {
    const dir = tree({ [POSTMORTEM]: variant(POSTMORTEM, ['status: done', 'status: open']) });
    expect(found(dir, 'action-overdue')).toMatchInlineSnapshot(`
      [
        "postmortems/2026-03-02-vault-timeouts.md:16:10 Unexpected open action 1 past its \`due\` 2026-04-01, expected it done, rescheduled or marked wont-do",
      ]
    `);
  });

  it('warns about an achieved outcome whose lower-is-better actual missed its target', () => {
    const dir = tree({ [OUTCOME]: variant(OUTCOME, ['actual: 280', 'actual: 310']) });
    expect(found(dir, 'results-mismatch')).toMatchInlineSnapshot(`
      [
        "outcomes/faster-checkout.md:15:13 Unexpected \`achieved\` with key result 1 short of its target, expected \`missed\` or an actual that meets the target",
      ]
    `);
  });

  it('warns about a missed outcome whose actuals all meet their targets', () => {
    const dir = tree({ [OUTCOME]: variant(OUTCOME, ['status: achieved', 'status: missed']) });
    expect(found(dir, 'results-mismatch')).toMatchInlineSnapshot(`
      [
        "outcomes/faster-checkout.md:4:9 Unexpected \`missed\` while every key result meets its target, expected \`achieved\`",
      ]
    `);
  });

  it('warns about blame in a postmortem: fault, hindsight, and a person as the subject of a failure', () => {
    const dir = tree({
      [POSTMORTEM]: variant(POSTMORTEM, ['Resizing needed a deploy.', "It was Ben's fault: he should have known, and Ana forgot the alert."]),
    });
    expect(found(dir, 'blame-language')).toMatchInlineSnapshot(`
      [
        "postmortems/2026-03-02-vault-timeouts.md:45:8 Unexpected blame \`Ben's fault\`, expected a blameless description of what the system and process allowed",
        "postmortems/2026-03-02-vault-timeouts.md:45:24 Unexpected blame \`should have known\`, expected a blameless description of what the system and process allowed",
        "postmortems/2026-03-02-vault-timeouts.md:45:47 Unexpected blame \`Ana forgot\`, expected a blameless description of what the system and process allowed",
      ]
    `);
  });

  it('accepts a blameless description', () => {
    expect(found(tree(), 'blame-language')).toEqual([]);
  });
});
