import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateHandbook } from '../bench/generate.ts';
import { checkHandbook, countErrors } from '../src/check/index.ts';
import { buildSite } from './support/built-site.ts';

function snapshot(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [join(e.parentPath, e.name).slice(dir.length), readFileSync(join(e.parentPath, e.name), 'utf8')]),
  );
}

describe('the benchmark generator', () => {
  it('writes the same handbook for the same seed, and another for another seed', () => {
    const [a, b, c] = [1, 2, 3].map(() => mkdtempSync(join(tmpdir(), 'handbook-gen-')));
    generateHandbook(a!, 150, 9);
    generateHandbook(b!, 150, 9);
    generateHandbook(c!, 150, 10);
    expect(snapshot(a!)).toEqual(snapshot(b!));
    expect(snapshot(a!)).not.toEqual(snapshot(c!));
  });

  it('writes a 200-record handbook of every kind and status that passes check and builds', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'handbook-gen-')), 'content');
    const generated = generateHandbook(dir, 200, 42);
    expect(Object.values(generated.byKind).reduce((a, b) => a + b, 0)).toBe(200);
    const { problems, records, handbook } = checkHandbook(dir, { today: '2026-11-24' });
    expect(records).toBe(200);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(countErrors(problems).warnings).toBeGreaterThan(0);
    const statuses = new Set(handbook.records.map((r) => `${r.kind.collection}:${String(r.data['status'])}`));
    for (const kind of ['outcomes:draft', 'outcomes:committed', 'outcomes:achieved', 'outcomes:missed', 'outcomes:dropped', 'decisions:proposed', 'decisions:accepted', 'decisions:rejected', 'decisions:superseded', 'decisions:deprecated', 'postmortems:in-review', 'postmortems:published']) {
      expect(statuses, kind).toContain(kind);
    }
    const body = handbook.records.find((r) => r.kind.collection === 'postmortems' && r.data['status'] === 'published')!.body;
    expect(body.sections.length).toBeGreaterThanOrEqual(6);

    const dist = buildSite({ HANDBOOK_CONTENT: dir });
    const published = handbook.records.filter((r) => r.data['status'] !== 'draft');
    for (const record of published) expect(existsSync(join(dist, record.ref, 'index.html')), record.ref).toBe(true);
    const entry = JSON.parse(readFileSync(join(dist, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(Object.values(entry.languages)[0]!.page_count).toBe(published.length);
  });

  it('is not part of the test run itself: `npm run bench` runs it', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['bench']).toBe('node bench/run.ts');
    expect(spawnSync('node_modules/.bin/node', ['bench/run.ts', '--sizes', 'abc'], { encoding: 'utf8' }).status).toBe(2);
  });
});
