import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { userEnv } from './support/built-site.ts';
import { DECISION, tree, variant } from './support/fixture.ts';

describe('the build refuses content with errors', () => {
  it('prints the positioned problems and writes no output', () => {
    const dir = tree({ [DECISION]: variant(DECISION, ['owner: ben', 'owner: nobody']) });
    const outDir = join(dir, 'dist');
    const result = spawnSync('node_modules/.bin/astro', ['build', '--outDir', outDir], {
      encoding: 'utf8',
      env: userEnv({ HANDBOOK_CONTENT: dir, HANDBOOK_TODAY: '2026-11-24' }),
    });
    expect(result.status).toBe(1);
    const output = result.stdout + result.stderr;
    expect(output).toMatch(/decisions\/0001-cache-tokens\.md\n\s+5:8\s+error\s+Unexpected `nobody` in `owner`, expected a person id from people\.yaml\s+unknown-reference/);
    expect(output).toContain('1 error, 0 warnings in 4 records');
    expect(output).not.toMatch(/\n\s+at /);
    expect(existsSync(outDir)).toBe(false);
  });
});
