import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '../schemas/settings.ts';
import { parseYaml, type YamlLocator } from './frontmatter.ts';
import type { Problem } from './problem.ts';
import { decodeUtf8 } from './text.ts';

/** The settings file's name, at the root of the handbook folder next to people.yaml. */
export const SETTINGS_FILE = 'handbook.yaml';

/** A settings file is a few lines; anything larger is not one. */
const MAX_SETTINGS_BYTES = 64 * 1024;

/** handbook.yaml as read: its YAML (not yet validated), or the problems that kept it from being read. */
export interface SettingsFile {
  /** Path relative to the working directory, with forward slashes. */
  file: string;
  /** False when the handbook has no handbook.yaml: every default applies. */
  exists: boolean;
  data: unknown;
  locator: YamlLocator | undefined;
  problems: Problem[];
}

/**
 * Reads `<dir>/handbook.yaml` with the handbook's YAML reader. Only a plain file is read:
 * a symlink, folder or special file in its place is a problem, as is a file that is not
 * UTF-8 or does not parse. A missing file is no problem: the defaults apply.
 */
export function readSettingsFile(dir: string): SettingsFile {
  const path = join(dir, SETTINGS_FILE);
  const file = relative(process.cwd(), path).split(sep).join('/');
  const result: SettingsFile = { file, exists: false, data: undefined, locator: undefined, problems: [] };
  const refuse = (rule: string, message: string): SettingsFile => ({ ...result, exists: true, problems: [{ file, line: 1, column: 1, severity: 'error', rule, message }] });
  const unreadable = (error: unknown): SettingsFile => refuse('file-unreadable', `Unexpected \`${(error as Error).message.split(',')[0]}\` when reading it, expected a YAML file that can be read`);
  try {
    const stat = lstatSync(path);
    if (!stat.isFile()) return refuse('file-special', `Unexpected ${stat.isSymbolicLink() ? 'symlink' : 'folder or special file'} named ${SETTINGS_FILE}, expected a plain YAML file`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return result;
    return unreadable(error);
  }
  let bytes: Buffer;
  try {
    const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    try {
      if (fstatSync(fd).size > MAX_SETTINGS_BYTES) return refuse('file-too-large', `Unexpected file over ${MAX_SETTINGS_BYTES / 1024} KB, expected a few lines of settings`);
      bytes = readFileSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    return unreadable(error);
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return refuse('file-encoding', 'Unexpected bytes that are not UTF-8, expected a UTF-8 text file');
  const parsed = parseYaml(decoded.text);
  if (!parsed.ok) return { ...result, exists: true, problems: parsed.problems.map((p) => ({ file, ...p.position, severity: 'error' as const, rule: p.rule, message: p.message })) };
  return { ...result, exists: true, data: parsed.data ?? {}, locator: parsed.locator };
}

/**
 * The settings a handbook folder holds, for the site and the commands that judge loops:
 * what `handbook check` validates and reports, read the same way. Settings that fail
 * validation fall back to their defaults.
 */
export function readSettings(dir: string): Settings {
  const read = readSettingsFile(dir);
  return read.exists && read.problems.length === 0 ? parseSettings(read.data) : DEFAULT_SETTINGS;
}
