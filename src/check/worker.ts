import { parentPort } from 'node:worker_threads';
import type { RecordCache } from '../records/load.ts';
import { checkHandbook } from './index.ts';

/**
 * The dev server's checker, in a worker thread so a check of a large handbook never holds
 * up a page. It keeps the records it read, so after a save it reads only the files that
 * changed; the rules run over the whole handbook every time.
 */

/** What the dev server asks. */
export interface CheckRequest {
  id: number;
  content: string;
  today: string | undefined;
  imageHosts: readonly string[];
}

/** What the worker answers: the problems and how many records were read, or why it could not check. */
export type CheckAnswer = { id: number } & ({ ok: true; problems: ReturnType<typeof checkHandbook>['problems']; records: number } | { ok: false; message: string });

const cache: RecordCache = new Map();

parentPort?.on('message', (request: CheckRequest) => {
  let answer: CheckAnswer;
  try {
    const result = checkHandbook(request.content, { today: request.today, imageHosts: request.imageHosts, cache });
    answer = { id: request.id, ok: true, problems: result.problems, records: result.records };
  } catch (error) {
    answer = { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(answer);
});
