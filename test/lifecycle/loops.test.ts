import { describe, expect, it } from 'vitest';
import type { CommandIO } from '../../src/cli/io.ts';
import { runLoops } from '../../src/cli/loops.ts';
import { loopsJson, loopsMarkdown, openLoops, type LoopRecord } from '../../src/lifecycle/loops.ts';
import { DEFAULT_SETTINGS, parseSettings } from '../../src/schemas/settings.ts';

const TODAY = '2026-11-24';

function loops(args: string[]): { code: number; stdout: string } {
  let stdout = '';
  const io: CommandIO = { stdout: (t) => (stdout += t), stderr: () => {}, colour: false };
  return { code: runLoops(['content', '--today', TODAY, ...args], io), stdout };
}

const people = [
  { id: 'ana', name: 'Ana Lima', github: 'analima' },
  { id: 'ben', name: 'Ben Okafor' },
];
const decision = (data: Record<string, unknown>): LoopRecord => ({
  ref: 'decisions/0001-cache-tokens',
  collection: 'decisions',
  data: { title: 'Cache card tokens [at the edge]', owner: 'ben', status: 'accepted', ...data },
});

describe('open loops', () => {
  it('sends the example handbook\'s loops to their owners as Markdown for the "Open loops" issue', () => {
    const { code, stdout } = loops(['--format', 'markdown', '--site', 'https://tillwave.github.io/']);
    expect(code).toBe(0);
    expect(stdout).toMatchInlineSnapshot(`
      "14 open loops on 2026-11-24, for 9 people.

      ### @aokonkwo (Amara Okonkwo)

      - **Action overdue** (due 2026-09-30, 55 days ago): Publish the API version support policy, from [Partial refunds returned errors for one API version](https://tillwave.github.io/postmortems/2026-07-19-refund-api-errors/)

      ### Felix Brandt

      - **Review due** (due 2026-12-15, in 21 days): [Serve merchant reports from a read replica](https://tillwave.github.io/decisions/0016-read-replica-for-reporting/)

      ### @hsato (Hana Sato)

      - **Review due** (due 2026-12-01, in 7 days): [Move card storage to an external PCI-certified vault](https://tillwave.github.io/decisions/0006-card-vault-provider/)

      ### @icarvalho (Inês Carvalho)

      - **Review overdue** (due 2026-11-17, 7 days ago): [Instrument every service with OpenTelemetry traces](https://tillwave.github.io/decisions/0010-opentelemetry-tracing/)

      ### @jlindqvist (Jonas Lindqvist)

      - **Review after a missed outcome** (outcome missed 2026-10-06, 49 days ago): [Publish domain events through a transactional outbox in PostgreSQL](https://tillwave.github.io/decisions/0015-transactional-outbox-events/), against [Reconcile the ledger against bank statements automatically every day](https://tillwave.github.io/outcomes/2026-q3-ledger-reconciliation/)

      ### @lferreira (Lucas Ferreira)

      - **Action overdue** (due 2026-07-31, 116 days ago): Record who changed which feature flag and when, from [Checkout was unavailable for 22 minutes after a DNS resolver change](https://tillwave.github.io/postmortems/2026-05-05-dns-resolver-change/)
      - **Review due** (due 2026-12-10, in 16 days): [Deploy checkout blue-green with automatic rollback on error budget burn](https://tillwave.github.io/decisions/0014-blue-green-deploys-for-checkout/)

      ### @mrossi (Mateo Rossi)

      - **Action overdue** (due 2026-09-30, 55 days ago): Let analysts change thresholds without a deploy, from [The fraud model declined 6% of good payments for two hours](https://tillwave.github.io/postmortems/2026-02-17-fraud-false-positives/)

      ### @nhaddad (Noor Haddad)

      - **Action overdue** (due 2026-04-30, 208 days ago): Add a balance invariant check to the hourly job, from [Merchant balances drifted during the month-end report run](https://tillwave.github.io/postmortems/2026-01-09-ledger-balance-drift/)
      - **Review overdue** (due 2026-08-29, 87 days ago): [Batch merchant payouts into four daily windows](https://tillwave.github.io/decisions/0012-payout-batching-window/)
      - **Outcome due** (due 2026-12-15, in 21 days): [Large merchants receive payouts within one hour of the window](https://tillwave.github.io/outcomes/2026-q4-payout-latency/)

      ### @praman (Priya Raman)

      - **Check-in due** (last read 2026-09-21, 64 days ago): [On-call weeks average fewer than four out-of-hours pages](https://tillwave.github.io/outcomes/2026-q3-on-call-load/)
      - **Outcome past due** (due 2026-09-30, 55 days ago): [On-call weeks average fewer than four out-of-hours pages](https://tillwave.github.io/outcomes/2026-q3-on-call-load/)
      - **Action overdue** (due 2026-10-31, 24 days ago): Rehearse a full-region DNS failure in a game day, from [Checkout was unavailable for 22 minutes after a DNS resolver change](https://tillwave.github.io/postmortems/2026-05-05-dns-resolver-change/)
      "
    `);
  });

  it("lists one owner's loops, with paths instead of links when the site is unknown", () => {
    expect(loops(['--owner', 'priya']).stdout).toMatchInlineSnapshot(`
      "3 open loops on 2026-11-24, for 1 person.

      Priya Raman (priya)
        Check-in due      last read 2026-09-21, 64 days ago  outcomes/2026-q3-on-call-load  On-call weeks average fewer than four out-of-hours pages
        Outcome past due  due 2026-09-30, 55 days ago        outcomes/2026-q3-on-call-load  On-call weeks average fewer than four out-of-hours pages
        Action overdue    due 2026-10-31, 24 days ago        postmortems/2026-05-05-dns-resolver-change  Rehearse a full-region DNS failure in a game day (Checkout was unavailable for 22 minutes after a DNS resolver change)
      "
    `);
  });

  it('counts a review as due within policy.dueSoon days, and past due after its date', () => {
    const soon = decision({ reviewBy: '2026-12-20' });
    expect(openLoops([soon], people, TODAY, DEFAULT_SETTINGS)[0]?.loops.map((l) => `${l.kind} ${l.days}`)).toEqual(['review-due 26']);
    expect(openLoops([soon], people, TODAY, parseSettings({ policy: { dueSoon: 14 } }))).toEqual([]);
    expect(openLoops([decision({ reviewBy: '2026-11-20' })], people, TODAY, DEFAULT_SETTINGS)[0]?.loops.map((l) => `${l.kind} ${l.days}`)).toEqual(['review-overdue -4']);
  });

  it("sends an overdue action to the action's owner, and never lists drafts", () => {
    const postmortem: LoopRecord = {
      ref: 'postmortems/2026-03-02-vault-timeouts',
      collection: 'postmortems',
      data: {
        title: 'Vault timeouts',
        owner: 'ben',
        status: 'published',
        actions: [
          { title: 'Alert on vault latency', owner: 'ana', due: '2026-04-01', status: 'open' },
          { title: 'Done already', owner: 'ana', due: '2026-04-01', status: 'done' },
        ],
      },
    };
    const draft = decision({ status: 'draft', reviewBy: '2026-01-01' });
    const owners = openLoops([postmortem, draft], people, TODAY, DEFAULT_SETTINGS);
    expect(owners.map((o) => [o.owner, o.loops.map((l) => `${l.kind} ${l.action}`)])).toEqual([['ana', ['action-overdue Alert on vault latency']]]);
  });

  it('escapes Markdown in titles, names a person without a GitHub handle by name, and says when nothing is open', () => {
    const owners = openLoops([decision({ reviewBy: '2026-11-20' })], people, TODAY, DEFAULT_SETTINGS);
    expect(loopsMarkdown(owners, TODAY, undefined)).toMatchInlineSnapshot(`
      "1 open loop on 2026-11-24, for 1 person.

      ### Ben Okafor

      - **Review overdue** (due 2026-11-20, 4 days ago): Cache card tokens \\[at the edge\\] (\`decisions/0001-cache-tokens\`)
      "
    `);
    expect(loopsMarkdown([], TODAY, undefined)).toBe('No open loops on 2026-11-24.\n');
    expect(JSON.parse(loopsJson(owners, TODAY, 'https://h.example')).owners[0].loops[0].url).toBe('https://h.example/decisions/0001-cache-tokens/');
  });

  it('refuses an unknown owner, format or site', () => {
    expect(() => loops(['--owner', 'zoe'])).toThrow(/Unexpected --owner `zoe`, expected a person id from people.yaml: amara, lucas/);
    expect(() => loops(['--format', 'html'])).toThrow('Unexpected format `html`, expected one of pretty, markdown, json');
    expect(() => loops(['--site', 'tillwave.github.io'])).toThrow(/Unexpected --site `tillwave.github.io`/);
  });
});
