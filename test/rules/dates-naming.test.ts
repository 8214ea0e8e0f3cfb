import { describe, expect, it } from 'vitest';
import { DECISION, found, OUTCOME, POSTMORTEM, tree, variant } from '../support/fixture.ts';

describe('dates follow the lifecycle', () => {
  it('reports a decision decided before it was created, at decided', () => {
    const dir = tree({ [DECISION]: variant(DECISION, ['decided: 2026-01-20', 'decided: 2026-01-02']) });
    expect(found(dir, 'date-order')).toMatchInlineSnapshot(`
      [
        "decisions/0001-cache-tokens.md:14:10 Unexpected \`decided\` 2026-01-02 before \`created\` 2026-01-10, expected it on or after \`created\`",
      ]
    `);
  });

  it('reports a review date that is not after the decision', () => {
    const dir = tree({ [DECISION]: variant(DECISION, ['reviewBy: 2027-01-20', 'reviewBy: 2026-01-20']) });
    expect(found(dir, 'date-order')).toMatchInlineSnapshot(`
      [
        "decisions/0001-cache-tokens.md:16:11 Unexpected \`reviewBy\` 2026-01-20 on or before \`decided\` 2026-01-20, expected it after \`decided\`",
      ]
    `);
  });

  it('reports an incident resolved before it was detected, across offsets', () => {
    const dir = tree({ [POSTMORTEM]: variant(POSTMORTEM, ['resolved: 2026-03-02T10:14:00+01:00', 'resolved: 2026-03-02T10:00:00+01:00']) });
    expect(found(dir, 'date-order')).toMatchInlineSnapshot(`
      [
        "postmortems/2026-03-02-vault-timeouts.md:10:11 Unexpected \`resolved\` 2026-03-02T10:00:00+01:00 before \`detected\` 2026-03-02T10:04:00+01:00, expected it on or after \`detected\`",
      ]
    `);
  });

  it('compares date-times by instant, not by text', () => {
    const dir = tree({ [POSTMORTEM]: variant(POSTMORTEM, ['detected: 2026-03-02T10:04:00+01:00', 'detected: 2026-03-02T09:04:00Z']) });
    expect(found(dir, 'date-order')).toEqual([]);
  });

  it('reports an outcome closed before it was created', () => {
    const dir = tree({ [OUTCOME]: variant(OUTCOME, ['closed: 2026-07-02', 'closed: 2025-12-31']) });
    expect(found(dir, 'date-order')).toMatchInlineSnapshot(`
      [
        "outcomes/faster-checkout.md:16:9 Unexpected \`closed\` 2025-12-31 before \`created\` 2026-01-05, expected it on or after \`created\`",
      ]
    `);
  });
});

describe('file names and ids', () => {
  it('reports a decision file without its number', () => {
    const text = variant(DECISION);
    const dir = tree({ [DECISION]: null, 'decisions/cache-tokens.md': text, [POSTMORTEM]: variant(POSTMORTEM, ['decisions: [0001-cache-tokens]\n', '']), [OUTCOME]: variant(OUTCOME, ['see [[decisions/0001-cache-tokens]]', 'see the cache decision']) });
    expect(found(dir, 'file-name')).toMatchInlineSnapshot(`
      [
        "decisions/cache-tokens.md:1:1 Unexpected file name \`cache-tokens\`, expected \`NNNN-slug\`, e.g. \`0042-adopt-postgres\`",
      ]
    `);
  });

  it('reports a decision number used twice', () => {
    const dir = tree({ 'decisions/0001-cache-more.md': variant(DECISION, ['title: Cache card tokens at the edge', 'title: Cache even more card data']) });
    expect(found(dir, 'duplicate-number')).toMatchInlineSnapshot(`
      [
        "decisions/0001-cache-tokens.md:1:1 Unexpected decision number 0001, already used by decisions/0001-cache-more",
      ]
    `);
  });

  it('counts a decision number by its value: 00001 is 0001 again', () => {
    const dir = tree({ 'decisions/00001-cache-more.md': variant(DECISION, ['title: Cache card tokens at the edge', 'title: Cache even more card data']) });
    expect(found(dir, 'file-name')).toEqual([]);
    expect(found(dir, 'duplicate-number')).toHaveLength(1);
  });

  it('reports the same id in .md and .mdx', () => {
    const dir = tree({ 'outcomes/faster-checkout.mdx': variant(OUTCOME) });
    expect(found(dir, 'duplicate-id')).toMatchInlineSnapshot(`
      [
        "outcomes/faster-checkout.mdx:1:1 Unexpected duplicate id \`faster-checkout\`, already used by faster-checkout.md",
      ]
    `);
  });

  it('reports a person listed twice in people.yaml', () => {
    const dir = tree({ 'people.yaml': '- id: ana\n  name: Ana Lima\n  team: core\n- id: ben\n  name: Ben Okafor\n  team: core\n- id: ana\n  name: Ana Silva\n  team: core\n' });
    expect(found(dir, 'duplicate-id')).toMatchInlineSnapshot(`
      [
        "people.yaml:7:7 Unexpected duplicate id \`ana\`, expected each id once",
      ]
    `);
  });

  it('reports a malformed entry in people.yaml at its field', () => {
    const dir = tree({ 'people.yaml': '- id: ana\n  name: Ana Lima\n  team: core\n- id: Ben Okafor\n  name: Ben Okafor\n  team: core\n' });
    expect(found(dir, 'invalid-field')).toMatchInlineSnapshot(`
      [
        "people.yaml:4:7 Unexpected \`Ben Okafor\` in \`id\`, expected a kebab-case id such as \`dana\` or \`payments\`",
      ]
    `);
  });
});
