import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readFileSync, readlinkSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { basename, extname, isAbsolute, join, relative, sep } from 'node:path';
import { kinds, type Kind } from '../schemas/index.ts';
import { analyseBody, type Body } from './body.ts';
import { parseFrontmatter, parseYaml, type YamlLocator } from './frontmatter.ts';
import { append, type Position, type Problem } from './problem.ts';
import { decodeUtf8, LineIndex } from './text.ts';

/** One record file that parsed: its raw frontmatter (not yet validated) and its body. */
export interface RecordFile {
  kind: Kind;
  id: string;
  /** `<collection>/<id>`, the form used by `related` and body links. */
  ref: string;
  /** Path relative to the working directory, with forward slashes. */
  file: string;
  data: Record<string, unknown>;
  locator: YamlLocator;
  body: Body;
}

/** people.yaml or teams.yaml, parsed but not yet validated. */
export interface ListFile {
  file: string;
  items: unknown[];
  locator: YamlLocator | undefined;
}

export interface Handbook {
  records: RecordFile[];
  /** Records by `<collection>/<id>`; the first file wins when an id is duplicated. */
  byRef: Map<string, RecordFile>;
  people: ListFile;
  teams: ListFile;
  /** Problems found while reading: encoding, empty files, frontmatter and YAML syntax, MDX syntax. */
  problems: Problem[];
}

export const RECORD_EXTENSIONS = new Set(['.md', '.mdx']);

function displayPath(path: string): string {
  const cwd = process.cwd();
  // Most paths are inside the working directory: their relative path is what follows it.
  const inside = path.startsWith(cwd) && path[cwd.length] === sep && !path.includes(`${sep}..${sep}`) ? path.slice(cwd.length + 1) : relative(cwd, path);
  return sep === '/' ? inside : inside.split(sep).join('/');
}

/** What a file or folder is read as, for the messages that refuse it. */
interface Role {
  /** What it is called, after "named like". */
  named: string;
  /** What it should be, after "expected". */
  expected: string;
  /** A kind's folder, which must be a folder; everything else must be a file. */
  folder?: true;
}

const RECORD: Role = { named: 'a record', expected: 'a Markdown file' };

type Refusal = { rule: string; message: string };

/** A whole file or folder refused: the problem sits at its start. */
function refusedAt(path: string, refusal: Refusal): Problem {
  return { file: displayPath(path), line: 1, column: 1, severity: 'error', ...refusal };
}

/** The record files of a kind: the kind's folder itself (an id is a file name), skipping names that start with `_`. */
export function recordPaths(dir: string, kind: Kind): string[] {
  return recordEntries(dir, kind, []).map((entry) => join(entry.parentPath, entry.name));
}

/**
 * The entries of a kind's folder named like records, with their types from the folder
 * listing (no stat per record). The folder itself is held to the rules of a record file: a
 * symlink out of the handbook is not followed (its records would be published), and a
 * folder that is a file or cannot be listed is a problem, not a crash.
 */
function recordEntries(dir: string, kind: Kind, problems: Problem[]): Dirent[] {
  const folder = join(dir, kind.collection);
  const role: Role = { named: `the ${kind.collection} folder`, expected: `a folder of ${kind.collection}`, folder: true };
  let entries: Dirent[];
  try {
    const refused = refusal(folder, dir, lstatSync(folder), role);
    if (refused !== undefined) {
      problems.push(refusedAt(folder, refused));
      return [];
    }
    entries = readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    // A kind without a folder simply has no records yet.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') problems.push(refusedAt(folder, unreadable(error, role)));
    return [];
  }
  return entries.filter((entry) => RECORD_EXTENSIONS.has(extname(entry.name)) && !entry.name.startsWith('_')).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Records larger than this are refused: a record is prose, not a log dump or a data file. */
export const MAX_RECORD_BYTES = 2 * 1024 * 1024;

/**
 * Why a symlink cannot be read: it leads out of the handbook folder (it would publish
 * whatever it points at) or nowhere.
 */
function unsafeSymlink(path: string, root: string, role: Role): Refusal | undefined {
  let target: string;
  try {
    target = realpathSync(path);
  } catch {
    return { rule: 'file-symlink', message: `Unexpected symlink to \`${readlinkSync(path)}\` that leads nowhere, expected ${role.expected}` };
  }
  const inside = relative(realpathSync(root), target);
  if (inside.startsWith('..') || isAbsolute(inside)) {
    return { rule: 'file-symlink', message: `Unexpected symlink to \`${target}\` outside the handbook folder, expected records to live in it; it was not read` };
  }
  return undefined;
}

/** A special file in words, for its message. */
function special(entry: Dirent | Stats): string {
  if (entry.isFIFO()) return 'a named pipe';
  if (entry.isSocket()) return 'a socket';
  if (entry.isCharacterDevice()) return 'a character device';
  if (entry.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

/**
 * Why an entry of the wrong type is not read, known from a folder listing or a stat before
 * anything is opened: opening a named pipe waits for a writer forever, and a device can
 * stream without end.
 */
function wrongType(entry: Dirent | Stats, role: Role): Refusal | undefined {
  if (role.folder) return entry.isDirectory() ? undefined : { rule: 'kind-folder', message: `Unexpected ${entry.isFile() ? 'file' : special(entry)} named like ${role.named}, expected ${role.expected}` };
  if (entry.isDirectory()) return { rule: 'file-folder', message: `Unexpected folder named like ${role.named}, expected ${role.expected}` };
  if (!entry.isFile()) return { rule: 'file-special', message: `Unexpected special file (${special(entry)}), expected ${role.expected}; it was not opened` };
  return undefined;
}

/** Why an entry is not read; a symlink that stays inside the handbook is judged by what it points at. */
function refusal(path: string, root: string, entry: Dirent | Stats, role: Role): Refusal | undefined {
  if (!entry.isSymbolicLink()) return wrongType(entry, role);
  const unsafe = unsafeSymlink(path, root, role);
  if (unsafe !== undefined) return unsafe;
  try {
    return wrongType(statSync(path), role);
  } catch (error) {
    return unreadable(error, role);
  }
}

/** A file or folder the system would not let us read (permissions, an I/O error), as a problem instead of a crash. */
function unreadable(error: unknown, role: Role): Refusal {
  const said = error instanceof Error ? (error.message.split(',')[0] ?? error.message) : String(error);
  return { rule: 'file-unreadable', message: `Unexpected \`${said}\` when reading it, expected ${role.expected} that can be read` };
}

function tooLarge(stat: Stats): Refusal | undefined {
  if (stat.size <= MAX_RECORD_BYTES) return undefined;
  return { rule: 'file-too-large', message: `Unexpected file of ${(stat.size / 1024 / 1024).toFixed(1)} MB, expected a record under ${MAX_RECORD_BYTES / 1024 / 1024} MB; link large logs and data instead of pasting them` };
}

type Read = { ok: true; text: string } | { ok: false; problem: Problem };

/**
 * Opens without blocking: the entry's type was checked already, but a file replaced by a
 * named pipe after the listing must not hang the read either (fstat then refuses it).
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** Reads a file as UTF-8 text, refusing folders, special files and oversized files before reading them. */
function readText(path: string, role: Role): Read {
  const file = displayPath(path);
  const fail = (position: Position, rule: string, message: string): Read => ({
    ok: false,
    problem: { file, ...position, severity: 'error', rule, message },
  });
  let bytes: Buffer;
  try {
    const fd = openSync(path, OPEN_FLAGS);
    try {
      const stat = fstatSync(fd);
      const refused = wrongType(stat, role) ?? tooLarge(stat);
      if (refused !== undefined) return fail({ line: 1, column: 1 }, refused.rule, refused.message);
      bytes = readFileSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    const { rule, message } = unreadable(error, role);
    return fail({ line: 1, column: 1 }, rule, message);
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    const before = new TextDecoder().decode(bytes).slice(0, decoded.offset).split('\n');
    return fail({ line: before.length, column: (before.at(-1)?.length ?? 0) + 1 }, 'file-encoding', 'Unexpected bytes that are not UTF-8, expected a UTF-8 text file');
  }
  if (decoded.text.trim() === '') return fail({ line: 1, column: 1 }, 'file-empty', 'Unexpected empty file, expected frontmatter and a body');
  const nul = decoded.text.indexOf('\0');
  if (nul !== -1) return fail(new LineIndex(decoded.text).positionAt(nul), 'file-binary', 'Unexpected NUL byte, expected a text file');
  const cr = /\r(?!\n)/.exec(decoded.text);
  if (cr !== null) return fail(new LineIndex(decoded.text).positionAt(cr.index), 'line-endings', 'Unexpected carriage return without a line feed, expected LF or CRLF line endings');
  return { ok: true, text: decoded.text };
}

export function readRecord(path: string, kind: Kind, root = join(path, '..', '..'), entry: Dirent | Stats = lstatSync(path)): { record?: RecordFile; problems: Problem[] } {
  const file = displayPath(path);
  const refused = refusal(path, root, entry, RECORD);
  if (refused !== undefined) return { problems: [refusedAt(path, refused)] };
  const read = readText(path, RECORD);
  if (!read.ok) return { problems: [read.problem] };
  const frontmatter = parseFrontmatter(read.text);
  if (!frontmatter.ok) {
    return { problems: frontmatter.problems.map((p) => ({ file, ...p.position, severity: 'error', rule: p.rule, message: p.message })) };
  }
  const ext = extname(path);
  const body = analyseBody(read.text, { isMdx: ext === '.mdx', bodyLine: frontmatter.bodyLine, bodyOffset: frontmatter.bodyOffset });
  if (!body.ok) return { problems: [{ file, ...body.position, severity: 'error', rule: body.rule, message: body.message }] };
  const id = (path.split(sep).at(-1) ?? '').slice(0, -ext.length);
  return {
    record: {
      kind,
      id,
      ref: `${kind.collection}/${id}`,
      file,
      data: frontmatter.data as Record<string, unknown>,
      locator: frontmatter.locator,
      body: body.body,
    },
    problems: [],
  };
}

/** people.yaml or teams.yaml: held to the same file rules as a record, read only when it is a plain file in the handbook. */
function readList(path: string, root: string, problems: Problem[]): ListFile {
  const file = displayPath(path);
  const empty: ListFile = { file, items: [], locator: undefined };
  const role: Role = { named: basename(path), expected: 'a YAML file' };
  let entry: Stats;
  try {
    entry = lstatSync(path);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    problems.push(missing ? refusedAt(path, { rule: 'file-missing', message: `Missing ${basename(path)} in the handbook folder, expected a YAML list of entries` }) : refusedAt(path, unreadable(error, role)));
    return empty;
  }
  const refused = refusal(path, root, entry, role);
  if (refused !== undefined) {
    problems.push(refusedAt(path, refused));
    return empty;
  }
  const read = readText(path, role);
  if (!read.ok) {
    problems.push(read.problem);
    return empty;
  }
  const parsed = parseYaml(read.text);
  if (!parsed.ok) {
    append(problems, parsed.problems.map((p) => ({ file, ...p.position, severity: 'error' as const, rule: p.rule, message: p.message })));
    return empty;
  }
  if (!Array.isArray(parsed.data)) {
    problems.push({ file, line: 1, column: 1, severity: 'error', rule: 'invalid-field', message: `Unexpected ${typeof parsed.data}, expected a YAML list of entries` });
    return { file, items: [], locator: parsed.locator };
  }
  return { file, items: parsed.data, locator: parsed.locator };
}

type RecordRead = ReturnType<typeof readRecord>;

/**
 * Records read before, by path, for a process that checks the same handbook again and
 * again (the dev server): a file is read again only when its size, times or inode
 * changed. Symlinks are always read again, since their target can change under them.
 */
export type RecordCache = Map<string, { stamp: string; read: RecordRead }>;

function readCached(path: string, kind: Kind, root: string, entry: Dirent, cache: RecordCache): RecordRead {
  if (!entry.isFile()) return readRecord(path, kind, root, entry);
  let stat: Stats;
  try {
    stat = lstatSync(path);
  } catch {
    return readRecord(path, kind, root, entry);
  }
  const stamp = `${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.ino}`;
  const cached = cache.get(path);
  if (cached?.stamp === stamp) return cached.read;
  const read = readRecord(path, kind, root, stat);
  cache.set(path, { stamp, read });
  return read;
}

/**
 * Reads every record, people.yaml and teams.yaml under `dir`. Never throws for content
 * mistakes. With a `cache`, unchanged records are not read again and records that are
 * gone leave it.
 */
export function loadHandbook(dir: string, { cache }: { cache?: RecordCache | undefined } = {}): Handbook {
  const problems: Problem[] = [];
  const records: RecordFile[] = [];
  const present = new Set<string>();
  for (const kind of kinds) {
    const seen = new Map<string, string>();
    for (const entry of recordEntries(dir, kind, problems)) {
      const path = join(entry.parentPath, entry.name);
      present.add(path);
      const { record, problems: found } = cache === undefined ? readRecord(path, kind, dir, entry) : readCached(path, kind, dir, entry, cache);
      append(problems, found);
      if (!record) continue;
      records.push(record);
      const folded = record.id.toLowerCase();
      const other = seen.get(folded);
      if (other !== undefined) {
        problems.push({ file: record.file, line: 1, column: 1, severity: 'error', rule: 'id-case', message: `Unexpected id \`${record.id}\` that differs from \`${other}\` only in case, expected ids that stay distinct on case-insensitive file systems and in URLs` });
      } else seen.set(folded, record.id);
    }
  }
  if (cache !== undefined) for (const path of cache.keys()) if (!present.has(path)) cache.delete(path);
  const byRef = new Map<string, RecordFile>();
  for (const record of records) if (!byRef.has(record.ref)) byRef.set(record.ref, record);
  const people = readList(join(dir, 'people.yaml'), dir, problems);
  const teams = readList(join(dir, 'teams.yaml'), dir, problems);
  return { records, byRef, people, teams, problems };
}
