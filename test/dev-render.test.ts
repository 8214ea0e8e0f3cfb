import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { userEnv } from './support/built-site.ts';

const dir = inject('siteDir');

/** The record's body as a page shows it, with image addresses (dev serves them from another path) left out. */
function body(html: string): string {
  const match = /<article class="record-body"[^>]*>([\s\S]*?)<\/article>/.exec(html);
  if (match === null) throw new Error('no record body on the page');
  return match[1]!.replace(/\s(?:src|srcset)="[^"]*"/g, '');
}

// In dev a record's body is rendered when its page is asked for (Astro's deferRender), in a
// build while the content is synced: the same processor must give the same page either way.
describe('a record body rendered on demand by the dev server', () => {
  let dev: ChildProcess;
  let output = '';
  let url = '';

  beforeAll(async () => {
    dev = spawn('node_modules/.bin/astro', ['dev', '--port', '0'], { env: userEnv({ HANDBOOK_TODAY: '2026-11-24' }) });
    dev.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    dev.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const end = Date.now() + 120_000;
    while (url === '' && Date.now() < end) {
      url = /Local\s+(http:\/\/\S+?)\/?\s/.exec(output)?.[1] ?? '';
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    if (url === '') throw new Error(`astro dev did not start:\n${output}`);
  }, 150_000);
  afterAll(() => {
    dev.kill('SIGTERM');
  });

  it('is the body the build rendered, for every published record of the example', async () => {
    let compared = 0;
    for (const kind of ['outcomes', 'decisions', 'postmortems']) {
      for (const id of readdirSync(join(dir, kind), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name)) {
        const built = body(readFileSync(join(dir, kind, id, 'index.html'), 'utf8'));
        const served = body(await fetch(`${url}/${kind}/${id}/`).then((r) => r.text()));
        expect(served, `${kind}/${id}`).toBe(built);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(30);
  }, 240_000);
});
