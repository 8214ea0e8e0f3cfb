import type { AstroIntegrationLogger } from 'astro';
import { relative, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ViteDevServer } from 'vite';
import { countErrors } from '../check/index.ts';
import { formatPretty, summaryLine, useColour } from '../check/report.ts';
import { answerCheck, type CheckAnswer, type CheckRequest } from '../check/requests.ts';
import { devState, publishDevState } from '../lib/dev-state.ts';
import type { RecordCache } from '../records/load.ts';

type Settings = { today: string | undefined; imageHosts: readonly string[] };
type Check = (request: Omit<CheckRequest, 'id'>) => Promise<CheckAnswer>;

/**
 * The worker's module: its TypeScript source in a checkout, which Node runs by stripping
 * types, and the JavaScript `prepare` compiled into lib/ in an installed package, where
 * Node strips no types.
 */
function workerUrl(): URL {
  const installed = new URL(import.meta.url).pathname.split('/').includes('node_modules');
  return installed ? new URL('../../lib/check/worker.js', import.meta.url) : new URL('../check/worker.ts', import.meta.url);
}

/** Checks in this thread, keeping read records between checks: what the dev server does when the worker cannot start. */
function checkHere(): Check {
  const cache: RecordCache = new Map();
  let id = 0;
  return async (request) => answerCheck({ id: ++id, ...request }, cache);
}

/**
 * Checks in a worker thread, one request at a time, so a check of thousands of records
 * never holds up the pages. If the worker cannot start or dies, checks go on in this thread.
 */
function checkInWorker(logger: AstroIntegrationLogger): { check: Check; stop: () => void } {
  let fallback: Check | undefined;
  let worker: Worker | undefined;
  const pending = new Map<number, (answer: CheckAnswer) => void>();
  let next = 0;
  const giveUp = (why: string): void => {
    if (fallback !== undefined) return;
    logger.debug(`checking in the server's own thread: ${why}`);
    fallback = checkHere();
    worker = undefined;
    for (const [id, resolve] of pending) resolve({ id, ok: false, message: why });
    pending.clear();
  };
  try {
    worker = new Worker(workerUrl());
    worker.unref();
    worker.on('message', (answer: CheckAnswer) => {
      pending.get(answer.id)?.(answer);
      pending.delete(answer.id);
    });
    worker.on('error', (error: Error) => giveUp(error.message));
    worker.on('exit', (code) => giveUp(`the checker stopped with code ${code}`));
  } catch (error) {
    giveUp((error as Error).message);
  }
  const check: Check = (request) => {
    // giveUp sets the fallback whenever the worker is gone.
    if (fallback !== undefined || worker === undefined) return fallback!(request);
    next += 1;
    const id = next;
    return new Promise<CheckAnswer>((resolve) => {
      pending.set(id, resolve);
      worker!.postMessage({ id, ...request } satisfies CheckRequest);
    }).then((answer) => (answer.ok || fallback === undefined ? answer : fallback(request)));
  };
  return { check, stop: () => void worker?.terminate() };
}

/** What the terminal and the pages were last given: a check that finds the same problems changes nothing. */
const signature = (answer: Extract<CheckAnswer, { ok: true }>): string => JSON.stringify([answer.records, answer.problems]);

/**
 * The writer's loop: `astro dev` checks the handbook when it starts and after every change
 * under the content folder, prints every problem with its file, line and column, and
 * hands them to the pages (each shows its own, every page the count). When the problems
 * change the browser reloads (a changed record reloads it anyway, through Astro's content
 * layer). Checks run in a worker thread and re-read only changed files, so the server
 * answers while a large handbook is checked. A broken record never stops the server.
 */
export function watchForDev(server: ViteDevServer, logger: AstroIntegrationLogger, content: string, settings: Settings): void {
  const { check, stop } = checkInWorker(logger);
  let generation = 0;
  let shown: string | undefined;
  let running = false;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  const report = (answer: CheckAnswer): void => {
    if (!answer.ok) {
      logger.error(`Could not check the handbook: ${answer.message}`);
      return;
    }
    const now = signature(answer);
    if (now === shown) return;
    shown = now;
    generation += 1;
    publishDevState({ problems: answer.problems, generation });
    const { errors, warnings } = countErrors(answer.problems);
    if (errors + warnings === 0) logger.info(summaryLine(answer.problems, answer.records));
    else process.stderr.write(formatPretty(answer.problems, answer.records, { colour: useColour(process.stderr) }));
    server.ws.send({ type: 'full-reload' });
  };
  // One check at a time; changes saved during a check ask for one more after it.
  const run = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        report(await check({ content, ...settings }));
      } while (again);
    } finally {
      running = false;
    }
  };
  publishDevState({ problems: [], generation });
  void run();
  server.watcher.add(content);
  server.watcher.on('all', (_event, path) => {
    const inside = relative(content, path);
    if (inside.startsWith('..') || inside.split(sep).includes('node_modules')) return;
    // Pages build their view again after any change (people.yaml too), without waiting for the check.
    generation += 1;
    publishDevState({ problems: devState()?.problems ?? [], generation });
    clearTimeout(timer);
    timer = setTimeout(() => void run(), 50);
  });
  server.httpServer?.once('close', stop);
}
