import { chmodSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { LifecycleError } from './error.ts';

/** A file to replace: its new text, and the text it had when the command read it. */
export interface Replacement {
  path: string;
  text: string;
  original: string;
}

const temporaryFor = (path: string): string => join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);

/**
 * Replaces existing files whole or not at all. Every new text is written to a temporary
 * file beside its target first (a full disk fails here, before anything changed); then
 * each target is checked to be unchanged since it was read (someone may have saved it in
 * an editor meanwhile) and the temporary files are renamed over their targets, an atomic
 * step per file. Should a rename fail half way, the files already replaced get their
 * original text back.
 */
export function replaceFiles(files: readonly Replacement[]): void {
  const written: string[] = [];
  try {
    for (const { path, text } of files) {
      const temporary = temporaryFor(path);
      writeFileSync(temporary, text, { flag: 'wx' });
      written.push(temporary);
      chmodSync(temporary, statSync(path).mode & 0o7777);
    }
    for (const { path, original } of files) {
      if (readFileSync(path, 'utf8') !== original)
        throw new LifecycleError(`Unexpected change to ${path} while the command ran, expected it as it was read; nothing was written, run the command again`);
    }
  } catch (error) {
    for (const temporary of written) rmSync(temporary, { force: true });
    throw error;
  }
  const done: Replacement[] = [];
  try {
    for (const file of files) {
      renameSync(temporaryFor(file.path), file.path);
      done.push(file);
    }
  } catch (error) {
    for (const { path, original } of done) writeFileSync(path, original);
    for (const file of files) rmSync(temporaryFor(file.path), { force: true });
    throw error;
  }
}
