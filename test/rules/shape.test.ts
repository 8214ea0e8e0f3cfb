import { describe, expect, it } from 'vitest';
import { check, DECISION, found, OUTCOME, POSTMORTEM, tree, variant } from '../support/fixture.ts';

describe('shape: fields, types and values', () => {
  it('reports an unknown field at its key, with the field it was probably meant to be', () => {
    const dir = tree({ [DECISION]: variant(DECISION, ['reviewBy: 2027-01-20', 'reviewby: 2027-01-20']) });
    expect(found(dir, 'unknown-field')).toMatchInlineSnapshot(`
      [
        "decisions/0001-cache-tokens.md:16:1 Unexpected field \`reviewby\`, expected a field of a decision (did you mean \`reviewBy\`?)",
      ]
    `);
  });

  it('reports an unknown field inside a list item', () => {
    const dir = tree({ [OUTCOME]: variant(OUTCOME, ['    actual: 280', '    actual: 280\n    acutal: 280']) });
    expect(found(dir, 'unknown-field')).toMatchInlineSnapshot(`
      [
        "outcomes/faster-checkout.md:16:5 Unexpected field \`acutal\`, expected a field of an outcome (did you mean \`actual\`?)",
      ]
    `);
  });

  it('reports a field every record needs at the start of the frontmatter', () => {
    const dir = tree({ [OUTCOME]: variant(OUTCOME, ['owner: ana\n', '']) });
    expect(found(dir, 'required-field')).toMatchInlineSnapshot(`
      [
        "outcomes/faster-checkout.md:2:1 Missing \`owner\`, required for every outcome",
      ]
    `);
  });

  it('reports an unknown status with the statuses of the kind', () => {
    const dir = tree({ [OUTCOME]: variant(OUTCOME, ['status: achieved', 'status: done']) });
    expect(found(dir, 'invalid-field')).toMatchInlineSnapshot(`
      [
        "outcomes/faster-checkout.md:4:9 Unexpected \`done\` in \`status\`, expected one of \`draft\`, \`committed\`, \`achieved\`, \`missed\`, \`dropped\`",
      ]
    `);
  });

  it('reports an impossible calendar date', () => {
    const dir = tree({ [OUTCOME]: variant(OUTCOME, ['created: 2026-01-05', 'created: 2026-02-30']) });
    expect(found(dir, 'invalid-field')).toMatchInlineSnapshot(`
      [
        "outcomes/faster-checkout.md:6:10 Unexpected \`2026-02-30\` in \`created\`, expected a calendar date written YYYY-MM-DD",
      ]
    `);
  });

  it('reports a date-time without an offset', () => {
    const dir = tree({ [POSTMORTEM]: variant(POSTMORTEM, ['started: 2026-03-02T10:00:00+01:00', 'started: 2026-03-02T10:00:00']) });
    expect(found(dir, 'invalid-field')).toMatchInlineSnapshot(`
      [
        "postmortems/2026-03-02-vault-timeouts.md:8:10 Unexpected \`2026-03-02T10:00:00\` in \`started\`, expected an ISO 8601 date-time with an offset, e.g. 2026-03-04T10:15:00+01:00",
      ]
    `);
  });

  it('reports a title that is too short', () => {
    const dir = tree({ [OUTCOME]: variant(OUTCOME, ['title: Checkout answers within 300 ms', 'title: Fast']) });
    expect(found(dir, 'invalid-field')).toMatchInlineSnapshot(`
      [
        "outcomes/faster-checkout.md:2:8 Unexpected \`title\` of 4 characters, expected at least 8",
      ]
    `);
  });

  it('reports a wrong type inside a key result', () => {
    const dir = tree({ [OUTCOME]: variant(OUTCOME, ['baseline: 820', 'baseline: slow']) });
    expect(found(dir, 'invalid-field')).toMatchInlineSnapshot(`
      [
        "outcomes/faster-checkout.md:13:15 Unexpected \`slow\` in \`baseline\` of key result 1, expected a number",
      ]
    `);
  });

  it('accepts every field of every kind as the minimal handbook writes them', () => {
    const dir = tree();
    expect([...found(dir, 'unknown-field'), ...found(dir, 'invalid-field'), ...found(dir, 'required-field')]).toEqual([]);
  });
});

describe('drafts are checked for shape only', () => {
  it('accepts a draft with prompts, no sections and references to nobody', () => {
    const draft = '---\ntitle: An idea worth writing up\nstatus: draft\nowner: ana\ncreated: 2026-01-01\nparent: nowhere\n---\n\nTODO: everything\n';
    expect(check(tree({ 'outcomes/idea.md': draft }))).toEqual([]);
  });

  it('still reports an unknown field in a draft', () => {
    const draft = '---\ntitle: An idea worth writing up\nstatus: draft\nowner: ana\ncreated: 2026-01-01\ndeadline: 2026-03-01\n---\n';
    expect(found(tree({ 'outcomes/idea.md': draft }), 'unknown-field')).toMatchInlineSnapshot(`
      [
        "outcomes/idea.md:6:1 Unexpected field \`deadline\`, expected a field of an outcome",
      ]
    `);
  });
});
