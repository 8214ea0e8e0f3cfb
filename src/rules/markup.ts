import type { Problem } from '../records/problem.ts';
import { problem, type RecordRule } from './context.ts';

/** An HTML tag as CommonMark passes it through: `<name`, then attributes, then `>`. */
const TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?=[\s/>])[^<>]*>?/g;
/** A template prompt such as `<What changes for whom>`: reported by the placeholder rule instead. */
const PROMPT = /^<[A-Za-z][^<>=/"'\n]*\s[^<>=/"'\n]*>$/;
/** Link destinations (inline, reference definitions, autolinks) whose scheme runs code or embeds content. */
const UNSAFE_URL = /(?:\]\(\s*<?|^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*<?|<)[ \t]*((?:javascript|vbscript|data|file):)/gim;

const SCHEMES = /(?:javascript|vbscript|data|file):/i;

/**
 * Raw HTML in a `.md` record is refused rather than published: the site renders record
 * bodies as HTML, and a `<script>`, an `onerror=` attribute or an `<iframe>` written in a
 * pull request would run for every reader. `.mdx` records are code and are reviewed as
 * code. Comments (`<!-- … -->`) are allowed; drafts are never published.
 */
export const rawHtml: RecordRule = (record) => {
  if (!record.file.endsWith('.md')) return [];
  const found: Problem[] = [];
  for (const prose of record.body.prose) {
    if (!prose.source.includes('<')) continue;
    for (const match of prose.source.matchAll(TAG)) {
      if (PROMPT.test(match[0])) continue;
      const tag = /^<\/?[A-Za-z][A-Za-z0-9-]*/.exec(match[0])![0];
      found.push(problem(record, record.body.lines.positionAt(prose.offset + match.index), 'raw-html', `Unexpected raw HTML \`${tag}>\`, expected Markdown: HTML in .md records is not published (write \`&lt;\` for a literal \`<\`, or put code in backticks)`));
    }
  }
  return found;
};

/** Links in a record body go to http(s), mailto or relative addresses, never to `javascript:` or `data:`. */
export const unsafeLinks: RecordRule = (record) =>
  record.body.prose.flatMap((prose) =>
    // A plain search for the schemes first: the full pattern is slow to scan prose with.
    !SCHEMES.test(prose.source) ? [] : [...prose.source.matchAll(UNSAFE_URL)].map((match) =>
      problem(record, record.body.lines.positionAt(prose.offset + match.index + match[0].length - match[1]!.length), 'unsafe-link', `Unexpected \`${match[1]!.toLowerCase()}\` link, expected an http(s), mailto or relative address`),
    ),
  );
