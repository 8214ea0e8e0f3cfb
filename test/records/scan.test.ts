import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateHandbook } from '../../bench/generate.ts';
import { analyseBody, type Body, parseBody } from '../../src/records/body.ts';
import { parseFrontmatter } from '../../src/records/frontmatter.ts';
import { codeSpans, scanMarkdown } from '../../src/records/scan.ts';
import { LineIndex } from '../../src/records/text.ts';

/** Every Markdown record under a folder. */
function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md') && !name.includes('node_modules') && !name.includes('_templates'))
    .map((name) => join(dir, name));
}

/** The scanner's answer for a record (undefined when it leaves the record to remark) and remark's. */
function both(text: string): { fast: Omit<Body, 'start' | 'lines'> | undefined; reference: Body } {
  const frontmatter = parseFrontmatter(text);
  if (!frontmatter.ok) throw new Error('fixture without frontmatter');
  const fast = scanMarkdown(text, frontmatter.bodyOffset, new LineIndex(text));
  const reference = parseBody(text, { isMdx: false, bodyLine: frontmatter.bodyLine, bodyOffset: frontmatter.bodyOffset });
  if (!reference.ok) throw new Error('body did not parse');
  return { fast, reference: reference.body };
}

const parts = ({ sections, prose, html, links }: Omit<Body, 'start' | 'lines'>) => ({ sections, prose, html, links });

const examples = [...markdownFiles('content'), ...markdownFiles('test/fixtures')].filter((file) => parseFrontmatter(readFileSync(file, 'utf8')).ok);

const generated = mkdtempSync(join(tmpdir(), 'handbook-scan-'));
afterAll(() => rmSync(generated, { recursive: true, force: true }));
generateHandbook(generated, 300, 7);

describe('the line scanner answers exactly as remark does, or not at all', () => {
  it('covers the example handbook', () => {
    expect(examples.length).toBeGreaterThan(40);
  });

  it.each(examples)('%s', (file) => {
    const { fast, reference } = both(readFileSync(file, 'utf8'));
    if (fast !== undefined) expect(parts(fast)).toEqual(parts(reference));
  });

  it('reads every record of a generated handbook itself (headings, lists, tables, fences, links between records)', () => {
    const files = markdownFiles(generated);
    expect(files.length).toBe(300);
    for (const file of files) {
      const { fast, reference } = both(readFileSync(file, 'utf8'));
      expect(fast, file).toBeDefined();
      expect(parts(fast!)).toEqual(parts(reference));
    }
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
    expect(fast).toBeDefined();
    expect(parts(fast!)).toEqual(parts(reference));
    expect(fast!.sections.map((s) => [s.title, s.depth, s.empty])).toEqual([
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
    const analysed = analyseBody(text, { isMdx: false, bodyLine: 4, bodyOffset: 16 });
    if (!analysed.ok) throw new Error('body did not parse');
    const prose = analysed.body.prose.map((p) => p.source).join('\n');
    expect(prose).toContain('[[decisions/0001-a]]');
    expect(prose).not.toContain('TODO');
  });

  it.each([
    ['raw HTML in a heading', '## Why <img src=x onerror=alert(1)>'],
    ['a setext heading with HTML', 'Title <b>x</b>\n---'],
    ['an escaped backtick before HTML', '\\`<script>alert(1)</script>`'],
    ['a code span CommonMark never closes', '`` <img src=x onerror=alert(1)> `'],
    ['a fence inside a list item', '- item\n\n  ```\n  code\n  ```\n<script>alert(1)</script>'],
    ['an entity-encoded scheme', '[x](&#106;avascript:alert(1))'],
    ['a definition in a block quote', '> [x]: javascript:alert(1)\n\n[x]'],
    ['a definition with its URL on the next line', '[x]:\njavascript:alert(1)\n\n[x]'],
    ['a link in a heading', '## [x](javascript:alert(1))'],
    ['a bare URL (a GFM autolink)', 'see https://example.com'],
  ])('leaves %s to remark', (_, body) => {
    const { fast, reference } = both(`---\ntitle: x\n---\n\n${body}\n`);
    if (fast !== undefined) expect(parts(fast)).toEqual(parts(reference));
    expect(reference.html.length + reference.links.length).toBeGreaterThan(0);
  });
});

describe('code spans are matched the CommonMark way', () => {
  it('pairs runs of equal length and leaves unmatched runs literal', () => {
    expect(codeSpans('a `b` c')).toEqual([2, 5]);
    expect(codeSpans('`` a ` b ``')).toEqual([0, 11]);
    expect(codeSpans('` a `` b')).toEqual([]);
    expect(codeSpans('``` a ` b ` c')).toEqual([6, 11]);
  });
});
