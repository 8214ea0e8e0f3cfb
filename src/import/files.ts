import { lstatSync, readdirSync, readlinkSync, realpathSync } from 'node:fs';
import { extname, join, posix, relative, sep } from 'node:path';

/** What became of a file under the source folder; every file gets one. */
export type FileOutcome = 'imported' | 'unchanged' | 'changed' | 'image' | 'skipped' | 'not-a-record';

/** A file of the source folder the import did not turn into a record, and why. */
export interface FileNote {
  /** Relative to the source folder, with `/` separators (a folder ends in `/`). */
  file: string;
  outcome: Exclude<FileOutcome, 'imported'>;
  reason: string;
}

export const MARKDOWN = new Set(['.md', '.markdown', '.mdx']);
export const IMAGES = new Set(['.png', '.jpg', '.jpeg', '.gif', '.svg', '.webp', '.avif']);

/** Folders that hold no records and can hold very many files: listed once, not read. */
const NOT_READ: [RegExp, string][] = [
  [/^node_modules$/, 'dependencies, not read'],
  [/^\./, 'a hidden folder, not read'],
];

/** Names of Markdown files that sit beside records without being records. */
const NOT_RECORDS: [RegExp, string][] = [
  [/template/i, 'a template'],
  [/^_/, 'a partial (its name starts with `_`)'],
  [/^(readme|index|summary|changelog|contributing|license|licence|code_of_conduct)$|(^|[-_])toc$/i, 'a README, index or table of contents'],
];

/** Why a Markdown file is not a record by its name, if its name says so. */
export function notRecordByName(path: string): string | undefined {
  const stem = posix.basename(path).replace(/\.[^.]+$/, '');
  return NOT_RECORDS.find(([pattern]) => pattern.test(stem))?.[1];
}

export interface SourceTree {
  /** Markdown files that may be records. */
  markdown: string[];
  /** Image files, which are copied when an imported record shows them. */
  images: string[];
  /** Everything else, with the reason it is not read. */
  notes: FileNote[];
}

/**
 * Every entry under the source folder, in a stable order: Markdown files to read, images,
 * and the rest with why it is left (not Markdown, a symlink, a hidden folder, the handbook
 * folder itself when it lies inside). Symlinks are never followed: one could lead out of the
 * folder, or loop.
 */
export function walkSource(root: string, handbook?: string): SourceTree {
  const tree: SourceTree = { markdown: [], images: [], notes: [] };
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = join(dir, entry.name);
      const file = relative(root, path).split(sep).join('/');
      if (entry.isSymbolicLink()) {
        tree.notes.push({ file, outcome: 'skipped', reason: `a symbolic link to \`${readlinkSync(path)}\`; links are not followed` });
      } else if (entry.isDirectory()) {
        const left = NOT_READ.find(([pattern]) => pattern.test(entry.name));
        if (left !== undefined) tree.notes.push({ file: `${file}/`, outcome: 'not-a-record', reason: left[1] });
        else if (handbook !== undefined && realpathSync(path) === handbook)
          tree.notes.push({ file: `${file}/`, outcome: 'not-a-record', reason: 'the handbook folder this import writes to, not read' });
        else walk(path);
      } else if (!entry.isFile()) {
        tree.notes.push({ file, outcome: 'skipped', reason: 'not a regular file' });
      } else if (MARKDOWN.has(extname(entry.name).toLowerCase())) {
        tree.markdown.push(file);
      } else if (IMAGES.has(extname(entry.name).toLowerCase())) {
        tree.images.push(file);
      } else {
        tree.notes.push({ file, outcome: 'not-a-record', reason: entry.name.startsWith('.') ? 'a hidden file' : 'not Markdown' });
      }
    }
  };
  if (lstatSync(root).isDirectory()) walk(root);
  return tree;
}

/** The file name without its Markdown extension. */
export const stemOf = (path: string): string => posix.basename(path).replace(/\.(md|markdown|mdx)$/i, '');
