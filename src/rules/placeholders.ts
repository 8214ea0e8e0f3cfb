import type { Problem } from '../records/problem.ts';
import { isDraft, isUnreviewedImport, problem, type RecordRule } from './context.ts';
import { isPrompt } from './markup.ts';

/**
 * What a template leaves behind: the usual markers, filler text, and `{{…}}` or `<…>`
 * prompts. Every repetition stops at the next `<`, `{` or line end, so no match attempt
 * runs past where the next one starts (linear however the text is built); whether a `<…>`
 * is a prompt rather than HTML such as `<abbr title="…">` is decided by `isPrompt`.
 */
const PLACEHOLDER = /\b(?:TODO|TBD|FIXME)\b|lorem ipsum|\{\{[^{}\n]*\}\}|<(?:…|\.\.\.|[A-Za-z][^<>=/"'\n]*)>/gi;
const MARKERS = new Set(['TODO', 'TBD', 'FIXME']);

function isPlaceholder(value: string): boolean {
  if (/^(?:todo|tbd|fixme)$/i.test(value)) return MARKERS.has(value);
  return !value.startsWith('<') || value === '<…>' || value === '<...>' || isPrompt(value);
}

function matches(text: string): { index: number; value: string }[] {
  return [...text.matchAll(PLACEHOLDER)].filter((match) => isPlaceholder(match[0])).map((match) => ({ index: match.index, value: match[0] }));
}

const message = (value: string): string => `Unexpected placeholder \`${value}\`, expected the real text once the record leaves draft`;

/**
 * No template placeholder survives in a record past draft, in frontmatter or body. In an
 * imported record nobody has reviewed, a `TODO` is the source's own history: a warning.
 */
export const placeholders: RecordRule = (record) => {
  if (isDraft(record)) return [];
  const severity = isUnreviewedImport(record) ? 'warning' : 'error';
  const found: Problem[] = [];
  for (const { value, position } of record.locator.scan(PLACEHOLDER)) {
    if (matches(value).length > 0) found.push(problem(record, position, 'placeholder', message(value), severity));
  }
  for (const prose of record.body.prose) {
    for (const match of matches(prose.source)) {
      found.push(problem(record, record.body.lines.positionAt(prose.offset + match.index), 'placeholder', message(match.value), severity));
    }
  }
  return found;
};
