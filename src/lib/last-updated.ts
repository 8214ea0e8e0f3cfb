import { spawnSync } from 'node:child_process';

/** The last commit that touched a file. */
export interface LastChange {
  /** The full commit hash. */
  commit: string;
  /** The commit date, ISO 8601 with offset. */
  date: string;
}

/** Separates commits in the log output; a file name cannot hold it. */
const COMMIT = '\u001e';

/**
 * Reads `git log --name-only` output written with the format `%x1e%H%x09%cI`: newest
 * commit first, so the first commit naming a file is the last one that touched it.
 */
export function parseNameLog(output: string): Map<string, LastChange> {
  const changes = new Map<string, LastChange>();
  for (const block of output.split(COMMIT)) {
    const [header, ...files] = block.split('\n');
    const [commit, date] = (header ?? '').split('\t');
    if (!commit || !date) continue;
    for (const file of files) if (file !== '' && !changes.has(file)) changes.set(file, { commit, date });
  }
  return changes;
}

/**
 * The last commit of every file under `dir`, keyed by its path relative to `dir` with `/`
 * separators, from one `git log` over the folder: asking per file would start a process
 * per record, too slow for a handbook of thousands. Empty when `dir` is not in a git
 * repository or git is not installed: the pages then leave the date out.
 */
export function lastChanges(dir: string): Map<string, LastChange> {
  const result = spawnSync('git', ['-c', 'core.quotePath=false', 'log', '--format=%x1e%H%x09%cI', '--name-only', '--no-renames', '--relative', '--', '.'], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  if (result.status !== 0 || typeof result.stdout !== 'string') return new Map();
  return parseNameLog(result.stdout);
}

let cached: { key: string; changes: Map<string, LastChange> } | undefined;

/**
 * `lastChanges` computed once per folder and `generation` (the dev server raises it after
 * every change), so every page of a build shares one `git log`.
 */
export function lastChangesOnce(dir: string, generation = 0): Map<string, LastChange> {
  const key = `${generation}\0${dir}`;
  if (cached?.key !== key) cached = { key, changes: lastChanges(dir) };
  return cached.changes;
}
