import { describe, expect, it } from 'vitest';
import { check, DECISION, found, OUTCOME, tree, variant } from '../support/fixture.ts';

const REVIEW = `  - date: 2026-07-20
    by: [ben, ana]
    verdict: held
    actual: Checkout p99 fell by 340 ms and no revoked card was used.
    nextReviewBy: 2027-01-20
`;

/** The fixture decision with a review log written after its frontmatter's last line. */
function withReviews(log: string, ...replacements: [string | RegExp, string][]): string {
  return variant(DECISION, ['outcomes: [faster-checkout]\n', `outcomes: [faster-checkout]\nreviews:\n${log}`], ...replacements);
}

/** The fixture outcome closed as missed on 2026-07-02. */
const MISSED = variant(OUTCOME, ['status: achieved', 'status: missed'], ['actual: 280', 'actual: 340']);

describe('decision reviews', () => {
  it('accepts a review log whose latest review set the current reviewBy', () => {
    expect(check(tree({ [DECISION]: withReviews(REVIEW) }))).toEqual([]);
  });

  it('refuses reviews on a decision that was never accepted', () => {
    const proposed = withReviews(REVIEW, ['status: accepted', 'status: proposed'], ['    chosen: true\n', ''], [/decided: .*\n/, ''], [/expectedOutcome: .*\n/, ''], [/reviewBy: .*\n/, '']);
    expect(found(tree({ [DECISION]: proposed }), 'review-status')).toMatchInlineSnapshot(`
      [
        "decisions/0001-cache-tokens.md:14:1 Unexpected \`reviews\` on a decision with status \`proposed\`, expected reviews once it is accepted",
      ]
    `);
  });

  it('refuses a review before the decision, and reviews out of order', () => {
    const dir = tree({
      [DECISION]: withReviews(`${REVIEW.replace('2026-07-20', '2026-01-10').replace('held', 'revisit').replace('2027-01-20', '2026-05-01')}${REVIEW.replace('2026-07-20', '2026-01-05')}`),
    });
    expect(found(dir, 'review-order')).toMatchInlineSnapshot(`
      [
        "decisions/0001-cache-tokens.md:19:11 Unexpected review 1 dated 2026-01-10, before \`decided\` 2026-01-20, expected reviews of the decision once it was made",
        "decisions/0001-cache-tokens.md:24:11 Unexpected review 2 dated 2026-01-05, before \`decided\` 2026-01-20, expected reviews of the decision once it was made",
        "decisions/0001-cache-tokens.md:24:11 Unexpected review 2 dated 2026-01-05, on or before review 1 (2026-01-10), expected reviews oldest first, at most one a day",
      ]
    `);
  });

  it('refuses a reviewer who is not in people.yaml', () => {
    expect(found(tree({ [DECISION]: withReviews(REVIEW.replace('[ben, ana]', '[ben, zoe]')) }), 'unknown-reference')).toMatchInlineSnapshot(`
      [
        "decisions/0001-cache-tokens.md:20:15 Unexpected \`zoe\` in \`by\` of review 1, expected a person id from people.yaml",
      ]
    `);
  });

  it('asks a held or revisited decision when it is reviewed next, and keeps reviewBy on that date', () => {
    expect(found(tree({ [DECISION]: withReviews(REVIEW.replace('    nextReviewBy: 2027-01-20\n', '')) }), 'review-next')).toMatchInlineSnapshot(`
      [
        "decisions/0001-cache-tokens.md:19:5 Missing \`nextReviewBy\` of review 1, required after a \`held\` verdict: when the decision is reviewed next",
      ]
    `);
    expect(found(tree({ [DECISION]: withReviews(REVIEW.replace('nextReviewBy: 2027-01-20', 'nextReviewBy: 2027-03-01')) }), 'review-next')).toMatchInlineSnapshot(`
      [
        "decisions/0001-cache-tokens.md:16:11 Unexpected \`reviewBy\` 2027-01-20 while the latest review set \`nextReviewBy\` 2027-03-01, expected them equal: \`reviewBy\` is when the decision is reviewed next",
      ]
    `);
    expect(
      found(tree({ [DECISION]: withReviews(REVIEW.replace('nextReviewBy: 2027-01-20', 'nextReviewBy: 2026-07-20'), ['reviewBy: 2027-01-20', 'reviewBy: 2026-07-20']) }), 'review-next'),
    ).toMatchInlineSnapshot(`
      [
        "decisions/0001-cache-tokens.md:23:19 Unexpected \`nextReviewBy\` 2026-07-20 of review 1, on or before its \`date\` 2026-07-20, expected a later date",
      ]
    `);
  });

  it('holds every review to its shape: a known verdict, reviewers, what actually happened', () => {
    const dir = tree({ [DECISION]: withReviews(REVIEW.replace('verdict: held', 'verdict: approved').replace('    actual: Checkout p99 fell by 340 ms and no revoked card was used.\n', '')) });
    expect(check(dir).map((p) => `${p.line}:${p.column} ${p.rule} ${p.message}`)).toMatchInlineSnapshot(`
      [
        "19:5 required-field Missing \`actual\` of review 1, required when status is \`accepted\`",
        "21:14 invalid-field Unexpected \`approved\` in \`verdict\` of review 1, expected one of \`held\`, \`revisit\`, \`reversed\`",
      ]
    `);
  });

  it('warns about an accepted decision whose latest review reversed it', () => {
    const dir = tree({ [DECISION]: withReviews(REVIEW.replace('verdict: held', 'verdict: reversed').replace('    nextReviewBy: 2027-01-20\n', '')) });
    expect(found(dir, 'review-reversed')).toMatchInlineSnapshot(`
      [
        "decisions/0001-cache-tokens.md:21:14 Unexpected status \`accepted\` after a \`reversed\` verdict, expected the decision superseded by the one that replaces it, or deprecated",
      ]
    `);
    expect(check(dir).map((p) => p.severity)).toEqual(['warning']);
  });

  it('warns about a decision whose outcome was missed and that has not been reviewed since, at the outcome', () => {
    const dir = tree({ [OUTCOME]: MISSED, [DECISION]: withReviews(REVIEW.replace('2026-07-20', '2026-06-20')) });
    expect(found(dir, 'review-missed-outcome')).toMatchInlineSnapshot(`
      [
        "decisions/0001-cache-tokens.md:17:12 Missing review since \`faster-checkout\` was missed on 2026-07-02, expected a review that sets what happened against \`expectedOutcome\`",
      ]
    `);
    expect(found(tree({ [OUTCOME]: MISSED, [DECISION]: withReviews(REVIEW) }), 'review-missed-outcome')).toEqual([]);
    expect(found(tree({ [OUTCOME]: MISSED, [DECISION]: withReviews(REVIEW.replace('2026-07-20', '2026-07-02')) }), 'review-missed-outcome')).toEqual([]);
  });
});
