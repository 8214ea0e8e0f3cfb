import type { Link, PhrasingContent, Root, Text } from 'mdast';
import { relative, sep } from 'node:path';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { recordLinkTarget } from '../model/links.ts';
import { catalogOf } from '../records/catalog.ts';
import { BODY_LINK } from '../schemas/common.ts';

export interface RecordLinksOptions {
  /** The handbook folder, absolute. */
  content: string;
  /** The site's base path, ending in `/`. */
  base: string;
  /** Whether links to drafts are links (in dev, where drafts are shown) or plain text (in a build). */
  drafts: boolean;
}

/**
 * Resolves links between records when a record is rendered: `[[decisions/0042-x]]` becomes
 * a link titled with the target's title, and plain Markdown links to record files
 * (`../decisions/0042-x.md`) or site paths (`/decisions/0042-x/`) point at the record's
 * page under the site's base. Code is never touched (mdast keeps it in its own nodes). A
 * link to a record that is missing or not published stays text, so a draft's name never
 * reaches a public page; `handbook check` reports such links at their line.
 */
export function remarkRecordLinks(options: RecordLinksOptions) {
  const catalog = catalogOf(options.content);
  const publishable = (ref: string): { title: string } | undefined => {
    const entry = catalog.get(ref);
    return entry !== undefined && (options.drafts || entry.status !== 'draft') ? entry : undefined;
  };
  const url = (ref: string, hash = ''): string => `${options.base}${ref}/${hash}`;

  return (tree: Root, file: VFile): void => {
    const path = file.path ? relative(options.content, file.path).split(sep).join('/') : '';
    const from = path.replace(/\.mdx?$/, '');
    visit(tree, (node, index, parent) => {
      if (parent === undefined || index === undefined) return;
      if (node.type === 'link') {
        const target = recordLinkTarget(node.url, from);
        if (target === undefined) return SKIP;
        if (publishable(target.ref) !== undefined) {
          node.url = url(target.ref, target.hash);
          return SKIP;
        }
        parent.children.splice(index, 1, ...(node.children as never[]));
        return [SKIP, index];
      }
      if (node.type !== 'text' || !node.value.includes('[[')) return;
      const parts = splitRefs(node, (ref) => {
        const entry = publishable(ref);
        return entry && { type: 'link', url: url(ref), data: { hProperties: { className: ['record-link'] } }, children: [{ type: 'text', value: entry.title }] };
      });
      parent.children.splice(index, 1, ...(parts as never[]));
      return [SKIP, index + parts.length];
    });
  };
}

/** A text node cut around its `[[…]]` references; unresolved ones stay text. */
function splitRefs(node: Text, resolve: (ref: string) => Link | undefined): PhrasingContent[] {
  const parts: PhrasingContent[] = [];
  let last = 0;
  for (const match of node.value.matchAll(BODY_LINK)) {
    const link = resolve(`${match[1]}/${match[2]}`);
    if (link === undefined) continue;
    if (match.index > last) parts.push({ type: 'text', value: node.value.slice(last, match.index) });
    parts.push(link);
    last = match.index + match[0].length;
  }
  if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) });
  return parts;
}
