import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userEnv } from './support/built-site.ts';
import { DECISION, tree } from './support/fixture.ts';

/** Polls `probe` until it returns a value, or fails after `ms`. */
async function eventually<T>(probe: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('the writer’s loop in `astro dev`', () => {
  let dev: ChildProcess;
  let output = '';
  let url = '';
  let content = '';

  beforeAll(async () => {
    content = tree();
    dev = spawn('node_modules/.bin/astro', ['dev', '--port', '0'], { env: userEnv({ HANDBOOK_CONTENT: content, HANDBOOK_TODAY: '2026-11-24' }), detached: false });
    dev.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    dev.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    url = await eventually(async () => /Local\s+(http:\/\/\S+?)\/?\s/.exec(output)?.[1]);
  }, 90_000);
  afterAll(() => {
    dev.kill('SIGTERM');
  });

  const page = (path: string): Promise<string> => fetch(`${url}/${path}`).then((r) => r.text());
  const edit = (file: string, from: string, to: string): void => {
    const path = join(content, file);
    writeFileSync(path, readFileSync(path, 'utf8').replace(from, to));
  };

  it('shows drafts, marked as drafts', async () => {
    expect(await page('outcomes/draft-idea/')).toContain('Draft: shown while you write');
  });

  it('reports a broken record in the terminal and on its page, keeps running, and updates after the fix', async () => {
    edit(DECISION, 'status: accepted', 'status: maybe');
    edit(DECISION, 'owner: ben', 'owner: nobody');
    const broken = await eventually(async () => {
      const html = await page('decisions/0001-cache-tokens/');
      return html.includes('Unexpected `maybe` in `status`') ? html : undefined;
    });
    expect(broken).toContain('Unexpected `nobody` in `owner`, expected a person id from people.yaml');
    await eventually(async () => (/0001-cache-tokens\.md\n\s+4:9\s+error\s+Unexpected `maybe` in `status`/.test(output) ? true : undefined));
    expect(output).toMatch(/5:8\s+error\s+Unexpected `nobody` in `owner`/);
    expect(output).not.toMatch(/\n\s+at /);
    expect(dev.exitCode).toBeNull();

    edit(DECISION, 'status: maybe', 'status: accepted');
    edit(DECISION, 'owner: nobody', 'owner: ben');
    edit(DECISION, 'title: Cache card tokens at the edge', 'title: Cache card tokens at the edge of the network');
    const fixed = await eventually(async () => {
      const html = await page('decisions/0001-cache-tokens/');
      return html.includes('Cache card tokens at the edge of the network') && !html.includes('Unexpected') ? html : undefined;
    });
    expect(fixed).not.toContain('errors in the handbook');
  }, 120_000);

  it('lists a new link under "Referenced by" on the page it links to, and drops it when the link goes', async () => {
    const referencedBy = async (): Promise<string> => {
      const html = await page('postmortems/2026-03-02-vault-timeouts/');
      // The dev server marks elements with their source, so the heading is matched by its text.
      const section = /Referenced by<\/h2>([\s\S]*?)<\/(?:ul|p)>/.exec(html)?.[1];
      if (section === undefined) throw new Error('no "Referenced by" on the page');
      return section;
    };
    expect(await referencedBy()).not.toContain('/outcomes/faster-checkout/');
    edit('outcomes/faster-checkout.md', 'see [[decisions/0001-cache-tokens]].', 'see [[decisions/0001-cache-tokens]] and [[postmortems/2026-03-02-vault-timeouts]].');
    await eventually(async () => ((await referencedBy()).includes('/outcomes/faster-checkout/') ? true : undefined));
    edit('outcomes/faster-checkout.md', ' and [[postmortems/2026-03-02-vault-timeouts]].', '.');
    await eventually(async () => ((await referencedBy()).includes('/outcomes/faster-checkout/') ? undefined : true));
  }, 120_000);

  it('shows a record whose image is missing as its problems, not a stack trace', async () => {
    edit(DECISION, '## Context\n', '## Context\n\n![p99 during the sale](./missing-graph.png)\n');
    const html = await eventually(async () => {
      const text = await page('decisions/0001-cache-tokens/');
      return text.includes('Unexpected image `./missing-graph.png`') ? text : undefined;
    });
    expect(html).toContain('does not exist');
    expect(html).not.toMatch(/\n\s+at .*:\d+:\d+/);
    expect(dev.exitCode).toBeNull();
  }, 120_000);
});
