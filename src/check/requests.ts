import type { RecordCache } from '../records/load.ts';
import { checkHandbook } from './index.ts';

/** What the dev server asks its checker. */
export interface CheckRequest {
  id: number;
  content: string;
  today: string | undefined;
  imageHosts: readonly string[];
}

/** What the checker answers: the problems and how many records were read, or why it could not check. */
export type CheckAnswer = { id: number } & ({ ok: true; problems: ReturnType<typeof checkHandbook>['problems']; records: number } | { ok: false; message: string });

/**
 * One check for the dev server, in its worker thread or, when the worker cannot run, in the
 * server's own; `cache` is kept between requests so only changed records are read again.
 */
export function answerCheck(request: CheckRequest, cache: RecordCache): CheckAnswer {
  try {
    const result = checkHandbook(request.content, { today: request.today, imageHosts: request.imageHosts, cache });
    return { id: request.id, ok: true, problems: result.problems, records: result.records };
  } catch (error) {
    return { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
