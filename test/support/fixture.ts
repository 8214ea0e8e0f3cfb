import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll } from 'vitest';
import { checkHandbook } from '../../src/check/index.ts';
import type { Problem } from '../../src/records/problem.ts';

export const MINIMAL = 'test/fixtures/minimal';
export const TODAY = '2026-11-24';

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * A temporary copy of the minimal fixture handbook with some files replaced or added
 * (`null` deletes a file). Returns the folder.
 */
export function tree(files: Record<string, string | Uint8Array | null> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'handbook-'));
  made.push(dir);
  cpSync(MINIMAL, dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    if (content === null) {
      rmSync(path);
      continue;
    }
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return dir;
}

/** The problems of a tree, with file paths relative to the tree. */
export function check(dir: string, today = TODAY): Problem[] {
  return checkHandbook(dir, { today }).problems.map((p) => ({ ...p, file: relative(dir, p.file) }));
}

/** The problems of one rule, as `line:column message` strings. */
export function found(dir: string, rule: string): string[] {
  return check(dir)
    .filter((p) => p.rule === rule)
    .map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`);
}

/** A record's text, with frontmatter lines edited by a function. */
export function record(frontmatter: string, body: string): string {
  return `---\n${frontmatter.trim()}\n---\n\n${body.trim()}\n`;
}

export const OUTCOME = 'outcomes/faster-checkout.md';
export const DECISION = 'decisions/0001-cache-tokens.md';
export const POSTMORTEM = 'postmortems/2026-03-02-vault-timeouts.md';

/** A fixture file with text replaced: each pair must match, so a stale test fails loudly. */
export function variant(file: string, ...replacements: [string | RegExp, string][]): string {
  let text = readFileSync(join(MINIMAL, file), 'utf8');
  for (const [from, to] of replacements) {
    const next = text.replace(from, to);
    if (next === text) throw new Error(`${String(from)} not found in ${file}`);
    text = next;
  }
  return text;
}
