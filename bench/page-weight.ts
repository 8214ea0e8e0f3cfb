import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString as textOf } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

/**
 * What a record page may weigh: its HTML and the CSS it loads, in bytes as a reader
 * downloads them (gzip, which every static host applies to text). The uncompressed size is
 * held to a ceiling as well, so markup cannot grow unnoticed behind good compression.
 */
export const PAGE_BUDGET = 20 * 1024;
export const RAW_CEILING = 40 * 1024;

/** Why a record page runs a script: the only two a record page may have, or anything else. */
export type ScriptRole = 'search' | 'theme toggle' | 'other';

export interface PageScript {
  /** The script's URL, or `inline`. */
  source: string;
  bytes: number;
  role: ScriptRole;
}

export interface PageWeight {
  /** The page's folder inside the site, e.g. `decisions/0001-cache-tokens/`. */
  page: string;
  htmlBytes: number;
  cssBytes: number;
  /** HTML plus CSS, uncompressed: held to RAW_CEILING. */
  bytes: number;
  /** HTML plus CSS as downloaded, gzip-compressed: what PAGE_BUDGET holds. */
  transferBytes: number;
  scripts: PageScript[];
}

const RECORD_KINDS = ['outcomes', 'decisions', 'postmortems'];

/** The most a theme toggle needs: a script this large does more than switch colours. */
export const TOGGLE_BUDGET = 2 * 1024;

/**
 * Tells the two scripts a record page may carry from any other: Pagefind's search (its
 * files, or a module that loads them) and a small switch between the light and dark themes.
 */
function roleOf(source: string, text: string): ScriptRole {
  if (source.includes('/pagefind/') || /pagefind/i.test(text)) return 'search';
  if (/\btheme\b|prefers-color-scheme/i.test(text) && Buffer.byteLength(text) <= TOGGLE_BUDGET) return 'theme toggle';
  return 'other';
}

/**
 * Weighs one built page: its HTML, every stylesheet it links (each file counted once) and
 * every script it runs or preloads, inline or from the site. `base` is the site's base
 * path, which local URLs start with.
 */
export function weighPage(siteDir: string, page: string, base = '/'): PageWeight {
  const html = readFileSync(join(siteDir, page, 'index.html'), 'utf8');
  const local = (url: string): string | undefined => (url.startsWith(base) ? join(siteDir, url.slice(base.length).split(/[?#]/)[0]!) : undefined);
  // A file the site does not hold weighs nothing here; the site tests find broken links.
  const read = (url: string): string => {
    const file = local(url);
    return file === undefined || !existsSync(file) ? '' : readFileSync(file, 'utf8');
  };
  const stylesheets = new Set<string>();
  const scripts: PageScript[] = [];
  visit(fromHtml(html) as Root, 'element', (node: Element) => {
    const { rel, href, src } = node.properties;
    const rels = Array.isArray(rel) ? rel.map(String) : [];
    if (node.tagName === 'link' && typeof href === 'string' && rels.includes('stylesheet')) stylesheets.add(href);
    if (node.tagName === 'link' && typeof href === 'string' && rels.includes('modulepreload')) {
      const text = read(href);
      scripts.push({ source: href, bytes: Buffer.byteLength(text), role: roleOf(href, text) });
    }
    if (node.tagName !== 'script' || /json/.test(String(node.properties['type'] ?? ''))) return;
    const source = typeof src === 'string' ? src : 'inline';
    const text = typeof src === 'string' ? read(src) : textOf(node);
    scripts.push({ source, bytes: Buffer.byteLength(text), role: roleOf(source, text) });
  });
  const htmlBytes = Buffer.byteLength(html);
  const css = [...stylesheets].map(read);
  const cssBytes = css.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  const transferBytes = [html, ...css].reduce((sum, text) => sum + gzipSync(text).length, 0);
  return { page: `${page}/`, htmlBytes, cssBytes, bytes: htmlBytes + cssBytes, transferBytes, scripts };
}

/** Every record page of a built site, as folders relative to it. */
export function recordPages(siteDir: string): string[] {
  return RECORD_KINDS.flatMap((kind) => {
    const dir = join(siteDir, kind);
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `${kind}/${entry.name}`);
  });
}

/**
 * The heaviest record page of each kind: its HTML file is the largest of the kind, and the
 * pages of a kind share one template, so they link the same stylesheets and scripts. Reading
 * file sizes first keeps this to three parsed pages on a site of 100,000 records.
 */
export function heaviestRecordPages(siteDir: string, base = '/'): PageWeight[] {
  const largest = new Map<string, { page: string; size: number }>();
  for (const page of recordPages(siteDir)) {
    const kind = page.split('/')[0]!;
    const size = statSync(join(siteDir, page, 'index.html')).size;
    if (size > (largest.get(kind)?.size ?? -1)) largest.set(kind, { page, size });
  }
  return [...largest.values()].map(({ page }) => weighPage(siteDir, page, base));
}
