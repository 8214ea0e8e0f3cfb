import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { treeRssMb } from './measure.ts';

/** A record to retitle while the dev server runs, and the pages that show its title. */
export interface DevEdit {
  /** The record's file. */
  file: string;
  /** The record's page, e.g. `/decisions/0001-cache-tokens/`. */
  page: string;
  /** A register that lists the record, e.g. `/decisions/`. */
  register: string;
}

/** What one start of `astro dev` cost a writer. */
export interface DevSession {
  /** From starting the server to the first complete answer of `/`. */
  firstPageSeconds: number;
  /** From saving the edited title to the first answer that shows it, on the record's page and on its register. */
  edit?: { pageSeconds: number; registerSeconds: number };
  /** The peak resident memory of the server's whole process tree, sampled every 250 ms. */
  rssMb: number;
  /** What did not happen within the time allowed; its seconds are then the time allowed. */
  timedOut: string[];
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Fetches `url` until its page contains `text`; the moment the answer arrived, or undefined
 * at `deadline` or as soon as the server has `stopped`.
 */
async function shows(url: string, text: string, deadline: number, stopped: () => boolean): Promise<number | undefined> {
  for (;;) {
    if (stopped()) return undefined;
    const html = await fetch(url)
      .then((response) => (response.ok ? response.text() : ''))
      .catch(() => '');
    if (html.includes(text)) return performance.now();
    if (performance.now() > deadline) return undefined;
    await sleep(50);
  }
}

/**
 * Starts `astro dev` in `project` the way a writer does, times the first answer of `/`,
 * then (with `edit`) loads the record's page and register once, saves a new title into the
 * record, and times until each page shows it. The record file is restored afterwards and
 * the server and everything it started are stopped.
 */
export async function devSession(options: { project: string; astro: string; env: NodeJS.ProcessEnv; edit?: DevEdit; startMs: number; editMs: number }): Promise<DevSession> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const server = spawn(options.astro, ['dev', '--host', '127.0.0.1', '--port', String(port)], { cwd: options.project, env: options.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  server.stdout.on('data', keep);
  server.stderr.on('data', keep);
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  const stopped = (): boolean => server.exitCode !== null || server.signalCode !== null;
  let rssMb = 0;
  const sampler = setInterval(() => {
    rssMb = Math.max(rssMb, treeRssMb(server.pid!));
  }, 250);
  const timedOut: string[] = [];
  const original = options.edit === undefined ? undefined : readFileSync(options.edit.file, 'utf8');
  try {
    const first = await shows(`${base}/`, '<html', started + options.startMs, stopped);
    if (stopped()) throw new Error(`astro dev stopped:\n${output}`);
    if (first === undefined) timedOut.push('first page');
    const firstPageSeconds = ((first ?? started + options.startMs) - started) / 1000;
    if (options.edit === undefined || original === undefined || first === undefined) return { firstPageSeconds, rssMb, timedOut };

    const { file, page, register } = options.edit;
    const title = /^title: (.*)$/m.exec(original)?.[1];
    if (title === undefined) throw new Error(`${file} has no title line to edit`);
    for (const path of [page, register]) {
      if ((await shows(`${base}${path}`, title, performance.now() + options.startMs, stopped)) === undefined) throw new Error(`${path} never showed "${title}" before the edit:\n${output}`);
    }
    const retitled = `Retitled by the benchmark ${Date.now().toString(36)}`;
    writeFileSync(file, original.replace(`title: ${title}`, `title: ${retitled}`));
    const saved = performance.now();
    const seen = await Promise.all([page, register].map((path) => shows(`${base}${path}`, retitled, saved + options.editMs, stopped)));
    const seconds = seen.map((at, i) => {
      if (at === undefined) timedOut.push(`edit on ${i === 0 ? 'page' : 'register'}`);
      return ((at ?? saved + options.editMs) - saved) / 1000;
    });
    return { firstPageSeconds, edit: { pageSeconds: seconds[0]!, registerSeconds: seconds[1]! }, rssMb, timedOut };
  } finally {
    clearInterval(sampler);
    if (original !== undefined) writeFileSync(options.edit!.file, original);
    // The whole process group: the server and what it started (esbuild, workers).
    const signal = (name: NodeJS.Signals): void => {
      try {
        process.kill(-server.pid!, name);
      } catch {
        // Every process of the group has ended.
      }
    };
    signal('SIGTERM');
    const ended = stopped() || (await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]));
    if (!ended) signal('SIGKILL');
  }
}
