import { linkSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a new file whole or not at all, and never over an existing one: the text goes
 * to a temporary file beside it, which is then hard-linked to its name (an atomic step
 * that fails when the name is taken). Throws EEXIST when `path` exists.
 */
export function writeNewFile(path: string, text: string | Uint8Array): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  writeFileSync(temporary, text, { flag: 'wx' });
  try {
    linkSync(temporary, path);
  } finally {
    rmSync(temporary, { force: true });
  }
}
