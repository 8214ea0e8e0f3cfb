import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, found, OUTCOME, record, tree } from '../support/fixture.ts';

const DRAFT = record('title: An adversarial record\nstatus: draft\nowner: ana\ncreated: 2026-01-01', '');

/** The one problem of one file, as `file:line:column rule message`. */
function only(dir: string, file: string): string[] {
  return check(dir)
    .filter((p) => p.file === file)
    .map((p) => `${p.file}:${p.line}:${p.column} ${p.rule} ${p.message}`);
}

describe('adversarial YAML is refused quickly, with a clear message', () => {
  it('refuses an alias bomb ("billion laughs") at its first alias, without expanding it', () => {
    const lines = ['tags: &a [x, x, x, x, x, x, x, x, x]'];
    for (const [name, previous] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e'], ['g', 'f'], ['h', 'g'], ['i', 'h']]) {
      lines.push(`x${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    }
    const dir = tree({ [OUTCOME]: `---\ntitle: Nine to the ninth values\nstatus: draft\nowner: ana\ncreated: 2026-01-01\n${lines.join('\n')}\n---\n` });
    expect(only(dir, OUTCOME)).toEqual([`${OUTCOME}:7:9 yaml-alias Unexpected YAML alias \`*a\`, expected every value written out: aliases can expand a few lines into millions of values`]);
  });

  it('refuses flow collections nested deeper than 32 levels instead of exhausting the stack', () => {
    const dir = tree({ [OUTCOME]: `---\ntitle: Deeply nested tags\nstatus: draft\nowner: ana\ncreated: 2026-01-01\ntags: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n---\n` });
    expect(only(dir, OUTCOME)).toEqual([`${OUTCOME}:6:39 yaml-depth Unexpected nesting too deep to read, expected plain fields and short lists`]);
  });
});

describe('deep block nesting', () => {
  it('is refused with the same message, wherever the parser gave up', () => {
    const nested = Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
    const problems = check(tree({ [OUTCOME]: `---\ntitle: Deeply nested map\nstatus: draft\nowner: ana\ncreated: 2026-01-01\nextra:\n${nested} x\n---\n` })).filter((p) => p.file === OUTCOME);
    expect(problems.map((p) => `${p.rule} ${p.message}`)).toEqual(['yaml-depth Unexpected nesting too deep to read, expected plain fields and short lists']);
  });
});

describe('adversarial files are problems of their own, never crashes', () => {
  it('refuses a 10 MB record without reading it', () => {
    const dir = tree({ [OUTCOME]: `${DRAFT}${'A line of a pasted log file, over and over.\n'.repeat(240_000)}` });
    expect(only(dir, OUTCOME)).toEqual([`${OUTCOME}:1:1 file-too-large Unexpected file of 10.1 MB, expected a record under 2 MB; link large logs and data instead of pasting them`]);
  });

  it('reports a binary file at its first byte that is not UTF-8', () => {
    const dir = tree({ [OUTCOME]: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) });
    expect(only(dir, OUTCOME)).toEqual([`${OUTCOME}:1:1 file-encoding Unexpected bytes that are not UTF-8, expected a UTF-8 text file`]);
  });

  it('reports a NUL byte in otherwise valid UTF-8 text at its position', () => {
    const dir = tree({ [OUTCOME]: DRAFT.replace('adversarial', 'adver\0sarial') });
    expect(only(dir, OUTCOME)).toEqual([`${OUTCOME}:2:16 file-binary Unexpected NUL byte, expected a text file`]);
  });

  it('reports a Latin-1 file at the byte that is not UTF-8', () => {
    const dir = tree({ [OUTCOME]: Buffer.from('---\ntitle: Caf\xe9 opening hours\n---\n', 'latin1') });
    expect(only(dir, OUTCOME)).toEqual([`${OUTCOME}:2:11 file-encoding Unexpected bytes that are not UTF-8, expected a UTF-8 text file`]);
  });

  it('reports an empty file and a file holding only `---`', () => {
    const dir = tree({ [OUTCOME]: '', 'outcomes/only-dashes.md': '---' });
    expect(only(dir, OUTCOME)).toEqual([`${OUTCOME}:1:1 file-empty Unexpected empty file, expected frontmatter and a body`]);
    expect(only(dir, 'outcomes/only-dashes.md')).toEqual(['outcomes/only-dashes.md:1:1 frontmatter-unterminated Unexpected end of file, expected `---` to close the frontmatter opened on line 1']);
  });

  it('reports a folder named like a record', () => {
    const dir = tree();
    mkdirSync(join(dir, 'decisions/0002-a-folder.md'));
    writeFileSync(join(dir, 'decisions/0002-a-folder.md/notes.txt'), 'inside\n');
    expect(only(dir, 'decisions/0002-a-folder.md')).toEqual(['decisions/0002-a-folder.md:1:1 file-folder Unexpected folder named like a record, expected a Markdown file']);
  });

  it('refuses a symlink that leads outside the handbook folder and says so, but reads one that stays inside', () => {
    const dir = tree();
    symlinkSync('/etc/hostname', join(dir, 'outcomes/leak.md'));
    symlinkSync('../outcomes/faster-checkout.md', join(dir, 'postmortems/2026-01-01-alias.md'));
    expect(only(dir, 'outcomes/leak.md')).toEqual(['outcomes/leak.md:1:1 file-symlink Unexpected symlink to `/etc/hostname` outside the handbook folder, expected records to live in it; it was not read']);
    expect(check(dir).filter((p) => p.file === 'postmortems/2026-01-01-alias.md').map((p) => p.rule)).not.toContain('file-symlink');
  });

  it('reports two ids that differ only by case, at the second', () => {
    const dir = tree({ 'outcomes/Faster-Checkout.md': DRAFT });
    expect(found(dir, 'id-case')).toEqual(['outcomes/faster-checkout.md:1:1 Unexpected id `faster-checkout` that differs from `Faster-Checkout` only in case, expected ids that stay distinct on case-insensitive file systems and in URLs']);
  });

  it('reports lone carriage returns as line endings it cannot place', () => {
    const dir = tree({ [OUTCOME]: DRAFT.replaceAll('\n', '\r') });
    expect(only(dir, OUTCOME)).toEqual([`${OUTCOME}:1:4 line-endings Unexpected carriage return without a line feed, expected LF or CRLF line endings`]);
  });

  it('keeps positions exact in a CRLF file that starts with a byte order mark', () => {
    const text = `\uFEFF${record('title: Positions with CRLF\nstatus: committed\nowner: nobody\ncreated: 2026-01-01', '## Why\n\nBecause.').replaceAll('\n', '\r\n')}`;
    const dir = tree({ [OUTCOME]: text });
    expect(found(dir, 'unknown-reference').concat(found(dir, 'invalid-reference'))).toEqual([`${OUTCOME}:4:8 Unexpected \`nobody\` in \`owner\`, expected a person id from people.yaml`]);
  });
});
