import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFrontmatter } from '../src/records/frontmatter.ts';
import { userEnv } from './support/built-site.ts';
import { check, DECISION, OUTCOME, POSTMORTEM, record, tree, variant } from './support/fixture.ts';

/** A 1×1 PNG: a real image for Astro's image pipeline. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

const SECOND = 'decisions/0002-regional-vaults.md';

/** A valid handbook that exercises everything the gate and the site used to read differently. */
function trickyHandbook(): string {
  return tree({
    'decisions/latency.png': PNG,
    [POSTMORTEM]: variant(
      POSTMORTEM,
      ['started: 2026-03-02T10:00:00+01:00', 'started: 2026-03-02T00:30:00+01:00'],
      ['detected: 2026-03-02T10:04:00+01:00', 'detected: 2026-03-02T00:34:00+01:00'],
      ['resolved: 2026-03-02T10:14:00+01:00', 'resolved: 2026-03-02T00:44:00+01:00'],
    ),
    [SECOND]: variant(
      DECISION,
      ['title: Cache card tokens at the edge', 'title: Run one vault per region'],
      ['outcomes: [faster-checkout]', 'outcomes: [faster-checkout]\nrelated: [decisions/0001-cache-tokens]'],
      [
        /## Context\n/,
        [
          '## Context\n',
          'We chose [the edge cache](./0001-cache-tokens.md) last year and it serves [the checkout outcome](/outcomes/faster-checkout/).',
          '',
          'Writers link with `[[decisions/0001-cache-tokens]]`, as [a link "with [[decisions/0001-cache-tokens]] in its title"](https://example.com/ "see [[decisions/0001-cache-tokens]]").',
          '',
          '```md',
          '[[outcomes/faster-checkout]]',
          '```',
          '',
          '![p99 latency during the sale](./latency.png)',
          '',
        ].join('\n'),
      ],
    ),
  });
}

describe('check and the site read a record the same way', () => {
  let content: string;
  let out: string;
  let build: SpawnSyncReturns<string>;

  beforeAll(() => {
    // A project path with a space in it, as on many laptops.
    const root = mkdtempSync(join(tmpdir(), 'hand book-'));
    content = trickyHandbook();
    out = join(root, 'site out');
    build = spawnSync('node', ['bin/handbook.js', 'build', '--out', out], { encoding: 'utf8', env: userEnv({ HANDBOOK_CONTENT: content, HANDBOOK_TODAY: '2026-11-24' }) });
  }, 300_000);
  afterAll(() => rmSync(join(out, '..'), { recursive: true, force: true }));

  const page = (path: string): string => readFileSync(join(out, path, 'index.html'), 'utf8');

  it('passes check, and so builds, with every record page and the search index', () => {
    expect(check(content).filter((p) => p.severity === 'error')).toEqual([]);
    expect(`${build.stdout}${build.stderr}`).not.toMatch(/\n\s+at /);
    expect(build.status).toBe(0);
    expect(build.stdout + build.stderr).toMatch(/Search index: 4 record pages/);
  });

  it('shows times as written, at their own offset, on the page and in records.json', () => {
    const html = page('postmortems/2026-03-02-vault-timeouts');
    expect(html).toContain('2 Mar 2026</time> 00:30');
    const exported = JSON.parse(readFileSync(join(out, 'records.json'), 'utf8')) as { records: { ref: string; file?: string; data: Record<string, unknown> }[] };
    const pm = exported.records.find((r) => r.ref === 'postmortems/2026-03-02-vault-timeouts');
    expect(pm?.data['started']).toBe('2026-03-02T00:30:00+01:00');
  });

  it('publishes every record with the values check read from its frontmatter', () => {
    const exported = JSON.parse(readFileSync(join(out, 'records.json'), 'utf8')) as { records: { ref: string; data: Record<string, unknown> }[] };
    expect(exported.records.map((r) => r.ref).sort()).toEqual(['decisions/0001-cache-tokens', 'decisions/0002-regional-vaults', 'outcomes/faster-checkout', 'postmortems/2026-03-02-vault-timeouts']);
    for (const published of exported.records) {
      const parsed = parseFrontmatter(readFileSync(join(content, `${published.ref}.md`), 'utf8'));
      expect(parsed.ok && parsed.data, published.ref).toEqual(published.data);
    }
  });

  it('resolves plain Markdown links to records and leaves code alone', () => {
    const html = page('decisions/0002-regional-vaults');
    expect(html).toContain('<a href="/decisions/0001-cache-tokens/">the edge cache</a>');
    expect(html).toContain('<a href="/outcomes/faster-checkout/">the checkout outcome</a>');
    expect(html).toContain('<code>[[decisions/0001-cache-tokens]]</code>');
    expect(html).toMatch(/<code[^>]*>[\s\S]*\[\[outcomes\/faster-checkout\]\][\s\S]*<\/code>/);
    // A [[…]] in a link title stays inside the attribute.
    expect(html).toContain('title="see [[decisions/0001-cache-tokens]]"');
  });

  it('counts a backlink only where the page shows a link', () => {
    const outcome = page('outcomes/faster-checkout');
    const referencedBy = outcome.slice(outcome.indexOf('Referenced by'));
    expect(referencedBy).toContain('Run one vault per region');
    const first = page('decisions/0001-cache-tokens');
    expect(first.slice(first.indexOf('Referenced by'))).toContain('Run one vault per region');
  });

  it('renders a local image next to a record through the image pipeline', () => {
    const html = page('decisions/0002-regional-vaults');
    const src = /<img[^>]*src="([^"]+)"[^>]*alt="p99 latency during the sale"|<img[^>]*alt="p99 latency during the sale"[^>]*src="([^"]+)"/.exec(html);
    expect(src).not.toBeNull();
    const url = (src?.[1] ?? src?.[2]) as string;
    expect(url).toMatch(/^\/_astro\/latency\..+\.(png|webp)$/);
    expect(existsSync(join(out, url))).toBe(true);
    expect(html).not.toContain('__ASTRO_IMAGE_');
  });

  it('builds another content folder afterwards from that folder alone', () => {
    const other = join(mkdtempSync(join(tmpdir(), 'handbook-other-')), 'dist');
    const result = spawnSync('node', ['bin/handbook.js', 'build', '--out', other], { encoding: 'utf8', env: userEnv({ HANDBOOK_CONTENT: tree(), HANDBOOK_TODAY: '2026-11-24' }) });
    expect(result.status).toBe(0);
    expect(result.stdout + result.stderr).not.toMatch(/same slug|same id/i);
    expect(existsSync(join(other, 'decisions/0002-regional-vaults'))).toBe(false);
    expect(existsSync(join(other, 'decisions/0001-cache-tokens/index.html'))).toBe(true);
    rmSync(join(other, '..'), { recursive: true, force: true });
  }, 300_000);
});

describe('what check used to pass and the site could not show is a placed error', () => {
  const problems = (files: Record<string, string | null>): string[] =>
    check(tree(files))
      .filter((p) => p.severity === 'error')
      .map((p) => `${p.file}:${p.line}:${p.column} ${p.rule} ${p.message}`);

  it('frontmatter closed by `...`', () => {
    expect(problems({ [OUTCOME]: variant(OUTCOME, [/\n---\n/, '\n...\n']) })).toMatchInlineSnapshot(`
      [
        "decisions/0001-cache-tokens.md:17:12 unknown-reference Unexpected \`faster-checkout\` in \`outcomes\`, expected the id of an existing record in outcomes/",
        "outcomes/faster-checkout.md:18:1 frontmatter-unterminated Unexpected \`...\` closing the frontmatter, expected \`---\`",
      ]
    `);
  });

  it('a plain Markdown link to a record that does not exist, as a file or a site path', () => {
    const body = '## Context\n\nSee [the old call](../decisions/0099-nope.md) and [this](/decisions/0098-nope/).\n';
    expect(problems({ [DECISION]: variant(DECISION, [/## Context\n/, body]) })).toEqual([
      expect.stringMatching(/^decisions\/0001-cache-tokens\.md:22:\d+ broken-link Unexpected link to `\.\.\/decisions\/0099-nope\.md`, expected the id of an existing record$/),
      expect.stringMatching(/^decisions\/0001-cache-tokens\.md:22:\d+ broken-link Unexpected link to `\/decisions\/0098-nope\/`, expected the id of an existing record$/),
    ]);
  });

  it('a published record linking to a draft, by [[…]] or by path', () => {
    const draft = record('title: A draft that is not ready\nstatus: draft\nowner: ana\ncreated: 2026-01-01', 'Nothing yet.');
    const body = '## Context\n\nSee [[outcomes/not-ready]] and [the draft](../outcomes/not-ready.md).\n';
    const message = 'draft-link Unexpected link to the draft `outcomes/not-ready`, expected a published record: drafts are not published, so readers would find no page there';
    const found = problems({ 'outcomes/not-ready.md': draft, [DECISION]: variant(DECISION, [/## Context\n/, body]) });
    expect(found).toHaveLength(2);
    expect(found[0]).toBe(`decisions/0001-cache-tokens.md:22:5 ${message}`);
    expect(found[1]).toMatch(/^decisions\/0001-cache-tokens\.md:22:\d+ draft-link /);
    expect(found[1]?.endsWith(message)).toBe(true);
  });

  it('a missing local image', () => {
    const body = '## Context\n\n![graph](./missing.png)\n';
    expect(problems({ [DECISION]: variant(DECISION, [/## Context\n/, body]) })).toEqual([expect.stringMatching(/^decisions\/0001-cache-tokens\.md:22:\d+ image-missing Unexpected image `\.\/missing\.png`/)]);
  });
});
