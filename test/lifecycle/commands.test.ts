import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkHandbook } from '../../src/check/index.ts';
import { runCheckin } from '../../src/cli/checkin.ts';
import type { CommandIO } from '../../src/cli/io.ts';
import { runReview } from '../../src/cli/review.ts';
import { runStatus } from '../../src/cli/status.ts';
import { runSupersede } from '../../src/cli/supersede.ts';
import { editFrontmatter } from '../../src/lifecycle/edit.ts';
import { exampleCopy } from '../support/cli.ts';

const TODAY = '2026-11-24';

type Run = (args: string[], io: CommandIO) => number;

/** Runs a command on a copy of the example handbook; returns its output and the copy. */
function run(command: Run, args: string[], dir = exampleCopy()): { code: number; stdout: string; stderr: string; dir: string } {
  let stdout = '';
  let stderr = '';
  const code = command([...args, '--dir', dir], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), colour: false });
  const clean = (text: string): string => text.replaceAll(relative(process.cwd(), dir), 'content');
  return { code, stdout: clean(stdout), stderr: clean(stderr), dir };
}

/** Every file of a folder with the hash of its bytes. */
function fingerprint(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const path = join(entry.parentPath, entry.name);
        return [relative(dir, path), createHash('sha256').update(readFileSync(path)).digest('hex')];
      }),
  );
}

/** The lines a command replaced in one file of the copy, against the example handbook: what it removed (`-`) and added (`+`) between the lines both share. */
function changed(dir: string, file: string): string[] {
  const before = readFileSync(join('content', file), 'utf8').split('\n');
  const after = readFileSync(join(dir, file), 'utf8').split('\n');
  let start = 0;
  while (start < before.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return [...before.slice(start, before.length - end).map((line) => `- ${line}`), ...after.slice(start, after.length - end).map((line) => `+ ${line}`)];
}

const errors = (dir: string): string[] =>
  checkHandbook(dir, { today: TODAY })
    .problems.filter((p) => p.severity === 'error')
    .map((p) => `${p.rule} ${p.message}`);

describe("editing frontmatter keeps the writer's formatting", () => {
  it('writes every example record back byte for byte when nothing changes, with LF, CRLF and a byte order mark', () => {
    for (const kind of ['outcomes', 'decisions', 'postmortems']) {
      for (const name of readdirSync(join('content', kind))) {
        const text = readFileSync(join('content', kind, name), 'utf8');
        for (const variant of [text, text.replaceAll('\n', '\r\n'), `\uFEFF${text}`])
          expect(
            editFrontmatter(variant, () => {}),
            name,
          ).toBe(variant);
      }
    }
  });

  it('keeps comments, quotes and flow lists around an edit', () => {
    const text = '---\n# Who owns it.\ntitle: "Quoted: title here"\nstatus: proposed # moves on soon\ndeciders: [ana, ben]\n---\nBody\n';
    expect(editFrontmatter(text, (doc) => doc.set('status', 'accepted'))).toBe('---\n# Who owns it.\ntitle: "Quoted: title here"\nstatus: accepted # moves on soon\ndeciders: [ana, ben]\n---\nBody\n');
  });
});

describe('handbook status', () => {
  it('moves a proposed decision to rejected and fills `decided`', () => {
    const { code, stdout, dir } = run(runStatus, ['0008', 'rejected', '--date', TODAY]);
    expect({ code, stdout }).toMatchInlineSnapshot(`
      {
        "code": 0,
        "stdout": "decisions/0008-rules-engine-for-risk-scoring: proposed → rejected (decided: 2026-11-24).
      ",
      }
    `);
    expect(changed(dir, 'decisions/0008-rules-engine-for-risk-scoring.md')).toMatchInlineSnapshot(`
      [
        "- status: proposed",
        "- owner: mateo",
        "- team: risk",
        "- created: 2026-10-12",
        "- deciders: [mateo, grace]",
        "- consulted: [amara]",
        "- door: two-way",
        "- options:",
        "-   - name: Declarative rules engine evaluated before the model",
        "-   - name: Keep rules in code next to the model",
        "- tags: [fraud, risk]",
        "+ status: rejected",
        "+ owner: mateo",
        "+ team: risk",
        "+ created: 2026-10-12",
        "+ deciders: [mateo, grace]",
        "+ consulted: [amara]",
        "+ door: two-way",
        "+ options:",
        "+   - name: Declarative rules engine evaluated before the model",
        "+   - name: Keep rules in code next to the model",
        "+ tags: [fraud, risk]",
        "+ decided: 2026-11-24",
      ]
    `);
    expect(errors(dir)).toEqual([]);
  });

  it('refuses to accept a decision that is not complete for `accepted`, listing what check would ask for, and writes nothing', () => {
    const dir = exampleCopy();
    const before = fingerprint(dir);
    const { code, stdout, stderr } = run(runStatus, ['decisions/0008-rules-engine-for-risk-scoring', 'accepted', '--date', TODAY], dir);
    expect({ code, stdout, stderr }).toMatchInlineSnapshot(`
      {
        "code": 1,
        "stderr": "handbook status: Unexpected result that check would reject with 5 problems, expected a record complete for its status; nothing was written:
        content/decisions/0008-rules-engine-for-risk-scoring.md:4:9  error    Missing \`expectedOutcome\`, required when status is \`accepted\`  required-field
        content/decisions/0008-rules-engine-for-risk-scoring.md:4:9  error    Missing \`reviewBy\`, required when status is \`accepted\`  required-field
        content/decisions/0008-rules-engine-for-risk-scoring.md:11:1  error    Unexpected 0 chosen options, expected exactly one \`chosen: true\` when status is \`accepted\`  chosen-option
        content/decisions/0008-rules-engine-for-risk-scoring.md:17:1  error    Missing section \`## Decision\`, required when status is \`accepted\`  section-missing
        content/decisions/0008-rules-engine-for-risk-scoring.md:17:1  error    Missing section \`## Consequences\`, required when status is \`accepted\`  section-missing
      ",
        "stdout": "",
      }
    `);
    expect(fingerprint(dir)).toEqual(before);
  });

  it('refuses to close an outcome as achieved without its actuals, results and learnings, and writes nothing', () => {
    const dir = exampleCopy();
    const before = fingerprint(dir);
    const { code, stderr } = run(runStatus, ['2026-q4-payout-latency', 'achieved', '--date', TODAY], dir);
    expect({ code, stderr }).toMatchInlineSnapshot(`
      {
        "code": 1,
        "stderr": "handbook status: Unexpected result that check would reject with 3 problems, expected a record complete for its status; nothing was written:
        content/outcomes/2026-q4-payout-latency.md:12:5  error    Missing \`actual\` of key result 1, required when status is \`achieved\`  required-field
        content/outcomes/2026-q4-payout-latency.md:37:1  error    Missing section \`## Results\`, required when status is \`achieved\`  section-missing
        content/outcomes/2026-q4-payout-latency.md:37:1  error    Missing section \`## Learnings\`, required when status is \`achieved\`  section-missing
      ",
      }
    `);
    expect(fingerprint(dir)).toEqual(before);
  });

  it('refuses a move back through the lifecycle, and superseding by status alone', () => {
    expect(run(runStatus, ['0001', 'proposed']).stderr).toMatchInlineSnapshot(`
      "handbook status: Unexpected move of decisions/0001-postgres-for-the-ledger from \`accepted\` to \`proposed\`, expected one of \`superseded\`, \`deprecated\`
      "
    `);
    expect(run(runStatus, ['2026-q2-checkout-p99', 'missed']).stderr).toMatchInlineSnapshot(`
      "handbook status: Unexpected move of outcomes/2026-q2-checkout-p99 from \`achieved\` to \`missed\`, expected no further move: \`achieved\` closes its lifecycle
      "
    `);
    expect(run(runStatus, ['0001', 'superseded']).stderr).toMatchInlineSnapshot(`
      "handbook status: Unexpected \`superseded\` from \`handbook status\`, expected \`handbook supersede 0001-postgres-for-the-ledger <new-decision>\`, which updates both decisions
      "
    `);
    expect(run(runStatus, ['0099', 'accepted']).stderr).toMatchInlineSnapshot(`
      "handbook status: Unexpected \`0099\`, expected a record: its id, \`<collection>/<id>\` or a decision number
      "
    `);
  });
});

describe('handbook supersede', () => {
  it('edits both decisions so that supersedes and supersededBy agree', () => {
    const { code, stdout, dir } = run(runSupersede, ['0016', '0003', '--today', TODAY]);
    expect({ code, stdout }).toMatchInlineSnapshot(`
      {
        "code": 0,
        "stdout": "decisions/0016-read-replica-for-reporting is superseded by decisions/0003-idempotency-keys-on-payment-apis; both files updated.
      ",
      }
    `);
    expect(changed(dir, 'decisions/0016-read-replica-for-reporting.md')).toMatchInlineSnapshot(`
      [
        "- status: accepted",
        "- owner: felix",
        "- team: ledger",
        "- created: 2026-01-20",
        "- deciders: [felix, jonas]",
        "- consulted: [amara]",
        "- door: two-way",
        "- options:",
        "-   - name: Dedicated read replica with a freshness banner",
        "-     chosen: true",
        "-   - name: Nightly export to the warehouse",
        "- decided: 2026-01-28",
        "- expectedOutcome: Report queries no longer appear in the primary's top ten slowest statements, and reports are at most one minute stale.",
        "- reviewBy: 2026-12-15",
        "- tags: [ledger, databases, reporting]",
        "+ status: superseded",
        "+ owner: felix",
        "+ team: ledger",
        "+ created: 2026-01-20",
        "+ deciders: [felix, jonas]",
        "+ consulted: [amara]",
        "+ door: two-way",
        "+ options:",
        "+   - name: Dedicated read replica with a freshness banner",
        "+     chosen: true",
        "+   - name: Nightly export to the warehouse",
        "+ decided: 2026-01-28",
        "+ expectedOutcome: Report queries no longer appear in the primary's top ten slowest statements, and reports are at most one minute stale.",
        "+ reviewBy: 2026-12-15",
        "+ tags: [ledger, databases, reporting]",
        "+ supersededBy: 0003-idempotency-keys-on-payment-apis",
      ]
    `);
    expect(changed(dir, 'decisions/0003-idempotency-keys-on-payment-apis.md')).toMatchInlineSnapshot(`
      [
        "+ supersedes: [0016-read-replica-for-reporting]",
      ]
    `);
    expect(errors(dir)).toEqual([]);
  });

  it('adds to an existing supersedes list', () => {
    const { dir } = run(runSupersede, ['0016', '0015', '--today', TODAY]);
    expect(changed(dir, 'decisions/0015-transactional-outbox-events.md')).toMatchInlineSnapshot(`
      [
        "- supersedes: [0009-managed-kafka]",
        "+ supersedes: [0009-managed-kafka, 0016-read-replica-for-reporting]",
      ]
    `);
    expect(errors(dir)).toEqual([]);
  });

  it('refuses a replacement that is not accepted yet, and leaves both files byte-identical', () => {
    const dir = exampleCopy();
    const before = fingerprint(dir);
    const { code, stderr } = run(runSupersede, ['0016', '0008'], dir);
    expect({ code, stderr }).toMatchInlineSnapshot(`
      {
        "code": 1,
        "stderr": "handbook supersede: Unexpected 0008-rules-engine-for-risk-scoring with status \`proposed\`, expected the new decision accepted first (\`handbook status 0008-rules-engine-for-risk-scoring accepted\`)
      ",
      }
    `);
    expect(fingerprint(dir)).toEqual(before);
  });
});

describe('handbook review', () => {
  it('appends a held review and moves reviewBy to the next review', () => {
    const { code, stdout, dir } = run(runReview, [
      '0012',
      '--verdict',
      'held',
      '--actual',
      'Transfer fees fell 34%; exceptions halved: no merchant waited over six hours.',
      '--next',
      '2027-08-30',
      '--by',
      'noor',
      '--by',
      'jonas',
      '--date',
      TODAY,
    ]);
    expect({ code, stdout }).toMatchInlineSnapshot(`
      {
        "code": 0,
        "stdout": "decisions/0012-payout-batching-window: review of 2026-11-24 recorded (held; next review by 2027-08-30).
      ",
      }
    `);
    expect(changed(dir, 'decisions/0012-payout-batching-window.md')).toMatchInlineSnapshot(`
      [
        "- reviewBy: 2026-08-29",
        "- outcomes: [2026-q4-payout-latency]",
        "- tags: [payouts, ledger]",
        "+ reviewBy: 2027-08-30",
        "+ outcomes: [2026-q4-payout-latency]",
        "+ tags: [payouts, ledger]",
        "+ reviews:",
        "+   - date: 2026-11-24",
        "+     by: [noor, jonas]",
        "+     verdict: held",
        "+     actual: "Transfer fees fell 34%; exceptions halved: no merchant waited over six hours."",
        "+     nextReviewBy: 2027-08-30",
      ]
    `);
    expect(checkHandbook(dir, { today: TODAY }).problems.filter((p) => p.file.endsWith('0012-payout-batching-window.md'))).toEqual([]);
  });

  it('accepts --notes for the same text, and records the owner when no reviewer is given', () => {
    const { dir } = run(runReview, ['0015', '--verdict', 'revisit', '--notes', 'Zero event gaps since May, but reconciliation still missed its target.', '--next', '2027-04-27', '--date', TODAY]);
    expect(changed(dir, 'decisions/0015-transactional-outbox-events.md')).toMatchInlineSnapshot(`
      [
        "+ reviews:",
        "+   - date: 2026-11-24",
        "+     by: [jonas]",
        "+     verdict: revisit",
        "+     actual: Zero event gaps since May, but reconciliation still missed its target.",
        "+     nextReviewBy: 2027-04-27",
      ]
    `);
    expect(checkHandbook(dir, { today: TODAY }).problems.filter((p) => p.rule === 'review-missed-outcome')).toEqual([]);
  });

  it('says what is missing or wrong, and writes nothing', () => {
    const dir = exampleCopy();
    const before = fingerprint(dir);
    expect(run(runReview, ['0008', '--verdict', 'held', '--actual', 'Too early.', '--next', '2027-01-01'], dir).stderr).toMatchInlineSnapshot(`
      "handbook review: Unexpected review of 0008-rules-engine-for-risk-scoring with status \`proposed\`, expected an accepted decision
      "
    `);
    expect(run(runReview, ['0012', '--verdict', 'held', '--actual', 'Fees fell.'], dir).stderr).toMatchInlineSnapshot(`
      "handbook review: Missing --next, expected the date of the next review after a \`held\` verdict
      "
    `);
    expect(run(runReview, ['0012', '--verdict', 'held', '--actual', 'Fees fell.', '--next', '2027-08-30', '--by', 'zoe', '--date', TODAY], dir).stderr).toMatchInlineSnapshot(`
      "handbook review: Unexpected result that check would reject with a problem, expected a record complete for its status; nothing was written:
        content/decisions/0012-payout-batching-window.md:22:10  error    Unexpected \`zoe\` in \`by\` of review 1, expected a person id from people.yaml  unknown-reference
      "
    `);
    expect(run(runReview, ['0001', '--verdict', 'held', '--actual', 'Held.', '--next', '2027-01-01', '--date', '2026-01-01'], dir).stderr).toMatchInlineSnapshot(`
      "handbook review: Unexpected result that check would reject with a problem, expected a record complete for its status; nothing was written:
        content/decisions/0001-postgres-for-the-ledger.md:29:11  error    Unexpected review 2 dated 2026-01-01, on or before review 1 (2026-02-16), expected reviews oldest first, at most one a day  review-order
      "
    `);
    expect(fingerprint(dir)).toEqual(before);
  });
});

describe('handbook checkin', () => {
  it('appends a check-in with values by metric, matched without regard to case', () => {
    const { code, stdout, dir } = run(runCheckin, [
      '2026-q3-on-call-load',
      '--confidence',
      'off-track',
      '--value',
      'Out-of-hours pages per on-call week=5',
      '--note',
      'The gateway alerts moved to business hours; five pages a week remain.',
      '--date',
      TODAY,
    ]);
    expect({ code, stdout }).toMatchInlineSnapshot(`
      {
        "code": 0,
        "stdout": "outcomes/2026-q3-on-call-load: check-in of 2026-11-24 recorded (off-track).
      Check also warns:
        content/outcomes/2026-q3-on-call-load.md:8:6  warning  Unexpected committed outcome past its \`due\` 2026-09-30, expected it closed as achieved, missed or dropped  outcome-overdue
      ",
      }
    `);
    expect(changed(dir, 'outcomes/2026-q3-on-call-load.md')).toMatchInlineSnapshot(`
      [
        "+   - date: 2026-11-24",
        "+     confidence: off-track",
        "+     values:",
        "+       out-of-hours pages per on-call week: 5",
        "+     note: The gateway alerts moved to business hours; five pages a week remain.",
      ]
    `);
    expect(checkHandbook(dir, { today: TODAY }).problems.filter((p) => p.rule === 'checkin-stale')).toEqual([]);
  });

  it('starts the log of an outcome that has none', () => {
    const dir = exampleCopy();
    const file = join(dir, 'outcomes/2026-q4-card-auth-rate.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/checkins:[\s\S]*?(?=---)/, ''));
    run(runCheckin, ['2026-q4-card-auth-rate', '--confidence', 'at-risk', '--value', 'card authorisation rate=92.4', '--note', 'Smart retries are live.', '--date', TODAY], dir);
    expect(readFileSync(file, 'utf8').split('---')[1]!.split('\n').slice(-10)).toMatchInlineSnapshot(`
      [
        "    target: 80",
        "contributors: [amara, grace]",
        "tags: [checkout, payments]",
        "checkins:",
        "  - date: 2026-11-24",
        "    confidence: at-risk",
        "    values:",
        "      card authorisation rate: 92.4",
        "    note: Smart retries are live.",
        "",
      ]
    `);
  });

  it('refuses a value for a metric the outcome does not measure, naming the ones it does, and writes nothing', () => {
    const dir = exampleCopy();
    const before = fingerprint(dir);
    const { code, stderr } = run(runCheckin, ['2026-q4-card-auth-rate', '--confidence', 'on-track', '--value', 'approval rate=93', '--note', 'Up.', '--date', TODAY], dir);
    expect({ code, stderr }).toMatchInlineSnapshot(`
      {
        "code": 1,
        "stderr": "handbook checkin: Unexpected result that check would reject with a problem, expected a record complete for its status; nothing was written:
        content/outcomes/2026-q4-card-auth-rate.md:38:7  error    Unexpected \`approval rate\` in \`values\` of check-in 3, expected the \`metric\` of a key result: \`card authorisation rate\`, \`share of transactions using network tokens\`  checkin-value
      ",
      }
    `);
    expect(run(runCheckin, ['2026-q4-card-auth-rate', '--confidence', 'on-track', '--value', 'card authorisation rate=high', '--note', 'Up.'], dir).stderr).toMatchInlineSnapshot(`
      "handbook checkin: Unexpected --value \`card authorisation rate=high\`, expected \`metric=number\`, e.g. \`card authorisation rate=42\`
      "
    `);
    expect(run(runCheckin, ['2026-q4-card-auth-rate', '--confidence', 'on-track', '--note', 'Up.', '--date', '2026-11-01'], dir).stderr).toMatchInlineSnapshot(`
      "handbook checkin: Unexpected result that check would reject with a problem, expected a record complete for its status; nothing was written:
        content/outcomes/2026-q4-card-auth-rate.md:35:11  error    Unexpected check-in 3 dated 2026-11-01, on or before check-in 2 (2026-11-16), expected check-ins oldest first, at most one a day  checkin-order
      "
    `);
    expect(run(runCheckin, ['2026-q2-checkout-p99', '--confidence', 'on-track', '--note', 'Done.'], dir).stderr).toMatchInlineSnapshot(`
      "handbook checkin: Unexpected check-in on 2026-q2-checkout-p99 with status \`achieved\`, expected a committed outcome
      "
    `);
    expect(fingerprint(dir)).toEqual(before);
  });
});
