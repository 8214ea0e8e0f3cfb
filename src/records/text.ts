import type { Position } from './problem.ts';

/** Maps character offsets of a text to 1-based lines and columns. */
export class LineIndex {
  readonly #starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.#starts.push(i + 1);
  }

  positionAt(offset: number): Position {
    let low = 0;
    let high = this.#starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.#starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (this.#starts[low] ?? 0) + 1 };
  }
}

export type DecodeResult = { ok: true; text: string } | { ok: false; offset: number };

/** Decodes UTF-8 strictly; on failure, returns the character offset of the first bad byte. */
export function decodeUtf8(bytes: Uint8Array): DecodeResult {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ok: true, text: text.startsWith('\uFEFF') ? text.slice(1) : text };
  } catch {
    const lenient = new TextDecoder('utf-8').decode(bytes);
    return { ok: false, offset: Math.max(0, lenient.indexOf('\uFFFD')) };
  }
}
