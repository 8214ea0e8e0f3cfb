import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, formatGithub, formatPretty, useColour } from '../../src/check/report.ts';

describe('GitHub annotations', () => {
  it('escapes %, CR and LF in messages, and also : and , in properties', () => {
    expect(escapeData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
    expect(escapeProperty('a:b,c%d\ne')).toBe('a%3Ab%2Cc%25d%0Ae');
  });

  it('keeps a file name with a comma or colon in one property, and a multi-line message on one line', () => {
    const out = formatGithub([
      { file: 'content/decisions/0001-a,b:c.md', line: 3, column: 7, severity: 'warning', rule: 'review-overdue', message: 'Line one\nline two at 50%' },
    ]);
    expect(out).toBe('::warning file=content/decisions/0001-a%2Cb%3Ac.md,line=3,col=7,title=handbook review-overdue::Line one%0Aline two at 50%25\n');
    expect(out.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('when output is coloured', () => {
  const terminal = { isTTY: true };
  const pipe = { isTTY: false };

  it('colours a terminal and not a pipe or a file', () => {
    expect(useColour(terminal, {})).toBe(true);
    expect(useColour(pipe, {})).toBe(false);
    expect(useColour(terminal, { TERM: 'dumb' })).toBe(false);
  });

  it('never colours with NO_COLOR set to anything but the empty string', () => {
    expect(useColour(terminal, { NO_COLOR: '1' })).toBe(false);
    expect(useColour(terminal, { NO_COLOR: 'true' })).toBe(false);
    expect(useColour(terminal, { NO_COLOR: '' })).toBe(true);
  });

  it('colours any stream with FORCE_COLOR, which wins over NO_COLOR as in Node, unless it is 0 or false', () => {
    expect(useColour(pipe, { FORCE_COLOR: '1' })).toBe(true);
    expect(useColour(pipe, { FORCE_COLOR: '' })).toBe(true);
    expect(useColour(pipe, { FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(true);
    expect(useColour(terminal, { FORCE_COLOR: '0' })).toBe(false);
    expect(useColour(terminal, { FORCE_COLOR: 'false' })).toBe(false);
  });
});

describe('pretty output', () => {
  it('escapes control characters in file names, messages and rule ids', () => {
    const out = formatPretty([{ file: 'content/a\u001b[2J.md', line: 1, column: 1, severity: 'error', rule: 'rule\u0007', message: 'Unexpected \u009b31m' }], 1);
    expect(out).toMatchInlineSnapshot(`
      "content/a\\u001b[2J.md
        1:1      error    Unexpected \\u009b31m  rule\\u0007

      1 error, 0 warnings in 1 record
      "
    `);
  });
});
