import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateHandbook } from '../bench/generate.ts';
import { checkHandbook } from '../src/check/index.ts';
import { loadHandbook } from '../src/records/load.ts';
import { userEnv } from './support/built-site.ts';
import { TODAY } from './support/fixture.ts';

/**
 * Records whose frontmatter another YAML dialect or date handling reads differently:
 * YAML 1.1 booleans, times at unusual offsets, quoting, unicode and right-to-left text,
 * tabs, CRLF line endings with a byte order mark. Each must publish exactly as written.
 */
const VARIANTS: Record<string, (text: string) => string> = {
  'yaml-1-1-words': (t) => t.replace(/^services: .*$/m, 'services: [yes, no, on, off, y, n]').replace(/^title: .*$/m, 'title: Norway is NO and yes is not true'),
  'far-offsets': (t) =>
    t
      .replace(/^started: .*$/m, 'started: 2026-03-02T23:30:00-08:00')
      .replace(/^detected: .*$/m, 'detected: 2026-03-03T13:05:00+05:30')
      .replace(/^resolved: .*$/m, "resolved: '2026-03-03T08:10:00Z'"),
  unicode: (t) => t.replace(/^title: .*$/m, 'title: "Zoë’s שלום 漢字 \u202Eevil\u202C 👩🏽‍💻 outage"').replace(/^impact: .*$/m, 'impact: "مرحبا: payments failed; e\u0301 ﬁ İ"'),
  'quoted-and-colons': (t) => t.replace(/^summary: .*$/m, "summary: 'Retries: 3, then #fallback — \"quoted\" and ''single'''").replace(/^created: .*$/m, "created: '2026-03-03'"),
  'crlf-bom': (t) => `\uFEFF${t.replaceAll('\n', '\r\n')}`,
  tabs: (t) => t.replace('The vault connection pool', 'The vault\tconnection\tpool'),
};

describe('check passes ⇔ the site builds and shows what was written (generated tree and dialect variants)', () => {
  let content: string;
  let out: string;
  let build: ReturnType<typeof spawnSync>;

  beforeAll(() => {
    content = mkdtempSync(join(tmpdir(), 'handbook-differential-'));
    generateHandbook(content, 60, 7);
    const postmortem = loadHandbook(content).records.find((r) => r.kind.collection === 'postmortems' && r.data['status'] === 'published' && typeof r.data['impact'] === 'string' && Array.isArray(r.data['services']));
    if (postmortem === undefined) throw new Error('the generated tree has no published postmortem with impact and services');
    const original = readFileSync(postmortem.file, 'utf8');
    for (const [name, vary] of Object.entries(VARIANTS)) writeFileSync(join(content, 'postmortems', `2026-03-02-variant-${name}.md`), vary(original));
    out = join(mkdtempSync(join(tmpdir(), 'handbook-differential-out-')), 'dist');
    build = spawnSync('node', ['bin/handbook.js', 'build', '--out', out], { encoding: 'utf8', env: userEnv({ HANDBOOK_CONTENT: content, HANDBOOK_TODAY: TODAY }) });
  }, 300_000);
  afterAll(() => {
    rmSync(content, { recursive: true, force: true });
    rmSync(join(out, '..'), { recursive: true, force: true });
  });

  it('check reports no error, and the build succeeds', () => {
    expect(checkHandbook(content, { today: TODAY }).problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(build.status, `${build.stdout}${build.stderr}`).toBe(0);
  });

  it('every published record is in records.json with its frontmatter exactly as check read it', () => {
    const exported = JSON.parse(readFileSync(join(out, 'records.json'), 'utf8')) as { records: { ref: string; data: Record<string, unknown> }[] };
    const read = loadHandbook(content).records.filter((r) => r.data['status'] !== 'draft');
    expect(exported.records.map((r) => r.ref).sort()).toEqual(read.map((r) => r.ref).sort());
    const byRef = new Map(exported.records.map((r) => [r.ref, r.data]));
    for (const record of read) expect(byRef.get(record.ref), record.ref).toEqual(record.data);
  });

  it('every record page shows its title, and each variant shows its values as written', () => {
    for (const record of loadHandbook(content).records) {
      const page = join(out, record.ref, 'index.html');
      if (record.data['status'] === 'draft') {
        expect(existsSync(page), record.ref).toBe(false);
        continue;
      }
      const html = readFileSync(page, 'utf8');
      const title = String(record.data['title']).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
      expect(html, record.ref).toMatch(new RegExp(`<h1[^>]*>${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</h1>`));
    }
    const yes = readFileSync(join(out, 'postmortems/2026-03-02-variant-yaml-1-1-words/index.html'), 'utf8');
    expect(yes).toContain('yes, no, on, off, y, n');
    const far = readFileSync(join(out, 'postmortems/2026-03-02-variant-far-offsets/index.html'), 'utf8');
    expect(far).toMatch(/2 Mar 2026<\/time> 23:30/);
  });
});
