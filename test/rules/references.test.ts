import { describe, expect, it } from 'vitest';
import { DECISION, found, OUTCOME, POSTMORTEM, tree, variant } from '../support/fixture.ts';

const SUPERSEDED = `---
title: Cache card tokens in the vault client
summary: Keep tokens in a per-process cache inside the vault client.
status: superseded
owner: ben
created: 2025-11-01
deciders: [ben]
door: two-way
options:
  - name: Client cache
    chosen: true
  - name: No cache
decided: 2025-11-10
expectedOutcome: Fewer vault calls.
reviewBy: 2026-11-10
supersededBy: 0001-cache-tokens
---

## Context

Vault calls were slow.

## Options

A client cache or nothing.

## Decision

A client cache.

## Consequences

Each process has its own cache.
`;

describe('references resolve', () => {
  it('reports an owner who is not in people.yaml, at the value', () => {
    const dir = tree({ [DECISION]: variant(DECISION, ['owner: ben', 'owner: bea']) });
    expect(found(dir, 'unknown-reference')).toMatchInlineSnapshot(`
      [
        "decisions/0001-cache-tokens.md:5:8 Unexpected \`bea\` in \`owner\`, expected a person id from people.yaml",
      ]
    `);
  });

  it('reports unknown people in lists, teams, outcomes, decisions and related records', () => {
    const dir = tree({
      [DECISION]: variant(DECISION, ['consulted: [ana]', 'consulted: [ana, zoe]'], ['outcomes: [faster-checkout]', 'outcomes: [slower-checkout]\nteam: growth\nrelated: [postmortems/2026-01-01-nothing]']),
      [POSTMORTEM]: variant(POSTMORTEM, ['decisions: [0001-cache-tokens]', 'decisions: [0002-missing]']),
    });
    expect(found(dir, 'unknown-reference')).toMatchInlineSnapshot(`
      [
        "decisions/0001-cache-tokens.md:8:18 Unexpected \`zoe\` in \`consulted\`, expected a person id from people.yaml",
        "decisions/0001-cache-tokens.md:17:12 Unexpected \`slower-checkout\` in \`outcomes\`, expected the id of an existing record in outcomes/",
        "decisions/0001-cache-tokens.md:18:7 Unexpected team \`growth\`, expected a team id from teams.yaml",
        "decisions/0001-cache-tokens.md:19:11 Unexpected \`postmortems/2026-01-01-nothing\` in \`related\`, expected the id of an existing record in postmortems/",
        "postmortems/2026-03-02-vault-timeouts.md:19:13 Unexpected \`0002-missing\` in \`decisions\`, expected the id of an existing record in decisions/",
      ]
    `);
  });

  it('reports a body link to a record that does not exist, at the link', () => {
    const dir = tree({ [OUTCOME]: variant(OUTCOME, ['[[decisions/0001-cache-tokens]]', '[[decisions/0009-nothing]]']) });
    expect(found(dir, 'broken-link')).toMatchInlineSnapshot(`
      [
        "outcomes/faster-checkout.md:22:32 Unexpected link to \`decisions/0009-nothing\`, expected the id of an existing record",
      ]
    `);
  });

  it('reports a body link to an unknown collection', () => {
    const dir = tree({ [OUTCOME]: variant(OUTCOME, ['[[decisions/0001-cache-tokens]]', '[[adrs/0001-cache-tokens]]']) });
    expect(found(dir, 'broken-link')).toMatchInlineSnapshot(`
      [
        "outcomes/faster-checkout.md:22:32 Unexpected link to \`adrs/0001-cache-tokens\`, expected \`[[<collection>/<id>]]\` with collection outcomes, decisions or postmortems",
      ]
    `);
  });

  it('accepts links and references that resolve', () => {
    const dir = tree();
    expect([...found(dir, 'broken-link'), ...found(dir, 'unknown-reference')]).toEqual([]);
  });

  it('reports a person whose team is not in teams.yaml', () => {
    const dir = tree({ 'people.yaml': '- id: ana\n  name: Ana Lima\n  team: core\n- id: ben\n  name: Ben Okafor\n  team: growth\n' });
    expect(found(dir, 'unknown-reference')).toMatchInlineSnapshot(`
      [
        "people.yaml:6:9 Unexpected team \`growth\`, expected a team id from teams.yaml",
      ]
    `);
  });
});

describe('supersession agrees in both directions', () => {
  it('accepts a superseded decision named back by its replacement', () => {
    const dir = tree({
      'decisions/0000-client-cache.md': SUPERSEDED,
      [DECISION]: variant(DECISION, ['outcomes: [faster-checkout]', 'outcomes: [faster-checkout]\nsupersedes: [0000-client-cache]']),
    });
    expect(found(dir, 'supersession')).toEqual([]);
  });

  it('reports supersededBy that the newer decision does not confirm', () => {
    const dir = tree({ 'decisions/0000-client-cache.md': SUPERSEDED });
    expect(found(dir, 'supersession')).toMatchInlineSnapshot(`
      [
        "decisions/0000-client-cache.md:16:15 Unexpected \`supersededBy: 0001-cache-tokens\` while 0001-cache-tokens does not list \`0000-client-cache\` in \`supersedes\`, expected both directions to agree",
      ]
    `);
  });

  it('reports supersedes naming a decision that is not marked superseded', () => {
    const dir = tree({
      'decisions/0000-client-cache.md': SUPERSEDED.replace('status: superseded', 'status: accepted').replace('supersededBy: 0001-cache-tokens\n', ''),
      [DECISION]: variant(DECISION, ['outcomes: [faster-checkout]', 'outcomes: [faster-checkout]\nsupersedes: [0000-client-cache]']),
    });
    expect(found(dir, 'supersession')).toMatchInlineSnapshot(`
      [
        "decisions/0001-cache-tokens.md:18:14 Unexpected \`0000-client-cache\` in \`supersedes\` while it is not marked \`status: superseded\` with \`supersededBy: 0001-cache-tokens\`, expected both directions to agree",
      ]
    `);
  });
});
