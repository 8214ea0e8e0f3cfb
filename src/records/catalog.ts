import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from './frontmatter.ts';

/** What a link to a record needs to know about its target. */
export interface CatalogEntry {
  title: string;
  status: string;
}

interface Cached {
  mtime: number;
  entry: CatalogEntry | undefined;
}

/**
 * The title and status of every record in a handbook folder, read through the same
 * frontmatter parser as `handbook check`, for rendering links to records. Each lookup
 * re-reads a file whose modification time changed, so a long-running dev server shows a
 * renamed title without a restart.
 */
export class Catalog {
  readonly #dir: string;
  readonly #cache = new Map<string, Cached>();

  constructor(dir: string) {
    this.#dir = dir;
  }

  get(ref: string): CatalogEntry | undefined {
    for (const ext of ['.md', '.mdx']) {
      const path = join(this.#dir, `${ref}${ext}`);
      let mtime: number;
      try {
        const stat = statSync(path);
        if (!stat.isFile()) continue;
        mtime = stat.mtimeMs;
      } catch {
        continue;
      }
      const cached = this.#cache.get(path);
      if (cached?.mtime === mtime) return cached.entry;
      const entry = read(path);
      this.#cache.set(path, { mtime, entry });
      return entry;
    }
    return undefined;
  }

  /**
   * Keeps what a reader that just parsed the record at `path` found, so the catalog need
   * not read it again: the content layer parses every record before rendering any.
   */
  remember(path: string, data: Record<string, unknown> | undefined): void {
    try {
      this.#cache.set(path, { mtime: statSync(path).mtimeMs, entry: data === undefined ? undefined : entryOf(data) });
    } catch {
      this.#cache.delete(path);
    }
  }
}

function read(path: string): CatalogEntry | undefined {
  const frontmatter = parseFrontmatter(readFileSync(path, 'utf8'));
  return frontmatter.ok ? entryOf(frontmatter.data as Record<string, unknown>) : undefined;
}

function entryOf(data: Record<string, unknown>): CatalogEntry {
  return {
    title: typeof data['title'] === 'string' ? data['title'] : '',
    status: typeof data['status'] === 'string' ? data['status'] : 'draft',
  };
}

const catalogs = new Map<string, Catalog>();

/** One catalog per handbook folder and process. */
export function catalogOf(dir: string): Catalog {
  let catalog = catalogs.get(dir);
  if (catalog === undefined) catalogs.set(dir, (catalog = new Catalog(dir)));
  return catalog;
}
