import type { Element } from 'hast';
import { isSafeUrl } from '../../src/markdown/policy.ts';
import { elements } from './render.ts';

/** The elements Markdown itself produces (GFM tables, task lists and footnotes included): nothing else may reach a page. */
const ELEMENTS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'a',
  'em',
  'strong',
  'del',
  'code',
  'pre',
  'span',
  'ul',
  'ol',
  'li',
  'blockquote',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'hr',
  'br',
  'img',
  'input',
  'section',
  'sup',
]);
/** Their properties (hast names). `__astro_image_` is Astro's marker (`__ASTRO_IMAGE_`) for a local image it will process. */
const PROPERTIES = new Set([
  'href',
  'src',
  'alt',
  'title',
  'id',
  'className',
  'align',
  'type',
  'checked',
  'disabled',
  'start',
  'dataLanguage',
  'dataFootnotes',
  'dataFootnoteRef',
  'dataFootnoteBackref',
  'ariaDescribedBy',
  'ariaLabel',
  '__astro_image_',
]);

/** What in rendered HTML is outside the allow-list: unknown elements or attributes, unsafe addresses, inputs other than task-list checkboxes. */
export function disallowed(html: string): string[] {
  return elements(html).flatMap((element: Element) => {
    const found: string[] = [];
    if (!ELEMENTS.has(element.tagName)) found.push(`<${element.tagName}>`);
    for (const [name, value] of Object.entries(element.properties)) {
      if (!PROPERTIES.has(name)) found.push(`${element.tagName}[${name}]`);
      else if ((name === 'href' || name === 'src') && !isSafeUrl(String(value))) found.push(`${element.tagName}[${name}=${String(value)}]`);
    }
    if (element.tagName === 'input' && element.properties['type'] !== 'checkbox') found.push('<input> that is no checkbox');
    return found;
  });
}
