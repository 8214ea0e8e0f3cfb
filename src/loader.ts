import type { ContentEntryType } from 'astro';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFrontmatter } from './records/frontmatter.ts';
import { recordsChanged } from './lib/dev-state.ts';
import { catalogOf, type Catalog } from './records/catalog.ts';
import { BODY_LINK, type Collection } from './schemas/index.ts';

/** The loader context as Astro passes it: with the entry types the glob loader reads files through. */
type GlobContext = LoaderContext & { entryTypes: Map<string, ContentEntryType> };

/**
 * The content layer's view of one kind of record, read by the handbook's own reader: the
 * frontmatter is split and parsed by `parseFrontmatter`, the parser `handbook check` uses,
 * so the site shows the values check validated (dates and date-times kept exactly as
 * written, with their offsets; YAML 1.2, so `no` stays a string). Astro's glob loader still
 * finds the files, renders Markdown through the site's pipeline, compiles MDX and watches
 * for changes in dev.
 *
 * Values are not validated again here: in a build the gate (`handbook check`) has already
 * refused any record with a problem, and in dev a record with problems must still load so
 * its page can show them instead of the server stopping.
 */
export function recordsLoader(collection: Collection, content: string, { dev = false }: { dev?: boolean } = {}): Loader {
  const pattern = '[^_]*.{md,mdx}';
  return {
    name: 'handbook-records',
    load: async (loaderContext) => {
      const context = loaderContext as GlobContext;
      const root = fileURLToPath(context.config.root);
      const dir = isAbsolute(content) ? content : resolve(root, content);
      // The store outlives a build: entries read from another handbook folder must not
      // mix with this one (same ids, files that no longer exist).
      if (context.meta.get('content') !== dir) {
        context.store.clear();
        context.meta.set('content', dir);
      }
      const catalog = catalogOf(dir);
      // In dev a page renders a record's body when it is asked for, not every body at start,
      // and reads records from the store as the loader changes it (see recordsChanged).
      const inner = glob({ pattern, base: join(dir, collection), deferRender: dev });
      const store = dev ? storeTelling(collection, context.store) : context.store;
      if (dev) recordsChanged(collection, context.store);
      await inner.load({
        ...context,
        entryTypes: new Map([...context.entryTypes].map(([ext, type]) => [ext, { ...type, getEntryInfo: (file: { contents: string; fileUrl: URL }) => readEntry(file, catalog) }])),
        // The glob loader reuses a rendered entry whose digest is unchanged; a record's
        // page also shows the titles of the records it links to, so they are part of it.
        generateDigest: (data) => context.generateDigest(typeof data === 'string' ? `${data}\0${linkedTitles(data, (ref) => catalog.get(ref)?.title)}` : data),
        parseData: async ({ data }) => data,
        store,
      } as GlobContext);
    },
  };
}

/** The store, telling the dev server's pages whenever a record is stored or deleted. */
function storeTelling(collection: string, store: LoaderContext['store']): LoaderContext['store'] {
  return new Proxy(store, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (key !== 'set' && key !== 'delete' && key !== 'clear') return value;
      return (...args: unknown[]) => {
        const result = (value as (...a: unknown[]) => unknown).apply(target, args);
        recordsChanged(collection, target);
        return result;
      };
    },
  });
}

/** Splits a record as `handbook check` does; a record whose frontmatter does not parse keeps its whole text as body. */
function readEntry({ contents, fileUrl }: { contents: string; fileUrl: URL }, catalog: Catalog) {
  const text = contents.startsWith('\uFEFF') ? contents.slice(1) : contents;
  const frontmatter = parseFrontmatter(text);
  catalog.remember(fileURLToPath(fileUrl), frontmatter.ok ? (frontmatter.data as Record<string, unknown>) : undefined);
  if (!frontmatter.ok) return { data: {}, body: text, rawData: '', slug: '' };
  return { data: frontmatter.data as Record<string, unknown>, body: text.slice(frontmatter.bodyOffset), rawData: frontmatter.locator.text, slug: '' };
}

function linkedTitles(text: string, title: (ref: string) => string | undefined): string {
  if (!text.includes('[[')) return '';
  return [...text.matchAll(BODY_LINK)].map((m) => title(`${m[1]}/${m[2]}`) ?? '').join('\0');
}
