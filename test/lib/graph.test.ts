import { describe, expect, it } from 'vitest';
import { backlinks, outgoing, type Linkable } from '../../src/lib/graph.ts';
import { markdownRefs } from '../../src/records/refs.ts';

const record = (ref: string, data: Record<string, unknown> = {}, body = ''): Linkable => ({ ref, data, refs: markdownRefs(body) });

describe('backlinks', () => {
  it('come from frontmatter references and [[...]] body links, once per linking record', () => {
    const links = backlinks([
      record('outcomes/fast-checkout'),
      record('decisions/0001-cache', { outcomes: ['fast-checkout'] }, 'Serves [[outcomes/fast-checkout]] directly.'),
      record('postmortems/2026-03-02-vault', { decisions: ['0001-cache'] }, 'See [[decisions/0001-cache]] and [[outcomes/fast-checkout]].'),
    ]);
    expect(links.get('outcomes/fast-checkout')).toEqual(['decisions/0001-cache', 'postmortems/2026-03-02-vault']);
    expect(links.get('decisions/0001-cache')).toEqual(['postmortems/2026-03-02-vault']);
    expect(links.has('postmortems/2026-03-02-vault')).toBe(false);
  });

  it('never come from code: a [[...]] in a code span or fenced block is not a link', () => {
    const links = backlinks([
      record('outcomes/fast-checkout'),
      record('decisions/0001-cache', {}, 'Write `[[outcomes/fast-checkout]]` to link.\n\n```md\n[[outcomes/fast-checkout]]\n```\n'),
    ]);
    expect([...links]).toEqual([]);
  });

  it('drop links to records that are not published, and a record linking itself', () => {
    const links = backlinks([record('decisions/0002-b', { supersedes: ['0001-a'] }, 'Unlike [[decisions/0003-draft]], this is [[decisions/0002-b]].')]);
    expect([...links]).toEqual([]);
  });

  it('run both ways across supersession, and follow parents and related records', () => {
    const links = backlinks([
      record('decisions/0001-a', { supersededBy: '0002-b', related: ['postmortems/2026-01-01-x', 'not a ref'] }),
      record('decisions/0002-b', { supersedes: ['0001-a'] }),
      record('outcomes/child', { parent: 'parent' }),
      record('outcomes/parent'),
      record('postmortems/2026-01-01-x'),
    ]);
    expect(links.get('decisions/0001-a')).toEqual(['decisions/0002-b']);
    expect(links.get('decisions/0002-b')).toEqual(['decisions/0001-a']);
    expect(links.get('outcomes/parent')).toEqual(['outcomes/child']);
    expect(links.get('postmortems/2026-01-01-x')).toEqual(['decisions/0001-a']);
  });

  it('name what kind of link each outgoing reference is', () => {
    const kinds = outgoing(record('decisions/0009-x', { outcomes: ['o'], supersedes: ['0002-y'] }, '[[postmortems/2026-01-01-z]]')).map((l) => `${l.kind} ${l.to}`);
    expect(kinds).toEqual(['outcome outcomes/o', 'supersedes decisions/0002-y', 'body postmortems/2026-01-01-z']);
  });
});
