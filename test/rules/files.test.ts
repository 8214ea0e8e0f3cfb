import { describe, expect, it } from 'vitest';
import { check, found, OUTCOME, tree } from '../support/fixture.ts';

describe('files that do not parse are problems, not crashes', () => {
  it('the minimal handbook has no problem at all', () => {
    expect(check(tree())).toEqual([]);
  });

  it('reports an empty file', () => {
    expect(found(tree({ [OUTCOME]: '' }), 'file-empty')).toMatchInlineSnapshot(`
      [
        "outcomes/faster-checkout.md:1:1 Unexpected empty file, expected frontmatter and a body",
      ]
    `);
  });

  it('reports bytes that are not UTF-8 at their line', () => {
    const bytes = Buffer.concat([Buffer.from('---\ntitle: Caf'), Buffer.from([0xe9]), Buffer.from(' opening hours\n---\n')]);
    expect(found(tree({ [OUTCOME]: bytes }), 'file-encoding')).toMatchInlineSnapshot(`
      [
        "outcomes/faster-checkout.md:2:11 Unexpected bytes that are not UTF-8, expected a UTF-8 text file",
      ]
    `);
  });

  it('reports a record without frontmatter', () => {
    expect(found(tree({ [OUTCOME]: '# Just a heading\n' }), 'frontmatter-missing')).toMatchInlineSnapshot(`
      [
        "outcomes/faster-checkout.md:1:1 Unexpected start of file, expected a frontmatter block opened by \`---\` on the first line",
      ]
    `);
  });

  it('reports frontmatter that is never closed', () => {
    expect(found(tree({ [OUTCOME]: '---\ntitle: Never closed\nstatus: draft\n\n## Why\n' }), 'frontmatter-unterminated')).toMatchInlineSnapshot(`
      [
        "outcomes/faster-checkout.md:6:1 Unexpected end of file, expected \`---\` to close the frontmatter opened on line 1",
      ]
    `);
  });

  it('reports broken YAML at the line and column where it breaks', () => {
    const text = '---\ntitle: Broken yaml here\nstatus: draft\nowner: [ana\ncreated: 2026-01-01\n---\n';
    expect(found(tree({ [OUTCOME]: text }), 'yaml-syntax')).toMatchInlineSnapshot(`
      [
        "outcomes/faster-checkout.md:5:1 Unexpected YAML: Flow sequence in block collection must be sufficiently indented and end with a ]",
      ]
    `);
  });

  it('reports a duplicated key at the second one', () => {
    const text = '---\ntitle: Duplicated keys here\nstatus: draft\nowner: ana\nowner: ben\ncreated: 2026-01-01\n---\n';
    expect(found(tree({ [OUTCOME]: text }), 'yaml-duplicate-key')).toMatchInlineSnapshot(`
      [
        "outcomes/faster-checkout.md:5:1 Unexpected second \`owner\`, expected each key once in a map",
      ]
    `);
  });

  it('reports frontmatter that is not a map', () => {
    expect(found(tree({ [OUTCOME]: '---\n- a list\n---\n' }), 'frontmatter-shape')).toMatchInlineSnapshot(`
      [
        "outcomes/faster-checkout.md:2:1 Unexpected frontmatter, expected a map of fields such as \`title: ...\`",
      ]
    `);
  });

  it('reports invalid MDX syntax in .mdx records', () => {
    const text = '---\ntitle: An mdx record here\nstatus: draft\nowner: ana\ncreated: 2026-01-01\n---\n\n<Chart data={[1, 2}\n';
    expect(found(tree({ 'outcomes/chart.mdx': text }), 'mdx-syntax')).toMatchInlineSnapshot(`
      [
        "outcomes/chart.mdx:8:19 Unexpected MDX: Could not parse expression with acorn",
      ]
    `);
  });

  it('reads YAML 1.2: `no` is the tag `no`, not the boolean false', () => {
    const text = '---\ntitle: Yaml one point two\nstatus: draft\nowner: ana\ncreated: 2026-01-01\ntags: [no]\n---\n';
    expect(found(tree({ [OUTCOME]: text }), 'invalid-field')).toEqual([]);
  });

  it('reports a missing people.yaml', () => {
    expect(found(tree({ 'people.yaml': null }), 'file-missing')).toMatchInlineSnapshot(`
      [
        "people.yaml:1:1 Missing people.yaml in the handbook folder, expected a YAML list of entries",
      ]
    `);
  });

  it('ignores files whose names start with an underscore', () => {
    expect(check(tree({ 'outcomes/_template.md': 'not even frontmatter' }))).toEqual([]);
  });
});
