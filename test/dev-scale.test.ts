import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { devSession } from '../bench/dev-loop.ts';
import { generateHandbook } from '../bench/generate.ts';
import { writeHandbookProject } from '../bench/projects.ts';
import { userEnv } from './support/built-site.ts';

// The writer's loop on a handbook of a few thousand records. Times are compared with each
// other in the same session, never with a clock: the target is a save visible within 1 s
// with the first page within 10 s, and a save may take at most 0.15 of the time to the first
// page here. That holds only if a save costs work in proportion to what changed (the check
// in a worker that re-reads only changed files, pages that read the content layer's store
// directly, per-record caches) rather than to the size of the handbook.
describe('`astro dev` on 2,000 records', () => {
  mkdirSync('bench/.work', { recursive: true });
  const work = resolve(mkdtempSync('bench/.work/test-dev-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('shows an edited title on its page and its register in a small part of the time to the first page', async () => {
    const content = join(work, 'content');
    generateHandbook(content, 2000, 7);
    const project = join(work, 'handbook');
    writeHandbookProject(project);
    const decisions = join(content, 'decisions');
    const name = readdirSync(decisions).sort().find((file) => /^status: accepted$/m.test(readFileSync(join(decisions, file), 'utf8')))!;
    const session = await devSession({
      project,
      astro: resolve('node_modules/.bin/astro'),
      env: userEnv({ HANDBOOK_CONTENT: content, HANDBOOK_TODAY: '2026-11-24', ASTRO_TELEMETRY_DISABLED: '1' }),
      edit: { file: join(decisions, name), page: `/decisions/${name.replace(/\.md$/, '')}/`, register: '/decisions/' },
      startMs: 240_000,
      editMs: 60_000,
    });
    expect(session.timedOut).toEqual([]);
    const first = session.firstPageSeconds;
    for (const [where, seconds] of Object.entries({ page: session.edit!.pageSeconds, register: session.edit!.registerSeconds })) {
      expect(seconds / first, `${seconds} s after the save on its ${where}, against ${first} s to the first page`).toBeLessThan(0.15);
    }
  }, 420_000);
});
