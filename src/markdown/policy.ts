import { sanitizeUri } from 'micromark-util-sanitize-uri';

/** The schemes a `.md` record may link to; anything else (a relative address aside) could run code or embed content. */
const SAFE_SCHEMES = /^(?:https?|mailto)$/i;

/** Whitespace and control characters: browsers ignore them inside a scheme (`java\tscript:` runs). */
const IGNORED = /[\u0000-\u0020\u007F-\u00A0\u1680\u2000-\u200F\u2028-\u202F\u205F\u3000\uFEFF]/g;

/** A destination as it is judged: what is left once the characters a browser would skip are gone. */
function judged(url: string): string {
  return url.replace(IGNORED, '');
}

/**
 * Whether a link or image destination (as mdast holds it: character references decoded,
 * escapes removed) is one a `.md` record may publish: http(s), mailto or a relative address.
 * The scheme is found as micromark's own sanitiser finds it.
 */
export function isSafeUrl(url: string): boolean {
  const value = judged(url);
  return value === '' || sanitizeUri(value, SAFE_SCHEMES) !== '';
}

/** The scheme of an unsafe destination as a writer should read it, e.g. `javascript:`. */
export function schemeOf(url: string): string {
  const value = judged(url);
  return value.slice(0, value.indexOf(':') + 1).toLowerCase();
}

/** Whether raw HTML is one comment and nothing else (comments are dropped from pages, so they may stay in records). */
export function isComment(html: string): boolean {
  const value = html.trim();
  return value.startsWith('<!--') && value.endsWith('-->') && value.indexOf('-->', 2) === value.length - 3;
}
