import { describe, expect, it } from 'vitest';
import { handbook } from '../support/cli.ts';
import { check, record, tree } from '../support/fixture.ts';

const HASH = `sha256:${'ab'.repeat(32)}`;

/** An accepted adr-tools decision as `handbook import` writes it: nothing the source lacked is filled in. */
function importedDecision(reviewed: boolean, extra = ''): string {
  return record(
    `title: Use PostgreSQL for the ledger
status: accepted
owner: ana
created: 2019-03-11
decided: 2019-03-11
${extra}imported:
  format: adr-tools
  source: doc/adr/0002-use-postgresql-for-the-ledger.md
  sourceId: "0002"
  hash: ${HASH}
  reviewed: ${reviewed}`,
    `Date: 2019-03-11

## Status

Accepted

## Context

The ledger needs transactions across accounts.

## Decision

Use PostgreSQL 12 on RDS.

## Consequences

One more database to operate.`,
  );
}

const PROBLEMS = (dir: string) => check(dir).filter((p) => p.file.startsWith('decisions/0002') || p.file.startsWith('postmortems/2015'));
const lines = (dir: string) => PROBLEMS(dir).map((p) => `${p.severity} ${p.rule} ${p.message}`);

describe('check on imported records nobody has reviewed', () => {
  it('reports what history cannot have (summary, deciders, door, options, expected outcome, review date, ## Options) as warnings', () => {
    const dir = tree({ 'decisions/0002-use-postgresql-for-the-ledger.md': importedDecision(false) });
    expect(lines(dir)).toMatchInlineSnapshot(`
      [
        "warning required-field Missing \`summary\`, required when status is \`accepted\` (a warning until the imported record is reviewed)",
        "warning required-field Missing \`deciders\`, required when status is \`accepted\` (a warning until the imported record is reviewed)",
        "warning required-field Missing \`door\`, required when status is \`accepted\` (a warning until the imported record is reviewed)",
        "warning required-field Missing \`options\`, required when status is \`accepted\` (a warning until the imported record is reviewed)",
        "warning required-field Missing \`expectedOutcome\`, required when status is \`accepted\` (a warning until the imported record is reviewed)",
        "warning required-field Missing \`reviewBy\`, required when status is \`accepted\` (a warning until the imported record is reviewed)",
        "warning section-missing Missing section \`## Options\`, required when status is \`accepted\` (a warning until the imported record is reviewed)",
      ]
    `);
  });

  it('reports the same gaps as errors once the record is marked reviewed', () => {
    const dir = tree({ 'decisions/0002-use-postgresql-for-the-ledger.md': importedDecision(true) });
    expect(new Set(PROBLEMS(dir).map((p) => p.severity))).toEqual(new Set(['error']));
    expect(PROBLEMS(dir)).toHaveLength(7);
  });

  it('keeps what the source got wrong an error: a bad value, two chosen options, dates out of order, an unknown person', () => {
    const twoChosen = 'options:\n  - name: PostgreSQL\n    chosen: true\n  - name: MySQL\n    chosen: true\n';
    const text = importedDecision(false, `door: revolving\nreviewBy: 2018-01-01\ndeciders:\n  - nobody\n${twoChosen}`);
    const dir = tree({ 'decisions/0002-use-postgresql-for-the-ledger.md': text });
    const errors = PROBLEMS(dir)
      .filter((p) => p.severity === 'error')
      .map((p) => p.rule);
    expect(errors.sort()).toEqual(['chosen-option', 'date-order', 'invalid-field', 'unknown-reference']);
  });

  it('reports a section the source template did not have as a warning, whichever the model names', () => {
    const text = importedDecision(false).replace('## Consequences\n\nOne more database to operate.', '## Links\n\nNone.').replace('## Context', '## Background');
    const dir = tree({ 'decisions/0002-use-postgresql-for-the-ledger.md': text });
    expect(lines(dir).filter((line) => line.includes('section'))).toEqual([
      'warning section-missing Missing section `## Context`, required when status is `accepted` (a warning until the imported record is reviewed)',
      'warning section-missing Missing section `## Options`, required when status is `accepted` (a warning until the imported record is reviewed)',
      'warning section-missing Missing section `## Consequences`, required when status is `accepted` (a warning until the imported record is reviewed)',
    ]);
  });

  it('lets a handbook with unreviewed imports pass check, and fails it with --strict', () => {
    const dir = tree({ 'decisions/0002-use-postgresql-for-the-ledger.md': importedDecision(false) });
    expect(handbook(['check', dir, '--today', '2026-11-24']).code).toBe(0);
    expect(handbook(['check', dir, '--today', '2026-11-24', '--strict']).code).toBe(1);
  });

  it('makes a postmortem without severity a warning when imported, and an error when written here', () => {
    const postmortem = (imported: boolean) =>
      record(
        `title: Shakespeare search down for an hour
status: draft
owner: ana
created: 2015-10-21${imported ? `\nimported:\n  format: sre-postmortem\n  source: incidents/2015-10-21-sonnet.md\n  hash: ${HASH}\n  reviewed: false` : ''}`,
        'Impact: an hour of failed queries.',
      );
    const imported = tree({ 'postmortems/2015-10-21-shakespeare.md': postmortem(true) });
    expect(lines(imported)).toEqual(['warning required-field Missing `severity`, required for every postmortem (a warning until the imported record is reviewed)']);
    const written = tree({ 'postmortems/2015-10-21-shakespeare.md': postmortem(false) });
    expect(lines(written)).toEqual(['error required-field Missing `severity`, required for every postmortem']);
  });

  it('checks the provenance block itself', () => {
    const dir = tree({ 'decisions/0002-use-postgresql-for-the-ledger.md': importedDecision(false).replace(HASH, 'md5:1234').replace('format: adr-tools', 'format: confluence') });
    expect(
      PROBLEMS(dir)
        .filter((p) => p.severity === 'error')
        .map((p) => p.message),
    ).toEqual([
      'Unexpected `confluence` in `imported.format`, expected one of `adr-tools`, `madr`, `log4brains`, `sre-postmortem`',
      'Unexpected `md5:1234` in `imported.hash`, expected `sha256:` and 64 hexadecimal digits',
    ]);
  });
});
