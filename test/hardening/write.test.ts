import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeNewFile } from '../../src/authoring/write.ts';

describe('new records are written whole or not at all', () => {
  it('writes the file and leaves no temporary file behind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'handbook-write-'));
    writeNewFile(join(dir, 'record.md'), 'whole\n');
    expect(readdirSync(dir)).toEqual(['record.md']);
    expect(readFileSync(join(dir, 'record.md'), 'utf8')).toBe('whole\n');
  });

  it('refuses a taken name, keeps the existing file, and cleans up', () => {
    const dir = mkdtempSync(join(tmpdir(), 'handbook-write-'));
    writeFileSync(join(dir, 'record.md'), 'mine\n');
    mkdirSync(join(dir, 'folder.md'));
    expect(() => writeNewFile(join(dir, 'record.md'), 'theirs\n')).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(() => writeNewFile(join(dir, 'folder.md'), 'theirs\n')).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(readdirSync(dir).sort()).toEqual(['folder.md', 'record.md']);
    expect(readFileSync(join(dir, 'record.md'), 'utf8')).toBe('mine\n');
  });
});
