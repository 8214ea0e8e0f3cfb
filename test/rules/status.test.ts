import { describe, expect, it } from 'vitest';
import { DECISION, found, OUTCOME, POSTMORTEM, tree, variant } from '../support/fixture.ts';

describe('a record is complete for its status', () => {
  it('points a field the status requires at the status value', () => {
    const dir = tree({ [OUTCOME]: variant(OUTCOME, ['due: 2026-06-30\n', '']) });
    expect(found(dir, 'required-field')).toMatchInlineSnapshot(`
      [
        "outcomes/faster-checkout.md:4:9 Missing \`due\`, required when status is \`achieved\`",
      ]
    `);
  });

  it('points a missing key-result field at the key result it belongs to', () => {
    const dir = tree({ [OUTCOME]: variant(OUTCOME, ['    actual: 280\n', '']) });
    expect(found(dir, 'required-field')).toMatchInlineSnapshot(`
      [
        "outcomes/faster-checkout.md:11:5 Missing \`actual\` of key result 1, required when status is \`achieved\`",
      ]
    `);
  });

  it('asks a postmortem action for its owner once published', () => {
    const dir = tree({ [POSTMORTEM]: variant(POSTMORTEM, ['    owner: ben\n', '']) });
    expect(found(dir, 'required-field')).toMatchInlineSnapshot(`
      [
        "postmortems/2026-03-02-vault-timeouts.md:14:5 Missing \`owner\` of action 1, required when status is \`published\`",
      ]
    `);
  });

  it('does not ask an in-review postmortem for actions', () => {
    const dir = tree({
      [POSTMORTEM]: variant(POSTMORTEM, ['status: published', 'status: in-review'], [/actions:[\s\S]*?kind: detect\n/, '']),
    });
    expect(found(dir, 'required-field')).toEqual([]);
  });

  it('asks a proposed decision for at least two options', () => {
    const dir = tree({ [DECISION]: variant(DECISION, ['  - name: Faster vault\n', '']) });
    expect(found(dir, 'required-field')).toMatchInlineSnapshot(`
      [
        "decisions/0001-cache-tokens.md:10:1 Unexpected 1 item in \`options\`, expected at least 2 when status is \`accepted\`",
      ]
    `);
  });

  it('asks an accepted decision for exactly one chosen option', () => {
    const dir = tree({ [DECISION]: variant(DECISION, ['  - name: Faster vault', '  - name: Faster vault\n    chosen: true']) });
    expect(found(dir, 'chosen-option')).toMatchInlineSnapshot(`
      [
        "decisions/0001-cache-tokens.md:10:1 Unexpected 2 chosen options, expected exactly one \`chosen: true\` when status is \`accepted\`",
      ]
    `);
  });

  it('asks a dropped outcome why', () => {
    const dir = tree({ [OUTCOME]: variant(OUTCOME, ['status: achieved', 'status: dropped']) });
    expect(found(dir, 'required-field')).toMatchInlineSnapshot(`
      [
        "outcomes/faster-checkout.md:4:9 Missing \`droppedBecause\`, required when status is \`dropped\`",
      ]
    `);
  });
});
