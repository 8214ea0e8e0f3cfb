import { describe, expect, it } from 'vitest';
import { DECISION, found, OUTCOME, POSTMORTEM, tree, variant } from '../support/fixture.ts';

describe('body sections', () => {
  it('points a missing section at the first line of the body', () => {
    const dir = tree({ [OUTCOME]: variant(OUTCOME, [/## Learnings\n\n.*\n/, '']) });
    expect(found(dir, 'section-missing')).toMatchInlineSnapshot(`
      [
        "outcomes/faster-checkout.md:19:1 Missing section \`## Learnings\`, required when status is \`achieved\`",
      ]
    `);
  });

  it('points an empty section at its heading', () => {
    const dir = tree({ [DECISION]: variant(DECISION, ['We cache tokens at the edge for ten minutes.\n', '']) });
    expect(found(dir, 'section-empty')).toMatchInlineSnapshot(`
      [
        "decisions/0001-cache-tokens.md:28:1 Unexpected empty section \`## Decision\`, expected text under the heading",
      ]
    `);
  });

  it('does not count a subheading alone as text', () => {
    const dir = tree({ [DECISION]: variant(DECISION, ['We cache tokens at the edge for ten minutes.', '### Details']) });
    expect(found(dir, 'section-empty')).toMatchInlineSnapshot(`
      [
        "decisions/0001-cache-tokens.md:28:1 Unexpected empty section \`## Decision\`, expected text under the heading",
      ]
    `);
  });

  it('reports a required section written at the wrong level', () => {
    const dir = tree({ [POSTMORTEM]: variant(POSTMORTEM, ['## Timeline', '### Timeline']) });
    expect(found(dir, 'section-level')).toMatchInlineSnapshot(`
      [
        "postmortems/2026-03-02-vault-timeouts.md:30:1 Unexpected level-3 heading \`Timeline\`, expected a level-2 heading \`## Timeline\`",
      ]
    `);
  });

  it('ignores a heading inside a code block', () => {
    const dir = tree({ [OUTCOME]: variant(OUTCOME, [/## Learnings\n/, '```\n## Learnings\n```\n']) });
    expect(found(dir, 'section-missing')).toHaveLength(1);
  });

  it('accepts sections in any order and in any letter case', () => {
    const dir = tree({ [OUTCOME]: variant(OUTCOME, ['## Why', '## why'], ['## Results', '## RESULTS']) });
    expect([...found(dir, 'section-missing'), ...found(dir, 'section-empty')]).toEqual([]);
  });
});

describe('placeholders left from a template', () => {
  it('reports TODO in the body past draft, at the word', () => {
    const dir = tree({ [OUTCOME]: variant(OUTCOME, ['p99 reached 280 ms in June.', 'p99 reached TODO ms in June.']) });
    expect(found(dir, 'placeholder')).toMatchInlineSnapshot(`
      [
        "outcomes/faster-checkout.md:26:13 Unexpected placeholder \`TODO\`, expected the real text once the record leaves draft",
      ]
    `);
  });

  it('reports a {{prompt}} in frontmatter and a <prompt> in the body', () => {
    const dir = tree({
      [DECISION]: variant(
        DECISION,
        ['expectedOutcome: Checkout p99 drops by at least 300 ms.', 'expectedOutcome: "{{what we expect to see}}"'],
        ['Every checkout calls the vault twice.', '<describe the problem and why now>'],
      ),
    });
    expect(found(dir, 'placeholder')).toMatchInlineSnapshot(`
      [
        "decisions/0001-cache-tokens.md:15:19 Unexpected placeholder \`{{what we expect to see}}\`, expected the real text once the record leaves draft",
        "decisions/0001-cache-tokens.md:22:1 Unexpected placeholder \`<describe the problem and why now>\`, expected the real text once the record leaves draft",
      ]
    `);
  });

  it('reports lorem ipsum and TBD', () => {
    const dir = tree({ [POSTMORTEM]: variant(POSTMORTEM, ['Detection took four minutes.', 'Lorem ipsum dolor, owner TBD.']) });
    expect(found(dir, 'placeholder')).toMatchInlineSnapshot(`
      [
        "postmortems/2026-03-02-vault-timeouts.md:41:1 Unexpected placeholder \`Lorem ipsum\`, expected the real text once the record leaves draft",
        "postmortems/2026-03-02-vault-timeouts.md:41:26 Unexpected placeholder \`TBD\`, expected the real text once the record leaves draft",
      ]
    `);
  });

  it('leaves code, lowercase words and real HTML alone', () => {
    const dir = tree({
      [POSTMORTEM]: variant(POSTMORTEM, ['Detection took four minutes.', 'Our todo list is `TODO` free; <abbr title="time to detect">TTD</abbr> was 4 minutes.']),
    });
    expect(found(dir, 'placeholder')).toEqual([]);
  });
});
