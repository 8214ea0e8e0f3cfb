import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseBody, markdown, parseBody } from '../../src/records/body.ts';
import { parseFrontmatter } from '../../src/records/frontmatter.ts';

/** Every Markdown record the project ships: the example handbook and the test fixtures. */
function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md') && !name.includes('node_modules'))
    .map((name) => join(dir, name));
}

const files = [...markdownFiles('content'), ...markdownFiles('test/fixtures')].filter((file) => {
  const text = readFileSync(file, 'utf8');
  return parseFrontmatter(text).ok;
});

function both(text: string) {
  const frontmatter = parseFrontmatter(text);
  if (!frontmatter.ok) throw new Error('fixture without frontmatter');
  const start = { line: frontmatter.bodyLine, column: 1 };
  const fast = analyseBody(text, { isMdx: false, bodyLine: frontmatter.bodyLine, bodyOffset: frontmatter.bodyOffset });
  const reference = parseBody(text, markdown, start);
  if (!fast.ok || !reference.ok) throw new Error('body did not parse');
  return { fast: fast.body, reference: reference.body };
}

describe('the line scanner finds the same sections as remark', () => {
  it('covers the example handbook', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it.each(files)('%s', (file) => {
    const { fast, reference } = both(readFileSync(file, 'utf8'));
    expect(fast.sections).toEqual(reference.sections);
  });

  it('agrees on the tricky cases: fences, setext headings, closing hashes, headings in code', () => {
    const text = [
      '---',
      'title: x',
      '---',
      '',
      'Intro line',
      '',
      '## Why ##',
      '',
      '```md',
      '## Not a heading',
      '```',
      '',
      'Setext title',
      '------------',
      '',
      '~~~~',
      '# also code',
      '~~~~',
      '',
      '   ### Indented three',
      '',
      'text `## code span`',
      '',
      '## Empty',
      '### Only a subheading',
      '',
      '## Last',
      'done',
    ].join('\n');
    const { fast, reference } = both(text);
    expect(fast.sections).toEqual(reference.sections);
    expect(fast.sections.map((s) => [s.title, s.depth, s.empty])).toEqual([
      ['Why', 2, false],
      ['Setext title', 2, false],
      ['Indented three', 3, false],
      ['Empty', 2, true],
      ['Only a subheading', 3, true],
      ['Last', 2, false],
    ]);
  });

  it('leaves code out of the prose that placeholders and links are looked for in', () => {
    const text = ['---', 'title: x', '---', '', 'See [[decisions/0001-a]] and `TODO` here.', '', '```', 'TODO in code', '```'].join('\n');
    const { fast } = both(text);
    const prose = fast.prose.map((p) => p.source).join('\n');
    expect(prose).toContain('[[decisions/0001-a]]');
    expect(prose).not.toContain('TODO');
  });
});
