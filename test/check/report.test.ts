import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, formatGithub } from '../../src/check/report.ts';

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
