import { posix } from 'node:path';
import { COLLECTIONS, type Collection } from '../schemas/common.ts';

/** `<collection>/<id>` of a record, the form `related` and `[[…]]` links use. */
export type Ref = `${Collection}/${string}`;

const RECORD_FILE = /^(outcomes|decisions|postmortems)\/([^/]+)\.mdx?$/;
const SITE_PATH = /^\/(outcomes|decisions|postmortems)\/([^/]+)\/?$/;

/**
 * The record a Markdown link destination points at, if it points at one: a relative path
 * to a record file (`../decisions/0042-adopt-postgres.md`, the adr-tools and MADR habit) or
 * a site path (`/decisions/0042-adopt-postgres/`). `from` is the linking record's ref.
 * Anything else (external URLs, images, anchors, other files) is not a record link.
 */
export function recordLinkTarget(url: string, from: string): { ref: string; hash: string } | undefined {
  if (url === '' || /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//') || url.startsWith('#')) return undefined;
  const cut = url.search(/[?#]/);
  const path = cut === -1 ? url : url.slice(0, cut);
  const hash = cut === -1 ? '' : url.slice(cut);
  let decoded: string;
  try {
    decoded = decodeURI(path);
  } catch {
    return undefined;
  }
  const site = SITE_PATH.exec(decoded);
  if (site) return { ref: `${site[1]}/${site[2]}`, hash };
  if (decoded.startsWith('/')) return undefined;
  const joined = posix.normalize(posix.join(posix.dirname(from), decoded));
  const file = RECORD_FILE.exec(joined);
  return file ? { ref: `${file[1]}/${file[2]}`, hash } : undefined;
}

/** True when `value` names a collection. */
export function isCollection(value: string): value is Collection {
  return (COLLECTIONS as readonly string[]).includes(value);
}
