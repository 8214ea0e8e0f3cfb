import { rmSync, unlinkSync, utimesSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkHandbook } from '../../src/check/index.ts';
import { loadHandbook, type RecordCache } from '../../src/records/load.ts';
import { DECISION, tree } from '../support/fixture.ts';

describe('the record cache the dev server checks with', () => {
  it('reuses what it read of unchanged files, reads changed ones again and forgets deleted ones', () => {
    const dir = tree();
    const cache: RecordCache = new Map();
    const first = loadHandbook(dir, { cache });
    const again = loadHandbook(dir, { cache });
    const byRef = (h: ReturnType<typeof loadHandbook>, ref: string) => h.records.find((r) => r.ref === ref);
    const decision = `decisions/${DECISION.split('/').at(-1)!.replace(/\.md$/, '')}`;
    expect(byRef(again, decision)).toBe(byRef(first, decision));

    const file = join(dir, DECISION);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: A new title'));
    // Even a change that keeps the size and the modification time is seen (ctime and inode move).
    const changed = loadHandbook(dir, { cache });
    expect(byRef(changed, decision)?.data['title']).toBe('A new title');
    expect(changed.records.length).toBe(first.records.length);

    const other = first.records.find((r) => r.ref !== decision)!;
    unlinkSync(join(dir, `${other.ref}.md`));
    const removed = loadHandbook(dir, { cache });
    expect(byRef(removed, other.ref)).toBeUndefined();
    expect([...cache.keys()].some((path) => path.endsWith(`${other.ref}.md`))).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives check the same problems with and without it, after edits', () => {
    const dir = tree();
    const cache: RecordCache = new Map();
    const today = '2026-11-24';
    checkHandbook(dir, { today, cache });
    const file = join(dir, DECISION);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('status: accepted', 'status: maybe'));
    const stamp = new Date('2026-01-01T00:00:00Z');
    utimesSync(file, stamp, stamp);
    expect(checkHandbook(dir, { today, cache }).problems).toEqual(checkHandbook(dir, { today }).problems);
    expect(checkHandbook(dir, { today, cache }).problems.some((p) => p.message.includes('`maybe`'))).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  });
});
