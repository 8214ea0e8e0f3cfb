import { BODY_LINK } from '../schemas/common.ts';
import { analyseBody, type Body } from './body.ts';

/** The `<collection>/<id>` of every `[[…]]` link in a body's prose (never in code), in order. */
export function proseRefs(body: Body): string[] {
  return body.prose.flatMap((prose) => [...prose.source.matchAll(BODY_LINK)].map((m) => `${m[1]}/${m[2]}`));
}

/** proseRefs of a Markdown (or MDX) text without frontmatter, read as `handbook check` reads record bodies. */
export function markdownRefs(text: string, { mdx = false } = {}): string[] {
  if (!text.includes('[[')) return [];
  const analysed = analyseBody(text, { isMdx: mdx, bodyLine: 1, bodyOffset: 0 });
  return analysed.ok ? proseRefs(analysed.body) : [];
}
