import type { Definition, Html, Image, Link, Nodes, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { posix } from 'node:path';
import { SKIP, visit } from 'unist-util-visit';
import { IMAGES } from './files.ts';
import { sourceMarkdown } from './markdown.ts';

/** Where a link to an imported record now points. */
export interface RecordTarget {
  /** The record's file under the handbook folder, e.g. `decisions/0003-use-postgres.md`. */
  path: string;
  /** Drafts are never published: a link to one keeps its words and loses its target. */
  draft: boolean;
}

/** What a rewrite asks of the import: the new home of linked records and shown images. */
export interface LinkResolver {
  /** The record a source file became, by its path under the source root without extension. */
  record(key: string): RecordTarget | undefined;
  /** The record an ADR number in prose ("ADR 10", "ADR-0010") refers to, if exactly one has it. */
  number(value: number): RecordTarget | undefined;
  /** The new address of a local image (a path under the source root), once it is copied, or why it cannot be. */
  image(path: string): { url: string } | { reason: string };
}

/** What a rewrite did that the report should say. */
export interface RewriteNotes {
  notes: string[];
  /** Images on other hosts, left as they are. */
  remoteImages: string[];
}

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;
const RECORD_FILE = /\.(md|markdown|mdx)$/i;
/** "ADR 10", "ADR-0010", "ADR #10", "adr#7": how prose refers to a decision by number. */
const PROSE_REF = /(?<![\w/.-])ADR[ \t]?[-#]?[ \t]?0*(\d{1,5})(?![\w-])/gi;

/** A link destination relative to a source file, as a path under the source root, or undefined when it leaves the root or is not a path. */
export function resolveHref(from: string, href: string): { path: string; hash: string } | undefined {
  if (href === '' || EXTERNAL.test(href) || href.startsWith('#') || href.startsWith('/')) return undefined;
  const cut = href.search(/[?#]/);
  const raw = cut === -1 ? href : href.slice(0, cut);
  let decoded: string;
  try {
    decoded = decodeURI(raw);
  } catch {
    return undefined;
  }
  const path = posix.normalize(posix.join(posix.dirname(from), decoded));
  return path.startsWith('../') || path === '..' ? undefined : { path, hash: cut === -1 ? '' : href.slice(cut).replace(/^\?[^#]*/, '') };
}

/** The destination of an inline link or image as written, with where it sits in `text`. */
function destination(text: string, node: Link | Image): { from: number; to: number } | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const source = text.slice(start, end);
  const match = /\]\(\s*(<[^>\n]*>|[^\s<>]*?)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)$/.exec(source);
  if (match === null) return undefined;
  const at = start + match.index + match[0].indexOf(match[1]!, 2);
  return { from: at, to: at + match[1]!.length };
}

/** A definition's destination (`[label]: url`), with where it sits in `text`. */
function definitionDestination(text: string, node: Definition): { from: number; to: number } | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const match = /^\s*\[[^\]]*\]:\s*(<[^>\n]*>|\S+)/.exec(text.slice(start, end));
  if (match === null) return undefined;
  const at = start + match[0].length - match[1]!.length;
  return { from: at, to: at + match[1]!.length };
}

interface Edit {
  from: number;
  to: number;
  text: string;
}

/**
 * Rewrites a piece of a source record for its new home, changing addresses and never words:
 * links to imported records point at their new files (`[text](../decisions/0003-x.md)`, the
 * text kept), "ADR 10" in prose becomes a link to the record that was ADR 10, local images
 * are copied beside the record and shown from there. A link to a record that comes in as a
 * draft keeps its words without a target (drafts are not published); an image that cannot be
 * copied becomes a link to where it was, so the page still builds. Raw HTML, which the site
 * does not publish, is escaped so its text shows as written (`<command>` in prose was meant
 * literally far more often than as markup). Comments and code are never touched.
 */
export function rewriteBody(text: string, from: string, resolver: LinkResolver, notes: RewriteNotes): string {
  if (!text.includes('](') && !text.includes(']:') && !text.includes('<') && !/adr/i.test(text)) return text;
  const tree = sourceMarkdown.parse(text);
  const edits: Edit[] = [];
  const linkTo = (target: RecordTarget, hash: string): string => `../${target.path}${hash}`;
  const recordFor = (href: string): { target: RecordTarget; hash: string; path: string } | undefined => {
    const resolved = resolveHref(from, href);
    if (resolved === undefined || !RECORD_FILE.test(resolved.path)) return undefined;
    const target = resolver.record(resolved.path.replace(RECORD_FILE, ''));
    return target === undefined ? undefined : { target, hash: resolved.hash, path: resolved.path };
  };

  // Link, image and code subtrees are skipped, so every text node visited is prose outside a link.
  visit(tree, (node: Nodes) => {
    if (node.type === 'html') {
      escapeHtml(text, node, notes, edits);
      return SKIP;
    }
    if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'linkReference') return SKIP;
    if (node.type === 'link') {
      const found = recordFor(node.url);
      const place = destination(text, node);
      if (found === undefined || place === undefined) {
        const resolved = resolveHref(from, node.url);
        if (resolved !== undefined && RECORD_FILE.test(resolved.path)) notes.notes.push(`Unmapped link to \`${node.url}\`: no record was imported from ${resolved.path}; the link is kept as written`);
        return SKIP;
      }
      if (found.target.draft) {
        const first = node.children[0]?.position?.start.offset;
        const last = node.children.at(-1)?.position?.end.offset;
        edits.push({ from: node.position!.start.offset!, to: node.position!.end.offset!, text: first === undefined || last === undefined ? '' : text.slice(first, last) });
        notes.notes.push(`Link to \`${node.url}\` kept as its text: ${found.target.path} comes in as a draft, and drafts are not published`);
      } else edits.push({ ...place, text: linkTo(found.target, found.hash) });
      return SKIP;
    }
    if (node.type === 'image') {
      imageEdit(text, node, from, resolver, notes, edits);
      return SKIP;
    }
    if (node.type === 'definition') {
      const place = definitionDestination(text, node);
      const found = recordFor(node.url);
      if (found !== undefined && place !== undefined && !found.target.draft) edits.push({ ...place, text: linkTo(found.target, found.hash) });
      return SKIP;
    }
    if (node.type === 'text') proseRefs(text, node, resolver, edits);
    return undefined;
  });
  return applyEdits(text, edits);
}

/** "ADR 10" in a text node, as a link when exactly one imported decision was ADR 10. */
function proseRefs(text: string, node: Text, resolver: LinkResolver, edits: Edit[]): void {
  const offset = node.position?.start.offset;
  if (offset === undefined) return;
  for (const match of node.value.matchAll(PROSE_REF)) {
    const target = resolver.number(Number(match[1]));
    if (target === undefined || target.draft) continue;
    // A text node's value has escapes resolved: where the source differs, offsets do too.
    const at = offset + match.index;
    if (text.slice(at, at + match[0].length) !== match[0]) continue;
    edits.push({ from: at, to: at + match[0].length, text: `[${match[0]}](../${target.path})` });
  }
}

function imageEdit(text: string, node: Image, from: string, resolver: LinkResolver, notes: RewriteNotes, edits: Edit[]): void {
  const place = destination(text, node);
  if (place === undefined) return;
  if (/^(?:https?:)?\/\//i.test(node.url)) {
    notes.remoteImages.push(node.url);
    return;
  }
  if (node.url.startsWith('/')) {
    notes.notes.push(`Image \`${node.url}\` left as written: a path on the old site, not a file of the source`);
    return;
  }
  const resolved = resolveHref(from, node.url);
  const copied =
    resolved === undefined ? { reason: 'outside the source repository' } : IMAGES.has(posix.extname(resolved.path).toLowerCase()) ? resolver.image(resolved.path) : { reason: 'not an image file' };
  if ('url' in copied) {
    edits.push({ ...place, text: copied.url });
    return;
  }
  // An image the site cannot find fails the build; a link to where it was keeps the words.
  const start = node.position!.start.offset!;
  edits.push({ from: start, to: start + 1, text: '' });
  notes.notes.push(`Image \`${node.url}\` not copied (${copied.reason}): now a link to where it was`);
  if (toString(node) === '' && node.alt === '') edits.push({ from: start + 1, to: start + 2, text: `[${posix.basename(node.url)}` });
}

/** Every `<` of a raw HTML node outside comments as `&lt;`, so the tag shows as text. */
function escapeHtml(text: string, node: Html, notes: RewriteNotes, edits: Edit[]): void {
  const start = node.position?.start.offset;
  if (start === undefined) return;
  const source = text.slice(start, node.position!.end.offset);
  const tags = [...source.matchAll(/<!--[\s\S]*?-->|<(?=[A-Za-z/!?])/g)].filter((match) => match[0] === '<');
  if (tags.length === 0) return;
  for (const match of tags) edits.push({ from: start + match.index, to: start + match.index + 1, text: '&lt;' });
  const names = tags.map((match) => `\`<${/^<\/?([A-Za-z][\w-]*)/.exec(source.slice(match.index))?.[1] ?? ''}>\``);
  // One note per record: the tags of every HTML node are gathered on it.
  const NOTE = / escaped to show as text: HTML is not published; write it as Markdown$/;
  const index = notes.notes.findIndex((note) => note.startsWith('Raw HTML ') && NOTE.test(note));
  const before =
    index === -1
      ? []
      : notes.notes[index]!.replace(/^Raw HTML /, '')
          .replace(NOTE, '')
          .split(', ');
  const note = `Raw HTML ${[...new Set([...before, ...names])].join(', ')} escaped to show as text: HTML is not published; write it as Markdown`;
  if (index === -1) notes.notes.push(note);
  else notes.notes[index] = note;
}

function applyEdits(text: string, edits: Edit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.from - a.from)) result = result.slice(0, edit.from) + edit.text + result.slice(edit.to);
  return result;
}
