import { createIndex, close } from 'pagefind';

/**
 * Indexes the published record pages of a built site with Pagefind's Node API and writes
 * the index and its UI into `<dir>/pagefind/`. Registers and dashboards are not indexed:
 * a search result is always a record.
 */
export async function indexSite(dir: string): Promise<{ pages: number }> {
  const { index, errors } = await createIndex({});
  if (index === undefined) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: dir, glob: '{outcomes,decisions,postmortems}/*/index.html' });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: `${dir.replace(/\/$/, '')}/pagefind` });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return { pages: added.page_count };
  } finally {
    await close();
  }
}
