import { readFileSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkHandbook } from '../../src/check/index.ts';
import { policyLine, readPolicy } from '../../src/rules/policy.ts';
import { FIXED_RULES, RULE_IDS, settingsTable } from '../../src/schemas/settings.ts';
import { handbook } from '../support/cli.ts';
import { check, DECISION, found, tree, variant } from '../support/fixture.ts';

/** The fixture decision as a one-way door that meets the default policy. */
const ONE_WAY = variant(DECISION, ['door: two-way', 'door: one-way'], ['  - name: Faster vault\n', '  - name: Faster vault\n    reason: A quarter of work for a smaller gain.\n']);

const oneWay = (...replacements: [string | RegExp, string][]): string => {
  let text = ONE_WAY;
  for (const [from, to] of replacements) {
    const next = text.replace(from, to);
    if (next === text) throw new Error(`${String(from)} not found`);
    text = next;
  }
  return text;
};

const severities = (dir: string, rule: string): string[] =>
  check(dir)
    .filter((p) => p.rule === rule)
    .map((p) => p.severity);

describe('policy: an accepted one-way door meets stricter rules, as errors by default', () => {
  it('accepts a one-way door with two deciders, someone consulted, reasons and a review within a year', () => {
    expect(check(tree({ [DECISION]: ONE_WAY }))).toEqual([]);
  });

  it('refuses a one-way door decided by one person', () => {
    const dir = tree({ [DECISION]: oneWay(['deciders: [ben, ana]', 'deciders: [ben]']) });
    expect(found(dir, 'one-way-door')).toMatchInlineSnapshot(`
      [
        "decisions/0001-cache-tokens.md:9:7 Unexpected one-way door with 1 decider, expected at least 2 deciders and someone in \`consulted\`",
      ]
    `);
    expect(severities(dir, 'one-way-door')).toEqual(['error']);
  });

  it('refuses a one-way door on which nobody was consulted', () => {
    const dir = tree({ [DECISION]: oneWay(['consulted: [ana]\n', '']) });
    expect(found(dir, 'one-way-door')).toMatchInlineSnapshot(`
      [
        "decisions/0001-cache-tokens.md:8:7 Unexpected one-way door with nobody consulted, expected at least 2 deciders and someone in \`consulted\`",
      ]
    `);
  });

  it('asks every rejected option of a one-way door for its reason, at the option', () => {
    const dir = tree({ [DECISION]: oneWay(['    reason: A quarter of work for a smaller gain.\n', '']) });
    expect(found(dir, 'one-way-door-options')).toMatchInlineSnapshot(`
      [
        "decisions/0001-cache-tokens.md:13:5 Missing \`reason\` of option 2, required on every rejected option of a one-way door",
      ]
    `);
  });

  it('asks for a review within twelve months of the decision', () => {
    const dir = tree({ [DECISION]: oneWay(['reviewBy: 2027-01-20', 'reviewBy: 2027-01-21']) });
    expect(found(dir, 'one-way-door-review')).toMatchInlineSnapshot(`
      [
        "decisions/0001-cache-tokens.md:17:11 Unexpected \`reviewBy\` 2027-01-21 more than 12 months after \`decided\` 2026-01-20, expected 2027-01-20 or earlier for a one-way door",
      ]
    `);
  });

  it('counts the twelve months from the latest review once there is one', () => {
    const reviewed = oneWay(
      ['reviewBy: 2027-01-20', 'reviewBy: 2027-06-01'],
      [/---\n\n## Context/, 'reviews:\n  - date: 2026-06-01\n    by: [ben]\n    verdict: held\n    actual: Checkout p99 fell by 340 ms.\n    nextReviewBy: 2027-06-01\n---\n\n## Context'],
    );
    expect(found(tree({ [DECISION]: reviewed }), 'one-way-door-review')).toEqual([]);
    expect(found(tree({ [DECISION]: reviewed.replaceAll('2027-06-01', '2027-06-02') }), 'one-way-door-review')).toMatchInlineSnapshot(`
      [
        "decisions/0001-cache-tokens.md:17:11 Unexpected \`reviewBy\` 2027-06-02 more than 12 months after the review of 2026-06-01, expected 2027-06-01 or earlier for a one-way door",
      ]
    `);
  });

  it('holds only accepted one-way doors to it: not two-way doors, not superseded history', () => {
    const lax = (text: string): string => text.replace('deciders: [ben, ana]', 'deciders: [ben]').replace('reviewBy: 2027-01-20', 'reviewBy: 2028-01-20');
    expect(found(tree({ [DECISION]: lax(variant(DECISION)) }), 'one-way-door')).toEqual([]);
    const proposed = lax(
      oneWay(['status: accepted', 'status: proposed'], [/ {4}chosen: true\n/, ''], [/decided: .*\n/, ''], [/expectedOutcome: .*\n/, ''], [/reviewBy: .*\n/, ''], [/## Decision[\s\S]*/, '']),
    );
    expect(check(tree({ [DECISION]: proposed })).filter((p) => p.rule.startsWith('one-way-door'))).toEqual([]);
  });

  it('softens the policy to warnings for an imported record nobody has reviewed yet', () => {
    const imported = oneWay(
      ['deciders: [ben, ana]', 'deciders: [ben]'],
      ['outcomes: [faster-checkout]', `outcomes: [faster-checkout]\nimported:\n  format: madr\n  source: docs/adr/0001-cache-tokens.md\n  hash: sha256:${'a'.repeat(64)}\n  reviewed: false`],
    );
    const dir = tree({ [DECISION]: imported });
    expect(found(dir, 'one-way-door')).toMatchInlineSnapshot(`
      [
        "decisions/0001-cache-tokens.md:9:7 Unexpected one-way door with 1 decider, expected at least 2 deciders and someone in \`consulted\` (a warning until the imported record is reviewed)",
      ]
    `);
    expect(severities(dir, 'one-way-door')).toEqual(['warning']);
  });
});

describe('handbook.yaml: a team sets thresholds and severities in one place', () => {
  it('reports "Policy: defaults" without a handbook.yaml', () => {
    expect(policyLine(readPolicy(tree()))).toBe('Policy: defaults');
  });

  it('applies thresholds: one decider is enough when the team says so', () => {
    const dir = tree({ [DECISION]: oneWay(['deciders: [ben, ana]', 'deciders: [ben]']), 'handbook.yaml': 'policy:\n  oneWayDoor:\n    deciders: 1\n' });
    expect(check(dir)).toEqual([]);
    expect(policyLine(readPolicy(dir))).toMatch(/^Policy: .*handbook\.yaml \(1 threshold changed\)$/);
  });

  it('turns a rule into a warning, or off, everywhere it applies', () => {
    const broken = oneWay(['deciders: [ben, ana]', 'deciders: [ben]'], ['    reason: A quarter of work for a smaller gain.\n', '']);
    const warned = tree({ [DECISION]: broken, 'handbook.yaml': 'rules:\n  one-way-door: warning\n  one-way-door-options: off\n' });
    expect(check(warned).map((p) => `${p.rule} ${p.severity}`)).toEqual(['one-way-door warning']);
    expect(policyLine(readPolicy(warned))).toMatch(/\(2 rules changed\)$/);
    const raised = tree({ 'handbook.yaml': 'rules:\n  review-overdue: error\n', [DECISION]: variant(DECISION, ['reviewBy: 2027-01-20', 'reviewBy: 2026-06-01']) });
    expect(severities(raised, 'review-overdue')).toEqual(['error']);
  });

  it('says which policy applied, just above the summary of `handbook check`', () => {
    const dir = tree({ 'handbook.yaml': 'policy:\n  checkinEvery: 14\nrules:\n  blame-language: off\n' });
    const lines = handbook(['check', dir, '--today', '2026-11-24']).stdout.trim().split('\n');
    expect(lines.slice(-2)).toEqual([`Policy: ${relative(process.cwd(), join(dir, 'handbook.yaml'))} (1 rule changed, 1 threshold changed)`, '0 errors, 0 warnings in 4 records']);
    expect(handbook(['check', tree(), '--today', '2026-11-24']).stdout.trim().split('\n').slice(-2)).toEqual(['Policy: defaults', '0 errors, 0 warnings in 4 records']);
  });

  it('reports unknown settings, bad values, unknown rules and fixed rules at their place in handbook.yaml', () => {
    const dir = tree({
      'handbook.yaml': [
        '# Our policy.',
        'policy:',
        '  chekinEvery: 14',
        '  dueSoon: -3',
        '  oneWayDoor:',
        '    reviewWithin: 6.5',
        'rules:',
        '  one-way-doors: warning',
        '  blame-language: fatal',
        '  yaml-syntax: off',
        '',
      ].join('\n'),
    });
    expect(check(dir).map((p) => `${p.file}:${p.line}:${p.column} ${p.severity} ${p.rule} ${p.message}`)).toMatchInlineSnapshot(`
      [
        "handbook.yaml:3:3 error unknown-field Unexpected field \`chekinEvery\`, expected a field of handbook.yaml (did you mean \`checkinEvery\`?)",
        "handbook.yaml:4:12 error invalid-field Unexpected number \`-3\` in \`policy.dueSoon\`, expected a whole number of days, at least 0",
        "handbook.yaml:6:19 error invalid-field Unexpected number \`6.5\` in \`policy.oneWayDoor.reviewWithin\`, expected a whole number of months, at least 1",
        "handbook.yaml:8:3 error unknown-rule Unexpected rule \`one-way-doors\`, expected a rule id that \`handbook check\` reports (did you mean \`one-way-door\`?)",
        "handbook.yaml:9:19 error invalid-field Unexpected \`fatal\` in \`rules.blame-language\`, expected one of \`error\`, \`warning\`, \`off\`",
        "handbook.yaml:10:3 error fixed-rule Unexpected setting for \`yaml-syntax\`, expected it left as it is: it guards what the site can read and publish safely",
      ]
    `);
  });

  it('keeps every valid setting when another one is wrong', () => {
    const dir = tree({ [DECISION]: oneWay(['deciders: [ben, ana]', 'deciders: [ben]']), 'handbook.yaml': 'policy:\n  checkinEvery: zero\nrules:\n  one-way-door: off\n' });
    expect(check(dir).map((p) => p.rule)).toEqual(['invalid-field']);
  });

  it('reports a handbook.yaml that does not parse, and applies the defaults', () => {
    const dir = tree({ 'handbook.yaml': 'rules:\n  one-way-door: [warning\n' });
    const problems = check(dir);
    expect(problems.map((p) => `${p.file}:${p.line} ${p.rule}`)).toEqual(['handbook.yaml:3 yaml-syntax']);
    expect(policyLine(readPolicy(dir))).toMatch(/handbook\.yaml \(defaults\)$/);
  });

  it('documents every setting with its default in the README, from the schema', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(/<!-- settings -->\n([\s\S]*?)\n<!-- \/settings -->/.exec(readme)?.[1]).toBe(settingsTable());
  });

  it('reads handbook.yaml only as a plain UTF-8 file', () => {
    const folder = tree({ 'handbook.yaml/keep': '' });
    expect(check(folder).map((p) => `${p.file}:${p.line}:${p.column} ${p.rule} ${p.message}`)).toEqual([
      'handbook.yaml:1:1 file-special Unexpected folder or special file named handbook.yaml, expected a plain YAML file',
    ]);
    const linked = tree({ 'elsewhere.yaml': 'rules:\n  blame-language: off\n' });
    symlinkSync(join(linked, 'elsewhere.yaml'), join(linked, 'handbook.yaml'));
    expect(check(linked).map((p) => `${p.rule} ${p.message}`)).toEqual(['file-special Unexpected symlink named handbook.yaml, expected a plain YAML file']);
    expect(check(tree({ 'handbook.yaml': new Uint8Array([0x72, 0x75, 0xff, 0x0a]) })).map((p) => `${p.rule} ${p.message}`)).toEqual([
      'file-encoding Unexpected bytes that are not UTF-8, expected a UTF-8 text file',
    ]);
  });

  it('knows every rule id check reports, and the README lists each of them', () => {
    const readme = readFileSync('README.md', 'utf8');
    const table = readme.slice(readme.indexOf('### Rules'), readme.indexOf('## Field reference'));
    const listed = new Set([...table.matchAll(/^\| ((?:`[a-z-]+`(?:, )?)+) \|/gm)].flatMap((m) => [...m[1]!.matchAll(/`([a-z-]+)`/g)].map((r) => r[1]!)));
    expect([...listed].sort()).toEqual([...RULE_IDS].sort());
    const reported = new Set(checkHandbook('content', { today: '2026-11-24' }).problems.map((p) => p.rule));
    for (const rule of reported) expect(RULE_IDS, rule).toContain(rule);
    for (const rule of FIXED_RULES) expect(RULE_IDS, rule).toContain(rule);
  });
});
