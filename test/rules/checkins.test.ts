import { describe, expect, it } from 'vitest';
import { check, found, OUTCOME, tree, variant } from '../support/fixture.ts';

/** The fixture outcome with a check-in log written after its frontmatter's last line. */
function withCheckins(log: string, ...replacements: [string | RegExp, string][]): string {
  return variant(OUTCOME, ['tags: [latency]\n', `tags: [latency]\ncheckins:\n${log}`], ...replacements);
}

const GOOD = `  - date: 2026-03-02
    confidence: at-risk
    values:
      checkout p99 latency: 540
    note: The edge cache is half rolled out.
  - date: 2026-05-04
    confidence: on-track
    values:
      checkout p99 latency: 310
    note: Every region reads tokens from the edge now.
`;

/** Committed again: no actual, not closed, due in the future, so only check-in rules speak. */
const COMMITTED: [string | RegExp, string][] = [
  ['status: achieved', 'status: committed'],
  ['    actual: 280\n', ''],
  ['closed: 2026-07-02\n', ''],
  ['due: 2026-06-30', 'due: 2027-06-30'],
  [/## Results[\s\S]*/, ''],
];

describe('outcome check-ins', () => {
  it('accepts a dated log of confidence, values by metric and notes', () => {
    expect(check(tree({ [OUTCOME]: withCheckins(GOOD) }))).toEqual([]);
  });

  it('refuses check-ins out of date order, at the later date', () => {
    const dir = tree({ [OUTCOME]: withCheckins(GOOD.replace('2026-05-04', '2026-03-02')) });
    expect(found(dir, 'checkin-order')).toMatchInlineSnapshot(`
      [
        "outcomes/faster-checkout.md:24:11 Unexpected check-in 2 dated 2026-03-02, on or before check-in 1 (2026-03-02), expected check-ins oldest first, at most one a day",
      ]
    `);
  });

  it('refuses a check-in before the outcome was created or after it was closed', () => {
    const dir = tree({ [OUTCOME]: withCheckins(GOOD.replace('2026-03-02', '2026-01-01').replace('2026-05-04', '2026-07-03')) });
    expect(found(dir, 'checkin-order')).toMatchInlineSnapshot(`
      [
        "outcomes/faster-checkout.md:19:11 Unexpected check-in 1 dated 2026-01-01, before \`created\` 2026-01-05, expected check-ins within the outcome's life",
        "outcomes/faster-checkout.md:24:11 Unexpected check-in 2 dated 2026-07-03, after \`closed\` 2026-07-02, expected check-ins within the outcome's life",
      ]
    `);
  });

  it('refuses a value for a key result the outcome does not have, naming the ones it has', () => {
    const dir = tree({ [OUTCOME]: withCheckins(GOOD.replace('      checkout p99 latency: 310', '      checkout p95 latency: 310')) });
    expect(found(dir, 'checkin-value')).toMatchInlineSnapshot(`
      [
        "outcomes/faster-checkout.md:27:7 Unexpected \`checkout p95 latency\` in \`values\` of check-in 2, expected the \`metric\` of a key result: \`checkout p99 latency\`",
      ]
    `);
  });

  it('holds every check-in to its shape: a known confidence, a number per metric, a date and a note', () => {
    const dir = tree({
      [OUTCOME]: withCheckins(GOOD.replace('confidence: at-risk', 'confidence: green').replace(': 310', ': fast').replace('    note: Every region reads tokens from the edge now.\n', '')),
    });
    expect(check(dir).map((p) => `${p.line}:${p.column} ${p.rule} ${p.message}`)).toMatchInlineSnapshot(`
      [
        "20:17 invalid-field Unexpected \`green\` in \`confidence\` of check-in 1, expected one of \`on-track\`, \`at-risk\`, \`off-track\`",
        "24:5 required-field Missing \`note\` of check-in 2, required when status is \`achieved\`",
        "27:29 invalid-field Unexpected \`fast\` in \`values.checkout p99 latency\` of check-in 2, expected a number",
      ]
    `);
  });

  it('suggests `checkins` for a misspelt field', () => {
    const dir = tree({ [OUTCOME]: variant(OUTCOME, ['tags: [latency]\n', `tags: [latency]\ncheckin:\n${GOOD}`]) });
    expect(found(dir, 'unknown-field')).toMatchInlineSnapshot(`
      [
        "outcomes/faster-checkout.md:18:1 Unexpected field \`checkin\`, expected a field of an outcome (did you mean \`checkins\`?)",
      ]
    `);
  });

  it('warns when a committed outcome has gone more than 30 days without a check-in, at the latest one', () => {
    const dir = tree({ [OUTCOME]: withCheckins(GOOD.replace('2026-05-04', '2026-10-24'), ...COMMITTED) });
    expect(found(dir, 'checkin-stale')).toMatchInlineSnapshot(`
      [
        "outcomes/faster-checkout.md:22:11 Unexpected latest check-in 2026-10-24, 31 days ago, expected one at least every 30 days while the outcome is committed",
      ]
    `);
    expect(check(dir).find((p) => p.rule === 'checkin-stale')?.severity).toBe('warning');
    expect(found(tree({ [OUTCOME]: withCheckins(GOOD.replace('2026-05-04', '2026-10-25'), ...COMMITTED) }), 'checkin-stale')).toEqual([]);
  });

  it('warns about a committed outcome that never had a check-in, counting from its creation', () => {
    const dir = tree({ [OUTCOME]: variant(OUTCOME, ...COMMITTED) });
    expect(found(dir, 'checkin-stale')).toMatchInlineSnapshot(`
      [
        "outcomes/faster-checkout.md:4:9 Missing check-in 323 days after \`created\` 2026-01-05, expected one at least every 30 days while the outcome is committed",
      ]
    `);
  });

  it('reads the number of days from handbook.yaml', () => {
    const log = withCheckins(GOOD.replace('2026-05-04', '2026-10-01'), ...COMMITTED);
    expect(found(tree({ [OUTCOME]: log }), 'checkin-stale')).toHaveLength(1);
    expect(found(tree({ [OUTCOME]: log, 'handbook.yaml': 'policy:\n  checkinEvery: 60\n' }), 'checkin-stale')).toEqual([]);
  });

  it('does not ask a closed outcome for check-ins', () => {
    expect(found(tree(), 'checkin-stale')).toEqual([]);
  });
});
