import { BODY_LINK } from '../schemas/index.ts';

const escape = (text: string): string => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/**
 * Turns `[[collection/id]]` in rendered HTML into links titled with the target's title.
 * Links inside `<code>` and `<pre>` stay as written; a target that is not published
 * (a draft) stays as plain text.
 */
export function linkBodyRefs(html: string, resolve: (ref: string) => { url: string; title: string } | undefined): string {
  return html
    .split(/(<pre[\s\S]*?<\/pre>|<code[\s\S]*?<\/code>)/)
    .map((part, i) => {
      if (i % 2 === 1) return part;
      return part.replace(BODY_LINK, (whole, collection: string, id: string) => {
        const target = resolve(`${collection}/${id}`);
        return target ? `<a href="${escape(target.url)}" class="record-link">${escape(target.title)}</a>` : whole;
      });
    })
    .join('');
}
