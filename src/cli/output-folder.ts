import { cpSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, realpathSync, renameSync, rmSync, writeFileSync, type Stats } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { Refusal } from './io.ts';

/**
 * The folder `handbook build` replaces whole, and everything that makes replacing it safe:
 * which folders it refuses, the stamp that marks a folder as an earlier build, the lock
 * that keeps two builds apart, the swap, and putting the last good site back after a build
 * was killed half way through a swap.
 *
 * Next to `dist` (any --out) a build keeps, all named `.dist.building-*`:
 *   `.dist.building-<pid>`   the new site while it is built
 *   `.dist.building-lock`    the pid of the build that is running
 *   `.dist.building-previous` the last good site, for the instant between the two renames of the swap
 */

/** The file at the root of every built site that says a build wrote this folder and may replace it. */
export const STAMP = '.handbook-build';
const STAMP_TEXT = 'Written by `handbook build`, which replaces this whole folder on every build.\n';

/** Files that mark a folder as a project or a repository, never a built site. */
const PROJECT_MARKERS = [/^\.git$/, /^package\.json$/, /^astro\.config\.\w+$/];

/** Inside `out`, used only while its contents are swapped in place (when `out` itself cannot be renamed). */
const NEXT = '.handbook-next';
const MOVING = '.handbook-moving';
const PREVIOUS = '.handbook-previous';
const SWAPPING = new Set([NEXT, MOVING, PREVIOUS]);

const sibling = (out: string, what: string): string => join(dirname(out), `.${basename(out)}.building-${what}`);
export const stagingFolder = (out: string): string => sibling(out, String(process.pid));
/** What a killed build leaves next to `out`: a staging folder, or the scratch file of a lock it was taking. */
const STAGING = /\.building-(lock-)?(\d+)$/;

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** `path` with symlinks resolved as far as it exists, so `a/../b`, `./x` and links to the same folder compare equal. */
function canonical(path: string): string {
  const parent = dirname(path);
  try {
    return realpathSync(path);
  } catch {
    return parent === path ? path : join(canonical(parent), basename(path));
  }
}

/** Whether `inner` is `outer` or inside it. */
function within(outer: string, inner: string): boolean {
  const rest = relative(outer, inner);
  return rest === '' || (rest !== '..' && !rest.startsWith(`..${sep}`) && !isAbsolute(rest));
}

/** Where a build runs: what it must never replace. */
export interface Surroundings {
  /** The project folder (the working directory of `handbook build`). */
  root: string;
  /** The content folder. */
  content: string;
  home: string;
}

/** What must never be replaced by a build, each with the words for why. */
function protectedFolders({ root, content, home }: Surroundings): [string, string][] {
  return [
    ['/', 'the root of the file system'],
    [root, 'the project folder'],
    [content, 'the content folder'],
    [home, 'the home folder'],
  ];
}

/** Why `out` may not be replaced, or undefined when a build may replace it. */
function unsafe(out: string, around: Surroundings): string | undefined {
  let stat: Stats | undefined;
  try {
    stat = lstatSync(out);
  } catch {
    stat = undefined;
  }
  if (stat?.isSymbolicLink()) {
    const target = resolve(dirname(out), readlinkSync(out));
    return `it is a symlink to \`${target}\`; a build would replace the link, not the site it points at (pass \`--out ${target}\` to build there)`;
  }
  const real = canonical(out);
  for (const [folder, name] of protectedFolders(around)) {
    const guarded = canonical(folder);
    if (real === guarded) return `it is ${name}`;
    if (within(real, guarded)) return `it holds ${name}`;
  }
  if (stat === undefined) return undefined;
  if (!stat.isDirectory()) return 'it is a file, not a folder';
  const names = readdirSync(out);
  const marker = names.find((name) => PROJECT_MARKERS.some((pattern) => pattern.test(name)));
  if (marker !== undefined) return `it holds \`${marker}\`, so it is a project, not a built site`;
  if (names.length > 0 && !names.some((name) => name === STAMP || SWAPPING.has(name))) return `it holds files that no earlier build wrote (there is no \`${STAMP}\` in it)`;
  return undefined;
}

/**
 * The absolute folder `--out` names, refused (exit 2, nothing touched) when replacing it
 * whole could lose anything that is not an earlier build: the project, the content, a
 * folder holding either, the home folder, `/`, a project or any folder with files of its
 * own. A symlink is refused rather than followed, with the path to use instead.
 */
export function outputFolder(given: string, { root = process.cwd(), content = 'content', home = homedir() }: Partial<Surroundings> = {}): string {
  const out = resolve(root, given);
  const reason = unsafe(out, { root, content: resolve(root, content), home });
  if (reason === undefined) return out;
  throw new Refusal(`Unexpected --out \`${given}\`: ${reason}. Expected a folder for the built site alone, such as dist: new, empty, or written by an earlier build (which leaves \`${STAMP}\` in it), because a build replaces that folder whole`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the lock on `out` for this process and returns its release. The lock is a file
 * holding the pid, made by a hard link so it never exists half-written; a lock whose
 * process is gone was left by a killed build and is taken over.
 */
export function lockOutput(out: string): () => void {
  const lock = sibling(out, 'lock');
  mkdirSync(dirname(out), { recursive: true });
  const mine = `${lock}-${process.pid}`;
  writeFileSync(mine, `${process.pid}\n`);
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        linkSync(mine, lock);
        return () => rmSync(lock, { force: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      let holder: number;
      try {
        holder = Number.parseInt(readFileSync(lock, 'utf8'), 10);
      } catch {
        continue;
      }
      if (Number.isInteger(holder) && holder > 0 && alive(holder)) {
        throw new Refusal(`Unexpected second build into \`${basename(out)}\`: another build is running (pid ${holder}). Expected one build at a time; wait for it to finish, or delete \`${lock}\` if no build is running`);
      }
      rmSync(lock, { force: true });
    }
    throw new Refusal(`Unexpected race for the lock \`${lock}\`, expected one build at a time; try again`);
  } finally {
    rmSync(mine, { force: true });
  }
}

/**
 * Undoes what a killed build left, before anything else is done (even by a build that will
 * fail): the last good site comes back if a swap was cut between its renames, an in-place
 * swap is rolled back or finished, and staging folders are removed. Called under the lock.
 */
export function recoverOutput(out: string): void {
  const previous = sibling(out, 'previous');
  if (exists(previous)) {
    // Both present: the new site was already in place and only the clean-up was cut short.
    if (exists(out)) rmSync(previous, { recursive: true, force: true });
    else renameSync(previous, out);
  }
  recoverInPlace(out);
  const parent = dirname(out);
  for (const name of readdirSync(parent)) {
    const left = STAGING.exec(name);
    // A staging folder is never the good site; a lock's scratch file only once its process is gone.
    if (left !== null && name.startsWith(`.${basename(out)}.`) && (left[1] === undefined || !alive(Number(left[2])))) rmSync(join(parent, name), { recursive: true, force: true });
  }
}

function recoverInPlace(out: string): void {
  const at = (...names: string[]): string => join(out, ...names);
  if (exists(at(MOVING))) {
    // Cut while the old files were moved aside: some are still in place, the rest go back.
    for (const name of readdirSync(at(MOVING))) renameSync(at(MOVING, name), at(name));
    rmSync(at(MOVING), { recursive: true, force: true });
  } else if (exists(at(PREVIOUS))) {
    // The new stamp moves in last, so without it the new site is only partly in place.
    if (!exists(at(STAMP))) {
      for (const name of readdirSync(out)) if (!SWAPPING.has(name)) rmSync(at(name), { recursive: true, force: true });
      for (const name of readdirSync(at(PREVIOUS))) renameSync(at(PREVIOUS, name), at(name));
    }
    rmSync(at(PREVIOUS), { recursive: true, force: true });
  }
  rmSync(at(NEXT), { recursive: true, force: true });
}

/**
 * Puts the finished site in `staging` where `out` is, stamped as a build. Two renames on
 * one file system: `out` aside, `staging` in; a crash between them is undone by
 * recoverOutput. When `out` cannot be renamed (a mount point, or on another file system:
 * EBUSY, EXDEV), its contents are swapped instead.
 */
export function replaceOutput(staging: string, out: string): void {
  writeFileSync(join(staging, STAMP), STAMP_TEXT);
  const previous = sibling(out, 'previous');
  const had = exists(out);
  if (had) {
    try {
      renameSync(out, previous);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EXDEV' && code !== 'EBUSY') throw error;
      replaceInPlace(staging, out);
      return;
    }
  }
  try {
    renameSync(staging, out);
  } catch (error) {
    if (had) renameSync(previous, out);
    throw error;
  }
  rmSync(previous, { recursive: true, force: true });
}

/**
 * Swaps the contents of `out` for the site in `staging`: copies the site into `out` first
 * (the slow part, across file systems, while the old site is untouched), then moves the old
 * files aside and the new ones in by renames inside `out`, the stamp last. Each step leaves
 * a state recoverInPlace can roll back or finish.
 */
function replaceInPlace(staging: string, out: string): void {
  const at = (...names: string[]): string => join(out, ...names);
  rmSync(at(NEXT), { recursive: true, force: true });
  cpSync(staging, at(NEXT), { recursive: true, verbatimSymlinks: true });
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(at(MOVING));
  for (const name of readdirSync(out)) if (!SWAPPING.has(name)) renameSync(at(name), at(MOVING, name));
  renameSync(at(MOVING), at(PREVIOUS));
  const incoming = readdirSync(at(NEXT)).sort((a, b) => Number(a === STAMP) - Number(b === STAMP));
  for (const name of incoming) renameSync(at(NEXT, name), at(name));
  rmSync(at(PREVIOUS), { recursive: true, force: true });
  rmSync(at(NEXT), { recursive: true, force: true });
}
