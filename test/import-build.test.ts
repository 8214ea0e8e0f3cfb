import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkHandbook } from '../src/check/index.ts';
import type { ImportPlan } from '../src/import/plan.ts';
import { CORPORA, handbookCopy, importCorpus, TODAY } from './cli/import-helpers.ts';
import { userEnv } from './support/built-site.ts';

// One build of one handbook holding every corpus: builds take minutes on a small machine.
const content = handbookCopy();
const plans = new Map<string, ImportPlan>();
const out = join(content, '..', 'dist');
let build: { status: number | null; output: string };

beforeAll(() => {
  for (const corpus of CORPORA) plans.set(corpus.name, importCorpus(corpus, content).plan);
  const result = spawnSync(join(process.cwd(), 'node_modules/.bin/node'), ['bin/handbook.js', 'build', '--out', out], {
    encoding: 'utf8',
    env: userEnv({ HANDBOOK_CONTENT: content, HANDBOOK_TODAY: TODAY }),
    timeout: 600_000,
  });
  build = { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}, 660_000);

const page = (path: string): string => readFileSync(join(out, path, 'index.html'), 'utf8');
const recordPath = (corpus: string, file: string): string =>
  plans
    .get(corpus)!
    .records.find((r) => r.file === file)!
    .path.replace(/\.md$/, '');

describe('a handbook holding every imported corpus', () => {
  it('passes check and builds', () => {
    expect(checkHandbook(content, { today: TODAY }).problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(build.output).toContain('Built dist/.');
    expect(build.status).toBe(0);
  });

  it('marks each imported record as not yet reviewed, and lists them all on /reviews/', () => {
    const reviews = page('reviews');
    const listed = reviews.slice(reviews.indexOf('Imported, not yet reviewed'));
    for (const plan of plans.values()) {
      for (const record of plan.records.filter((r) => r.status !== 'draft')) {
        const path = record.path.replace(/\.md$/, '');
        expect(listed, path).toContain(`href="/${path}/"`);
        expect(page(path), path).toContain('not yet reviewed');
      }
    }
  });

  it('publishes every imported record that is not a draft, and no draft', () => {
    for (const plan of plans.values()) {
      for (const record of plan.records) {
        expect(existsSync(join(out, record.path.replace(/\.md$/, ''), 'index.html')), record.path).toBe(record.status !== 'draft');
      }
    }
  });

  it('shows a copied image from the built site, and links between imported records with their words', () => {
    const cockroach = page(recordPath('adr-tools', '0004-use-cockroachdb-for-the-ledger.md'));
    const src = /<img alt="The ledger in three regions"[^>]* src="([^"]+)"/.exec(cockroach)?.[1];
    expect(src).toMatch(/^\/_astro\/0004-use-cockroachdb-for-the-ledger-img01\.[\w-]+\.(webp|png)$/);
    expect(existsSync(join(out, src!))).toBe(true);
    const memcached = page(recordPath('adr-tools', '0003_use_memcached.md'));
    expect(memcached).toContain('<a href="/decisions/0002-use-postgresql-for-the-ledger/">chose Postgres last year</a>');
    expect(memcached).toContain('<a href="/decisions/0004-use-cockroachdb-for-the-ledger/">ADR 4</a>');
    expect(page(recordPath('log4brains', 'packages/web/docs/adr/20210612-render-product-pages-at-the-edge.md'))).toMatch(
      /<a href="\/decisions\/\d{4}-use-rest-with-openapi\/">20210301-use-rest-with-openapi<\/a>/,
    );
  });

  it('publishes a postmortem imported as published, its timeline times with their offsets', () => {
    const sonnet = page(recordPath('sre-book', 'sonnet-search.md'));
    expect(sonnet).toContain('<time datetime="2015-10-21T14:54:00Z">');
    expect(sonnet).toContain('Status: Complete, action items in progress');
  });
});
