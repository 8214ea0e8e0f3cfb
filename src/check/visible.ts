/**
 * Control characters (C0 and C1, so also the one-byte CSI that starts a terminal escape),
 * line and paragraph separators and bidirectional overrides that a record's values or a
 * file name can carry into output; shown escaped so every line stays one line and a
 * terminal or annotation shows what is really there instead of obeying it.
 */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Text with every invisible character written as its escape, e.g. `\n`, `\u001b` or `\u202e`. */
export function visible(text: string): string {
  return text.replace(INVISIBLE, (char) => NAMED[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
