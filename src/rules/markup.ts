import { isComment, isSafeUrl, schemeOf } from '../markdown/policy.ts';
import { problem, type RecordRule } from './context.ts';

/** The opening of a tag or declaration as a writer would name it: `<script`, `</b`, `<!DOCTYPE`. */
const TAG_NAME = /^<[/!?]?[A-Za-z][A-Za-z0-9-]*/;

/**
 * A template prompt such as `<What changes for whom>`: words separated by spaces, without
 * `=`, `/` or quotes, so real HTML such as `<abbr title="…">` is not mistaken for one. The
 * placeholder rule reports it instead. Checked character by character: a regex with two
 * greedy runs around a space backtracks quadratically on a long line of spaces.
 */
export function isPrompt(value: string): boolean {
  if (value.length < 3 || value[0] !== '<' || value.at(-1) !== '>' || !/[A-Za-z]/.test(value[1] ?? '')) return false;
  let space = false;
  for (let i = 1; i < value.length - 1; i++) {
    const char = value[i] ?? '';
    if ('<>=/"\'\n'.includes(char)) return false;
    if (/\s/.test(char)) space = true;
  }
  return space;
}

/**
 * Raw HTML in a `.md` record is refused: the site shows it as text rather than run it (a
 * `<script>`, an `onerror=` attribute or an `<iframe>` written in a pull request would run
 * for every reader), so a writer who wrote it meant something else. The rule reads the
 * HTML CommonMark itself finds, wherever it is: headings, tables, list items, block
 * quotes. `.mdx` records are code and are reviewed as code. Comments are allowed (the site
 * drops them); drafts are never published.
 */
export const rawHtml: RecordRule = (record) => {
  if (!record.file.endsWith('.md')) return [];
  return record.body.html
    .filter(({ value }) => !isComment(value) && !isPrompt(value.trim()))
    .map(({ value, position }) => {
      const tag = TAG_NAME.exec(value.trimStart())?.[0] ?? value.trimStart().slice(0, 12);
      return problem(
        record,
        position,
        'raw-html',
        `Unexpected raw HTML \`${tag}>\`, expected Markdown: HTML in .md records is shown as text, never run (write \`&lt;\` for a literal \`<\`, or put code in backticks)`,
      );
    });
};

const KIND_NAMES = { link: 'link', image: 'image', definition: 'link definition' } as const;

/**
 * Links, images and reference definitions in a record body go to http(s), mailto or
 * relative addresses, never to `javascript:` or `data:`: judged on the destination as the
 * renderer reads it (character references decoded, escapes removed), so `&#106;avascript:`
 * and `javascript\:` are caught too. The site turns such a link into plain text.
 */
export const unsafeLinks: RecordRule = (record) =>
  record.body.links
    .filter(({ url }) => !isSafeUrl(url))
    .map(({ kind, url, position }) => problem(record, position, 'unsafe-link', `Unexpected \`${schemeOf(url)}\` ${KIND_NAMES[kind]}, expected an http(s), mailto or relative address`));
