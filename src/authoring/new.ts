import { decisionNumber } from '../model/concepts.ts';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, sep } from 'node:path';
import { stringify } from 'yaml';
import { parseYaml } from '../records/frontmatter.ts';
import { recordPaths } from '../records/load.ts';
import { kindOf, kinds, type Kind } from '../schemas/index.ts';
import { writeNewFile } from './write.ts';

/** A problem that stops `handbook new` before anything is written. */
export class NewRecordError extends Error {
  override name = 'NewRecordError';
}

/** The longest slug a title becomes; file names stay readable in a terminal. */
const MAX_SLUG = 60;

/** Letters that Unicode does not decompose into a base letter and a mark. */
const LIGATURES: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ł: 'l', þ: 'th' };

/** `Adopt feature flags!` → `adopt-feature-flags`: lower case ASCII words joined by `-`. */
export function slugify(title: string): string {
  const words = title
    .toLowerCase()
    .replace(/[ßæœøđłþ]/g, (letter) => LIGATURES[letter]!)
    .normalize('NFKD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug === '' ? word : `${slug}-${word}`;
    if (next.length > MAX_SLUG && slug !== '') break;
    slug = next;
  }
  return slug;
}

/** The decision numbers on file (drafts included), each with the path of the record that holds it. */
export function decisionNumbers(dir: string): Map<number, string> {
  const taken = new Map<number, string>();
  for (const path of recordPaths(dir, kindOf('decisions'))) {
    const number = decisionNumber(basename(path));
    if (number !== undefined) taken.set(number, path.split(sep).join('/'));
  }
  return taken;
}

/** The next free decision number after every decision on file (drafts included), as at least 4 digits. */
export function nextDecisionNumber(dir: string): string {
  return String(Math.max(0, ...decisionNumbers(dir).keys()) + 1).padStart(4, '0');
}

/** The file name (without extension) a new record of a kind gets. */
export function fileNameFor(kind: Kind, dir: string, title: string, date: string): string {
  const slug = slugify(title);
  if (slug === '') throw new NewRecordError(`Unexpected title \`${title}\`, expected some letters or digits to name the file by`);
  if (kind.collection === 'decisions') return `${nextDecisionNumber(dir)}-${slug}`;
  if (kind.collection === 'postmortems') return `${date}-${slug}`;
  return slug;
}

/** An entry of people.yaml or teams.yaml as far as authoring tools need it. */
export interface DirectoryEntry {
  id: string;
  name?: string;
  team?: string;
  github?: string;
}

/**
 * The entries of people.yaml or teams.yaml under `dir` that have an id; a missing or
 * broken file gives none (`handbook check` reports it).
 */
export function directoryEntries(dir: string, file: 'people.yaml' | 'teams.yaml'): DirectoryEntry[] {
  const path = join(dir, file);
  const parsed = existsSync(path) ? parseYaml(readFileSync(path, 'utf8')) : undefined;
  const list = parsed?.ok && Array.isArray(parsed.data) ? (parsed.data as unknown[]) : [];
  return list.filter((p): p is DirectoryEntry => typeof p === 'object' && p !== null && typeof (p as DirectoryEntry).id === 'string');
}

function gitConfig(key: string, cwd: string): string | undefined {
  try {
    return execFileSync('git', ['config', key], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The names git knows the author by: user.name, the local part of user.email, and the
 * login in a GitHub no-reply address (`123+login@users.noreply.github.com`).
 */
export function gitIdentities(cwd: string): string[] {
  const name = gitConfig('user.name', cwd);
  const email = gitConfig('user.email', cwd);
  const local = email?.split('@')[0];
  return [name, local, local?.replace(/^\d+\+/, '')].filter((v): v is string => v !== undefined && v !== '');
}

/** The owner: the one given, else the person whose `github` matches git's identity. */
export function resolveOwner(dir: string, given: string | undefined): string {
  const everyone = directoryEntries(dir, 'people.yaml');
  const ids = everyone.map((p) => p.id);
  const valid = `expected one of ${ids.join(', ')}`;
  if (given !== undefined) {
    if (!ids.includes(given)) throw new NewRecordError(`Unexpected --owner \`${given}\`, ${valid}`);
    return given;
  }
  const identities = gitIdentities(dir).map((v) => v.toLowerCase());
  const match = everyone.find((p) => p.github !== undefined && identities.includes(p.github.toLowerCase()));
  if (match === undefined) {
    const who = identities.length > 0 ? `git knows you as ${identities.map((v) => `\`${v}\``).join(', ')}, which matches no \`github\` in people.yaml` : 'git has no user.name or user.email';
    throw new NewRecordError(`Missing --owner: ${who}; ${valid}`);
  }
  return match.id;
}

/** A value written into YAML as a plain or quoted scalar, whichever it needs. */
const scalar = (value: string): string => stringify(value).trimEnd();

export interface NewRecord {
  kind: Kind;
  title: string;
  owner: string;
  date: string;
}

/** The template of a kind filled with the title, owner and date. */
export function fillTemplate(dir: string, { kind, title, owner, date }: NewRecord): string {
  const path = join(dir, '_templates', `${kind.singular}.md`);
  if (!existsSync(path)) throw new NewRecordError(`Missing template ${path}, expected the ${kind.singular} template a new record starts from`);
  const values: Record<string, string> = { title: scalar(title), owner, date };
  return readFileSync(path, 'utf8').replace(/\{\{(title|owner|date)\}\}/g, (_, key: string) => values[key]!);
}

/** Writes a new draft record and returns its path; never replaces an existing file. */
export function createRecord(dir: string, record: NewRecord): string {
  const path = join(dir, record.kind.collection, `${fileNameFor(record.kind, dir, record.title, record.date)}.md`);
  const text = fillTemplate(dir, record);
  const taken = ['.md', '.mdx'].map((ext) => path.replace(/\.md$/, ext)).find(existsSync);
  if (taken !== undefined) throw new NewRecordError(`Unexpected existing file ${taken}, expected a new record name; nothing was written`);
  try {
    writeNewFile(path, text);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new NewRecordError(`Unexpected existing file ${path}, expected a new record name; nothing was written`);
    throw error;
  }
  return path;
}

export function kindNamed(name: string): Kind | undefined {
  return kinds.find((k) => k.singular === name || k.collection === name);
}
