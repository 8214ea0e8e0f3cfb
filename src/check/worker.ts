import { parentPort } from 'node:worker_threads';
import type { RecordCache } from '../records/load.ts';
import { answerCheck, type CheckRequest } from './requests.ts';

/**
 * The dev server's checker, in a worker thread so a check of a large handbook never holds
 * up a page. It keeps the records it read, so after a save it reads only the files that
 * changed; the rules run over the whole handbook every time.
 */
const cache: RecordCache = new Map();

parentPort?.on('message', (request: CheckRequest) => {
  parentPort?.postMessage(answerCheck(request, cache));
});
