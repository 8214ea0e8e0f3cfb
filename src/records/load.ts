import { closeSync, existsSync, fstatSync, lstatSync, openSync, readdirSync, readFileSync, readlinkSync, realpathSync, type Stats } from 'node:fs';
import { basename, extname, isAbsolute, join, relative, sep } from 'node:path';
import { kinds, type Kind } from '../schemas/index.ts';
import { analyseBody, type Body } from './body.ts';
import { parseFrontmatter, parseYaml, type YamlLocator } from './frontmatter.ts';
import type { Position, Problem } from './problem.ts';
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
  return relative(process.cwd(), path).split(sep).join('/');
}

/** The record files of a kind: the kind's folder itself (an id is a file name), skipping names that start with `_`. */
export function recordPaths(dir: string, kind: Kind): string[] {
  return recordEntries(dir, kind).map((entry) => entry.path);
}

/** recordPaths, with whether each entry is a symlink (known from the folder listing, without a stat). */
function recordEntries(dir: string, kind: Kind): { path: string; symlink: boolean }[] {
  const folder = join(dir, kind.collection);
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => RECORD_EXTENSIONS.has(extname(entry.name)) && !entry.name.startsWith('_'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((entry) => ({ path: join(folder, entry.name), symlink: entry.isSymbolicLink() }));
}

/** Records larger than this are refused: a record is prose, not a log dump or a data file. */
export const MAX_RECORD_BYTES = 2 * 1024 * 1024;

type Refusal = { rule: string; message: string };

/**
 * Why a symlink cannot be read as a record: it leads out of the handbook folder (it would
 * publish whatever it points at) or nowhere.
 */
function unsafeSymlink(path: string, root: string): Refusal | undefined {
  let target: string;
  try {
    target = realpathSync(path);
  } catch {
    return { rule: 'file-symlink', message: `Unexpected symlink to \`${readlinkSync(path)}\` that leads nowhere, expected a record file` };
  }
  const inside = relative(realpathSync(root), target);
  if (inside.startsWith('..') || isAbsolute(inside)) {
    return { rule: 'file-symlink', message: `Unexpected symlink to \`${target}\` outside the handbook folder, expected records to live in it; it was not read` };
  }
  return undefined;
}

/** Why an opened entry cannot be read as a record: a folder named like one, a special file, or a file too large to be one. */
function unreadable(stat: Stats): Refusal | undefined {
  if (stat.isDirectory()) return { rule: 'file-folder', message: 'Unexpected folder named like a record, expected a Markdown file' };
  if (!stat.isFile()) return { rule: 'file-special', message: 'Unexpected special file, expected a Markdown file' };
  if (stat.size > MAX_RECORD_BYTES) {
    return { rule: 'file-too-large', message: `Unexpected file of ${(stat.size / 1024 / 1024).toFixed(1)} MB, expected a record under ${MAX_RECORD_BYTES / 1024 / 1024} MB; link large logs and data instead of pasting them` };
  }
  return undefined;
}

type Read = { ok: true; text: string } | { ok: false; problem: Problem };

/** Reads a file as UTF-8 text, refusing folders, special files and oversized files before reading them. */
function readText(path: string): Read {
  const file = displayPath(path);
  const fail = (position: Position, rule: string, message: string): Read => ({
    ok: false,
    problem: { file, ...position, severity: 'error', rule, message },
  });
  const fd = openSync(path, 'r');
  let bytes: Buffer;
  try {
    const refused = unreadable(fstatSync(fd));
    if (refused !== undefined) return fail({ line: 1, column: 1 }, refused.rule, refused.message);
    bytes = readFileSync(fd);
  } finally {
    closeSync(fd);
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

export function readRecord(path: string, kind: Kind, root = join(path, '..', '..'), symlink = lstatSync(path).isSymbolicLink()): { record?: RecordFile; problems: Problem[] } {
  const file = displayPath(path);
  const refused = symlink ? unsafeSymlink(path, root) : undefined;
  if (refused !== undefined) return { problems: [{ file, line: 1, column: 1, severity: 'error', ...refused }] };
  const read = readText(path);
  if (!read.ok) return { problems: [read.problem] };
  const frontmatter = parseFrontmatter(read.text);
  if (!frontmatter.ok) {
    return { problems: frontmatter.problems.map((p) => ({ file, ...p.position, severity: 'error', rule: p.rule, message: p.message })) };
  }
  const ext = extname(path);
  const body = analyseBody(read.text, { isMdx: ext === '.mdx', bodyLine: frontmatter.bodyLine, bodyOffset: frontmatter.bodyOffset });
  if (!body.ok) return { problems: [{ file, ...body.position, severity: 'error', rule: 'mdx-syntax', message: body.message }] };
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

function readList(path: string, problems: Problem[]): ListFile {
  const file = displayPath(path);
  if (!existsSync(path)) {
    problems.push({ file, line: 1, column: 1, severity: 'error', rule: 'file-missing', message: `Missing ${basename(path)} in the handbook folder, expected a YAML list of entries` });
    return { file, items: [], locator: undefined };
  }
  const read = readText(path);
  if (!read.ok) {
    problems.push(read.problem);
    return { file, items: [], locator: undefined };
  }
  const parsed = parseYaml(read.text);
  if (!parsed.ok) {
    problems.push(...parsed.problems.map((p) => ({ file, ...p.position, severity: 'error' as const, rule: p.rule, message: p.message })));
    return { file, items: [], locator: undefined };
  }
  if (!Array.isArray(parsed.data)) {
    problems.push({ file, line: 1, column: 1, severity: 'error', rule: 'invalid-field', message: `Unexpected ${typeof parsed.data}, expected a YAML list of entries` });
    return { file, items: [], locator: parsed.locator };
  }
  return { file, items: parsed.data, locator: parsed.locator };
}

/** Reads every record, people.yaml and teams.yaml under `dir`. Never throws for content mistakes. */
export function loadHandbook(dir: string): Handbook {
  const problems: Problem[] = [];
  const records: RecordFile[] = [];
  for (const kind of kinds) {
    const seen = new Map<string, string>();
    for (const { path, symlink } of recordEntries(dir, kind)) {
      const { record, problems: found } = readRecord(path, kind, dir, symlink);
      problems.push(...found);
      if (!record) continue;
      records.push(record);
      const folded = record.id.toLowerCase();
      const other = seen.get(folded);
      if (other !== undefined) {
        problems.push({ file: record.file, line: 1, column: 1, severity: 'error', rule: 'id-case', message: `Unexpected id \`${record.id}\` that differs from \`${other}\` only in case, expected ids that stay distinct on case-insensitive file systems and in URLs` });
      } else seen.set(folded, record.id);
    }
  }
  const byRef = new Map<string, RecordFile>();
  for (const record of records) if (!byRef.has(record.ref)) byRef.set(record.ref, record);
  const people = readList(join(dir, 'people.yaml'), problems);
  const teams = readList(join(dir, 'teams.yaml'), problems);
  return { records, byRef, people, teams, problems };
}
