import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { posix, relative, resolve, sep } from 'node:path';
import type { RecordFile } from '../records/load.ts';
import { importedSchema } from '../schemas/index.ts';

/** Where the files of an import live: the git work tree around the source folder, if any. */
export interface SourceRepository {
  /** The folder `imported.source` paths are relative to: the work tree's root, else the source folder's parent. */
  root: string;
  /** The `origin` remote without credentials (`github.com/adr/madr`), when there is one. */
  remote?: string;
  /** Whether `root` is a git work tree (its history can date files). */
  git: boolean;
}

function git(args: string[], cwd: string): string | undefined {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });
  } catch {
    return undefined;
  }
}

/**
 * A remote URL as provenance: host and path only, so a token in an HTTPS remote
 * (`https://x-access-token:…@github.com/…`) never lands in a record.
 */
export function remoteName(url: string): string | undefined {
  const scp = /^[\w.-]+@([\w.-]+):(.+)$/.exec(url);
  if (scp !== null) return `${scp[1]}/${scp[2]!.replace(/\.git$/, '')}`;
  try {
    const parsed = new URL(url);
    if (!/^(https?|ssh|git):$/.test(parsed.protocol)) return undefined;
    return `${parsed.hostname}${parsed.pathname.replace(/\.git$/, '').replace(/\/+$/, '')}`;
  } catch {
    return undefined;
  }
}

/** The repository a source folder belongs to, asking git; a plain folder stands for itself. */
export function sourceRepository(sourceDir: string): SourceRepository {
  const top = git(['rev-parse', '--show-toplevel'], sourceDir)?.trim();
  if (top === undefined || top === '') return { root: resolve(realpathSync(sourceDir), '..'), git: false };
  const url = git(['remote', 'get-url', 'origin'], top)?.trim();
  const remote = url === undefined ? undefined : remoteName(url);
  return { root: realpathSync(top), git: true, ...(remote === undefined ? {} : { remote }) };
}

/** A path under `root`, with `/` separators: the form `imported.source` keeps. */
export function sourcePath(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}

export function sha256(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/**
 * The day each file of the repository was first committed, following renames, from one
 * `git log` of additions and renames: the date an undated ADR was written, as log4brains
 * itself reads it. The whole history is read, not the source folder's, because ADR folders
 * move (MADR's went from docs/adr to docs/decisions).
 */
export function firstCommitDates(repository: SourceRepository): Map<string, string> {
  const dates = new Map<string, string>();
  if (!repository.git) return dates;
  const log = git(['-c', 'core.quotePath=false', 'log', '--format=%x00%as', '--name-status', '-M', '--diff-filter=AR'], repository.root);
  if (log === undefined) return dates;
  // Newest first: a rename maps the older name onto the file's current name.
  const current = new Map<string, string>();
  for (const commit of log.split('\0').slice(1)) {
    const [date, ...lines] = commit.split('\n');
    for (const line of lines) {
      const [status, from, to] = line.split('\t');
      if (status === undefined || from === undefined) continue;
      const now = current.get(to ?? from) ?? to ?? from;
      if (status.startsWith('R') && to !== undefined) current.set(from, now);
      dates.set(now, date!.trim());
    }
  }
  return dates;
}

/** A record `handbook import` wrote earlier, by the source it came from. */
export interface PriorImport {
  record: RecordFile;
  hash: string;
}

/** What was imported into a handbook before, keyed by remote and source path. */
export class PriorImports {
  readonly #bySource = new Map<string, PriorImport>();
  readonly #byHash = new Map<string, PriorImport>();
  readonly #byKey = new Map<string, PriorImport>();
  readonly #byNumber = new Map<string, PriorImport[]>();

  constructor(records: readonly RecordFile[]) {
    for (const record of records) {
      const parsed = importedSchema.safeParse(record.data['imported']);
      if (!parsed.success) continue;
      const prior = { record, hash: parsed.data.hash };
      this.#bySource.set(PriorImports.key(parsed.data.repository, parsed.data.source), prior);
      this.#byKey.set(PriorImports.key(parsed.data.repository, parsed.data.source.replace(/\.(md|markdown|mdx)$/i, '')), prior);
      if (!this.#byHash.has(prior.hash)) this.#byHash.set(prior.hash, prior);
      if (parsed.data.sourceId !== undefined && /^\d+$/.test(parsed.data.sourceId)) {
        const key = PriorImports.key(parsed.data.repository, `${posix.dirname(parsed.data.source)}#${Number(parsed.data.sourceId)}`);
        this.#byNumber.set(key, [...(this.#byNumber.get(key) ?? []), prior]);
      }
    }
  }

  static key(remote: string | undefined, source: string): string {
    return `${remote ?? ''}\0${source}`;
  }

  /** The earlier import of a source file named without its extension, as links between sources name it. */
  byKey(remote: string | undefined, key: string): PriorImport | undefined {
    return this.#byKey.get(PriorImports.key(remote, key));
  }

  /** The one decision imported earlier from `folder` of the same repository with ADR number `value`, if exactly one was. */
  byNumber(remote: string | undefined, folder: string, value: number): PriorImport | undefined {
    const found = this.#byNumber.get(PriorImports.key(remote, `${folder}#${value}`)) ?? [];
    return found.length === 1 ? found[0] : undefined;
  }

  /** The earlier import of this source file: by its path, else (moved or re-cloned) by its exact content. */
  find(remote: string | undefined, source: string, hash: string): PriorImport | undefined {
    return this.#bySource.get(PriorImports.key(remote, source)) ?? this.#byHash.get(hash);
  }
}
