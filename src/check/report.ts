import { styleText } from 'node:util';
import type { Problem } from '../records/problem.ts';
import { countErrors } from './index.ts';
import { visible } from './visible.ts';

export { useColour } from './colour.ts';

export const FORMATS = ['pretty', 'github', 'json'] as const;
export type Format = (typeof FORMATS)[number];

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Grouped by file, one line per problem, and a summary line; colours only when asked; control characters in any value are shown escaped, never sent to the terminal. */
export function formatPretty(problems: readonly Problem[], records: number, { colour = false, policy }: { colour?: boolean; policy?: string } = {}): string {
  const paint = (style: Parameters<typeof styleText>[0], text: string): string => (colour ? styleText(style, text, { validateStream: false }) : text);
  const lines: string[] = [];
  let file = '';
  for (const p of problems) {
    if (p.file !== file) {
      if (file !== '') lines.push('');
      file = p.file;
      lines.push(paint('underline', visible(file)));
    }
    const severity = p.severity === 'error' ? paint('red', 'error  ') : paint('yellow', 'warning');
    lines.push(`  ${`${p.line}:${p.column}`.padEnd(8)} ${severity}  ${visible(p.message)}  ${paint('dim', visible(p.rule))}`);
  }
  const { errors, warnings } = countErrors(problems);
  if (lines.length > 0) lines.push('');
  const summary = summaryLine(problems, records);
  // Which handbook.yaml judged the records, just above the counts it shaped.
  if (policy !== undefined) lines.push(paint('dim', policy));
  lines.push(errors > 0 ? paint(['bold', 'red'], summary) : warnings > 0 ? paint('yellow', summary) : paint('green', summary));
  return `${lines.join('\n')}\n`;
}

/** "2 errors, 1 warning in 44 records". */
export function summaryLine(problems: readonly Problem[], records: number): string {
  const { errors, warnings } = countErrors(problems);
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(records, 'record')}`;
}

/** GitHub Actions escaping: the message escapes `%`, CR and LF; properties also `:` and `,`. */
export function escapeData(value: string): string {
  return value.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

export function escapeProperty(value: string): string {
  return escapeData(value).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/** One workflow command per problem, so each appears as an annotation on the PR's line. */
export function formatGithub(problems: readonly Problem[]): string {
  return problems
    .map((p) => {
      const command = p.severity === 'error' ? 'error' : 'warning';
      const properties = `file=${escapeProperty(visible(p.file))},line=${p.line},col=${p.column},title=${escapeProperty(`handbook ${p.rule}`)}`;
      return `::${command} ${properties}::${escapeData(p.message)}\n`;
    })
    .join('');
}

/** The stable machine-readable shape other tools consume. */
export function formatJson(problems: readonly Problem[], records: number): string {
  const shaped = problems.map(({ file, line, column, severity, rule, message }) => ({ file, line, column, severity, rule, message }));
  return `${JSON.stringify({ problems: shaped, records }, null, 2)}\n`;
}
