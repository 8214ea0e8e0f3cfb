import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kinds } from '../src/schemas/index.ts';
import { directoryTables, fieldTable } from '../src/schemas/reference.ts';

const README = 'README.md';

/** What belongs between each `<!-- fields:NAME -->` marker and `<!-- /fields -->`. */
const generated: Record<string, string> = {
  ...Object.fromEntries(kinds.map((kind) => [kind.collection, fieldTable(kind)])),
  directory: directoryTables(),
};

function render(readme: string): string {
  return readme.replace(/(<!-- fields:(\w+) -->\n)[\s\S]*?(<!-- \/fields -->)/g, (_, open: string, name: string, close: string) => `${open}${generated[name] ?? ''}\n${close}`);
}

describe('the README field reference', () => {
  it('matches the schemas', () => {
    const readme = readFileSync(README, 'utf8');
    if (process.env['UPDATE'] === '1') writeFileSync(README, render(readme));
    const current = readFileSync(README, 'utf8');
    expect(current).toBe(render(current));
    for (const name of Object.keys(generated)) expect(current).toContain(`<!-- fields:${name} -->`);
  });
});
