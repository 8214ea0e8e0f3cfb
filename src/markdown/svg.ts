import type { Element, Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { LineIndex } from '../records/text.ts';

/** Something in an SVG file that could run script or load content from elsewhere once the file is opened on the site's origin. */
export interface SvgProblem {
  line: number;
  column: number;
  /** What was found, as a message names it: "`<script>` element". */
  found: string;
  message: string;
}

/** Elements that run script, embed documents or change how the file loads. */
const ELEMENTS = new Set(['script', 'foreignobject', 'iframe', 'embed', 'object', 'handler', 'listener', 'applet', 'frame', 'frameset', 'portal', 'meta', 'link', 'base']);
/** Raster images embedded in the file itself, which load nothing and run nothing. */
const RASTER_DATA = /^data:image\/(?:png|jpeg|gif|webp|avif);/i;
/** Characters a browser skips inside a scheme, and CSS quotes around a url(). */
const IGNORED = /[\u0000-\u0020\u007F-\u00A0"']/g;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
/** Anywhere in an attribute: `<set to="javascript:…">` and `values="…"` animate an address into place. */
const SCRIPT_SCHEME = /(?:javascript|vbscript):/i;
const DECLARATION = /<!(?:DOCTYPE|ENTITY)\b/gi;

/**
 * The problems of an SVG file: `<script>` and other active elements, `on…=` event handlers,
 * `<foreignObject>`, `javascript:` anywhere in an attribute, `href`/`xlink:href` to another
 * site (and `<use>` of any other file), `url(…)` to another site and `@import` in styles,
 * `<?xml-stylesheet?>`, and `<!DOCTYPE>`/`<!ENTITY>` declarations (entities can hide any of
 * these). The file is read by parse5 in the SVG namespace, as a browser reads SVG in HTML;
 * names are compared without their namespace prefix, so `<svg:script>` counts as a script.
 * Linear in the size of the file.
 */
export function svgProblems(text: string): SvgProblem[] {
  const found: { line: number; column: number; found: string }[] = [];
  const add = (at: { line: number; column: number } | undefined, what: string): void => {
    found.push({ line: at?.line ?? 1, column: at?.column ?? 1, found: what });
  };
  const lines = new LineIndex(text);
  for (const match of text.matchAll(DECLARATION)) add(lines.positionAt(match.index), `\`${match[0]}>\` declaration`);
  const visit = (node: Nodes): void => {
    if (node.type === 'comment' && /^\?xml-stylesheet\b/i.test(node.value)) add(node.position?.start, 'external stylesheet `<?xml-stylesheet?>`');
    if (node.type === 'element') inspect(node, add);
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(fromHtml(text, { fragment: true, space: 'svg', verbose: true }));
  return found
    .sort((a, b) => a.line - b.line || a.column - b.column)
    .map((problem) => ({ ...problem, message: `Unexpected ${problem.found}, expected an SVG without scripts, event handlers or external references` }));
}

function inspect(element: Element, add: (at: { line: number; column: number } | undefined, what: string) => void): void {
  const name = localName(element.tagName);
  if (ELEMENTS.has(name)) add(element.position?.start, `\`<${element.tagName}>\` element`);
  if (name === 'style') {
    const css = element.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
    for (const what of cssProblems(css)) add(element.position?.start, what);
  }
  const places = (element.data as { position?: { properties?: Record<string, { start: { line: number; column: number } } | undefined> } } | undefined)?.position?.properties ?? {};
  for (const [property, raw] of Object.entries(element.properties)) {
    const attribute = attributeName(property);
    const value = Array.isArray(raw) ? raw.join(' ') : String(raw);
    const at = places[property]?.start ?? element.position?.start;
    const judged = value.replace(IGNORED, '');
    const script = SCRIPT_SCHEME.exec(judged)?.[0];
    if (attribute.startsWith('on')) add(at, `\`${attribute}\` event handler`);
    else if (script !== undefined) add(at, `\`${script.toLowerCase()}\` address in \`${attribute}\``);
    else if (localName(attribute).endsWith('href') && isExternal(judged, name)) add(at, `external reference \`${value.trim()}\` in \`${attribute}\``);
    else if (attribute === 'style') for (const what of cssProblems(value)) add(at, what);
  }
}

/**
 * Whether an address loads something from elsewhere: another site or scheme, or (for `<use>`)
 * any other file. A hyperlink (`<a href>`) loads nothing until a reader follows it, so it may
 * go to http(s) and mailto like a link in a record.
 */
function isExternal(url: string, element: string): boolean {
  if (url === '' || url.startsWith('#')) return false;
  if (element === 'use') return true;
  if (RASTER_DATA.test(url)) return false;
  if (element === 'a' && /^(?:https?|mailto):/i.test(url)) return false;
  return url.startsWith('//') || SCHEME.test(url);
}

/** `@import`, `url(…)` to another site, and CSS escapes (which can spell either) in a style sheet or `style` attribute. */
function cssProblems(css: string): string[] {
  const problems: string[] = [];
  const lower = css.toLowerCase();
  if (lower.includes('@import')) problems.push('`@import` in a style');
  if (css.includes('\\')) problems.push('CSS escape `\\` in a style');
  // Each search starts past the last `)`, so a run of unclosed `url(` is read once.
  for (let at = lower.indexOf('url('); at !== -1; ) {
    const close = css.indexOf(')', at);
    const target = css.slice(at + 4, close === -1 ? css.length : close);
    if (isExternal(target.replace(IGNORED, ''), 'style')) problems.push(`external \`url(${target.trim()})\` in a style`);
    if (close === -1) break;
    at = lower.indexOf('url(', close + 1);
  }
  return problems;
}

/** An element or attribute name without its namespace prefix, lower-cased: `svg:script` → `script`. */
function localName(name: string): string {
  return name.slice(name.lastIndexOf(':') + 1).toLowerCase();
}

/** hast's property name as the attribute was written: `onLoad` → `onload`, `xLinkHref` → `xlink:href`. */
function attributeName(property: string): string {
  return property
    .replace(/^xLink(?=[A-Z])/, 'xlink:')
    .replace(/^xmlns(?=[A-Z])/, 'xmlns:')
    .replace(/^xml(?=[A-Z])/, 'xml:')
    .toLowerCase();
}

/** Every SVG under a built site that has problems, with its path relative to the site folder: the build's last look before publishing. */
export function unsafeSvgFiles(distDir: string): { file: string; problems: SvgProblem[] }[] {
  return readdirSync(distDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.svg'))
    .map((entry) => relative(distDir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort()
    .flatMap((file) => {
      const problems = svgProblems(readFileSync(join(distDir, file), 'utf8'));
      return problems.length > 0 ? [{ file, problems }] : [];
    });
}
