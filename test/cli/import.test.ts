import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkHandbook } from '../../src/check/index.ts';
import { zoneOffset } from '../../src/import/dates.ts';
import { ImportError, planImport, writeImport } from '../../src/import/plan.ts';
import { handbook } from '../support/cli.ts';
import { CORPORA, corpusCopy, externalCorpora, filesUnder, handbookCopy, importCorpus, lostWords, readRecord, temporary, TODAY, type Corpus } from './import-helpers.ts';

const corpus = (name: string): Corpus => CORPORA.find((c) => c.name === name)!;
const planned = (plan: ReturnType<typeof planImport>, file: string) => plan.records.find((r) => r.file === file)!;
const errors = (dir: string) => checkHandbook(dir, { today: TODAY }).problems.filter((p) => p.severity === 'error');

describe.each([...CORPORA, ...externalCorpora()])('handbook import of the $name corpus ($format)', (entry) => {
  it('gives a handbook that check passes, every file of the source accounted for, and a re-import that writes nothing', () => {
    const dir = handbookCopy();
    const { plan, source } = importCorpus(entry, dir);
    expect(plan.records.length).toBeGreaterThan(0);
    expect(errors(dir).map((p) => `${p.file}:${p.line} ${p.rule} ${p.message}`)).toEqual([]);

    const reported = [...plan.records.map((r) => r.file), ...plan.files.map((f) => f.file.replace(/\/$/, ''))];
    const hidden = plan.files.filter((f) => f.file.endsWith('/')).map((f) => f.file);
    expect(new Set(reported)).toEqual(
      new Set(
        filesUnder(source)
          .filter((file) => !hidden.some((folder) => file.startsWith(folder)))
          .concat(hidden.map((f) => f.replace(/\/$/, ''))),
      ),
    );

    const before = filesUnder(dir).map((file) => [file, readFileSync(join(dir, file), 'utf8')]);
    const again = planImport({ format: entry.format, source, into: dir, owner: 'ana', today: TODAY });
    expect(again.records).toEqual([]);
    expect(again.files.filter((f) => f.outcome === 'unchanged').length).toBe(plan.records.length);
    writeImport(again, dir);
    expect(filesUnder(dir).map((file) => [file, readFileSync(join(dir, file), 'utf8')])).toEqual(before);
  });

  it('keeps every word of every source record, frontmatter values included, in the record or people.yaml', () => {
    const dir = handbookCopy();
    const { plan, source } = importCorpus(entry, dir);
    const people = `\`\`\`yaml\n${readFileSync(join(dir, 'people.yaml'), 'utf8')}\`\`\`\n`;
    for (const record of plan.records) {
      expect(lostWords(readFileSync(join(source, record.file), 'utf8'), readFileSync(join(dir, record.path), 'utf8'), people), record.file).toEqual([]);
    }
  });
});

describe('history that publishes', () => {
  it('imports accepted ADRs without summary, deciders, door, options or review date as warnings, with provenance', () => {
    const dir = handbookCopy();
    const { plan } = importCorpus(corpus('adr-tools'), dir);
    const record = readRecord(dir, planned(plan, '0004-use-cockroachdb-for-the-ledger.md').path);
    expect(record.data['imported']).toEqual({
      format: 'adr-tools',
      source: 'adr-tools/0004-use-cockroachdb-for-the-ledger.md',
      sourceId: '0004',
      hash: `sha256:${execFileSync('sha256sum', [join(corpus('adr-tools').dir, '0004-use-cockroachdb-for-the-ledger.md')], { encoding: 'utf8' }).split(' ')[0]}`,
      reviewed: false,
    });
    const problems = checkHandbook(dir, { today: TODAY }).problems.filter((p) => p.file.endsWith('0004-use-cockroachdb-for-the-ledger.md'));
    expect(problems.map((p) => `${p.severity} ${p.rule}`)).toEqual([
      'warning required-field',
      'warning required-field',
      'warning required-field',
      'warning required-field',
      'warning required-field',
      'warning required-field',
      'warning section-missing',
      'warning image-external',
    ]);
    expect(handbook(['check', dir, '--today', TODAY, '--strict']).code).toBe(1);
  });

  it('imports a postmortem without a severity with a warning, and one with its status as published', () => {
    const dir = handbookCopy();
    const { plan } = importCorpus(corpus('sre-book'), dir, 'ben');
    const sonnet = readRecord(dir, planned(plan, 'sonnet-search.md').path);
    expect(sonnet.data).toMatchObject({ status: 'published', owner: 'ben', created: '2015-10-21' });
    expect('severity' in sonnet.data).toBe(false);
    expect(
      checkHandbook(dir, { today: TODAY })
        .problems.filter((p) => p.file.endsWith(planned(plan, 'sonnet-search.md').path) && p.message.includes('severity'))
        .map((p) => p.severity),
    ).toEqual(['warning']);
  });
});

describe('nothing lost', () => {
  it('keeps a heading that carries its content as the section and its first line', () => {
    const dir = handbookCopy();
    const { plan } = importCorpus(corpus('adr-tools'), dir);
    expect(readRecord(dir, planned(plan, '0002-use-postgresql-for-the-ledger.md').path).body).toContain('## Decision\n\nuse PostgreSQL 12 on RDS\n\n## Consequences');
  });

  it('keeps the text above the title', () => {
    const dir = handbookCopy();
    const { plan } = importCorpus(corpus('adr-tools'), dir);
    expect(readRecord(dir, planned(plan, '0001-record-architecture-decisions.md').path).body).toMatch(
      /^\n<!--\nCopyright 2019 The Ledger Team\nSPDX-License-Identifier: MIT\n-->\n\nDate: 2019-02-04\n\n## Status/,
    );
  });

  it('keeps the authors of a postmortem when --owner is given, and the whole status line', () => {
    const dir = handbookCopy();
    const { plan } = importCorpus(corpus('sre-book'), dir, 'ben');
    const sonnet = readRecord(dir, planned(plan, 'sonnet-search.md').path);
    expect(sonnet.data['owner']).toBe('ben');
    expect(sonnet.body).toContain('Authors: jennifer, martym, agoogler');
    expect(sonnet.body).toContain('Status: Complete, action items in progress');
  });

  it('keeps the words of a link and points it at the new file', () => {
    const dir = handbookCopy();
    const { plan } = importCorpus(corpus('adr-tools'), dir);
    const memcached = readRecord(dir, planned(plan, '0003_use_memcached.md').path);
    expect(memcached.body).toContain('Because we [chose Postgres last year](../decisions/0002-use-postgresql-for-the-ledger.md), a cache');
    const split = readRecord(dir, planned(plan, '0005-split-the-settlement-service.md').path);
    expect(split.body).toContain('See the [regional ledger](../decisions/0004-use-cockroachdb-for-the-ledger.md#decision) for where writes go.');
  });

  it('keeps a link to a record that comes in as a draft as its words, and says so', () => {
    const dir = handbookCopy();
    const { plan } = importCorpus(corpus('log4brains'), dir);
    const sku = planned(plan, 'packages/core/docs/adr/20210502-index-products-by-sku.md');
    expect(readRecord(dir, sku.path).body).toContain('Carts are cached as\n20210410-cache-carts-in-redis proposes.');
    expect(sku.notes).toContain('Link to `20210410-cache-carts-in-redis.md` kept as its text: decisions/0005-cache-carts-in-redis.md comes in as a draft, and drafts are not published');
  });

  it('keeps frontmatter the model has no field for, and group names, under imported.unmapped', () => {
    const dir = handbookCopy();
    const { plan } = importCorpus(corpus('madr'), dir);
    expect(readRecord(dir, planned(plan, '0002-partition-events-by-tenant.md').path).data['imported']).toMatchObject({
      unmapped: { parent: 'Decisions', nav_order: 2, consulted: ['Payments team'], informed: ['Everyone in platform'] },
    });
    expect(readRecord(dir, planned(plan, '0001-use-kafka-for-domain-events.md').path).data['imported']).toMatchObject({
      unmapped: { status: 'superseded by [ADR-0003](0003-use-nats-for-domain-events.md)' },
    });
  });

  it('escapes raw HTML written in prose so its text shows, and leaves comments and code alone', () => {
    const dir = handbookCopy();
    const { plan } = importCorpus(corpus('adr-tools'), dir);
    const memcached = planned(plan, '0003_use_memcached.md');
    expect(readRecord(dir, memcached.path).body).toContain('The script is called _rotate_&lt;env>_&lt;region>, and');
    expect(readRecord(dir, planned(plan, '0001-record-architecture-decisions.md').path).body).toContain('Run `adr new <title>` to start one');
  });
});

describe('nothing ignored silently', () => {
  it('reads sub-folders, underscore names and .markdown files, and does not number names that merely start with a digit', () => {
    const dir = handbookCopy();
    const { plan } = importCorpus(corpus('adr-tools'), dir);
    expect(plan.records.map((r) => [r.file, r.path])).toEqual([
      ['0001-record-architecture-decisions.md', 'decisions/0007-record-architecture-decisions.md'],
      ['0002-use-postgresql-for-the-ledger.md', 'decisions/0002-use-postgresql-for-the-ledger.md'],
      ['0003_use_memcached.md', 'decisions/0003-use-memcached-for-session-tokens.md'],
      ['0004-use-cockroachdb-for-the-ledger.md', 'decisions/0004-use-cockroachdb-for-the-ledger.md'],
      ['0005-split-the-settlement-service.md', 'decisions/0005-split-the-settlement-service.md'],
      ['12-factor-config.md', 'decisions/0009-12-factor-config.md'],
      ['3-tier-architecture.md', 'decisions/0008-3-tier-architecture.md'],
      ['archive/0006-retire-the-cron-host.markdown', 'decisions/0006-retire-the-cron-host.md'],
    ]);
    expect(readRecord(dir, 'decisions/0006-retire-the-cron-host.md').data['tags']).toEqual(['archive']);
  });

  it('reports a symlink, templates of any name, READMEs, indexes and images nobody shows', () => {
    const source = corpusCopy(corpus('adr-tools'));
    symlinkSync('0001-record-architecture-decisions.md', join(source, 'latest.md'));
    const plan = planImport({ format: 'adr-tools', source, into: handbookCopy(), owner: 'ana', today: TODAY });
    expect(plan.files.filter((f) => f.outcome !== 'image').map((f) => `${f.outcome} ${f.file}: ${f.reason}`)).toEqual([
      'not-a-record README.md: a README, index or table of contents',
      'skipped latest.md: a symbolic link to `0001-record-architecture-decisions.md`; links are not followed',
      'not-a-record templates/nygard-template.md: a template',
      'not-a-record unused-diagram.png: an image no imported record shows',
    ]);
    const madr = planImport({ format: 'madr', source: corpusCopy(corpus('madr')), into: handbookCopy(), today: TODAY });
    expect(madr.files.filter((f) => f.outcome === 'not-a-record').map((f) => f.file)).toEqual(['README.md', 'adr-template-minimal.md', 'adr-template.md', 'index.md']);
  });

  it('lists every file in the printed report, files of a folder that share a reason on one line', () => {
    const source = corpusCopy(corpus('log4brains'));
    const { code, stdout } = handbook(['import', 'log4brains', source, '--into', handbookCopy(), '--owner', 'ana', '--dry-run', '--today', TODAY]);
    expect(code).toBe(0);
    expect(stdout.slice(stdout.indexOf('Not records:'))).toMatchInlineSnapshot(`
      "Not records:
        .log4brains.yml: the log4brains configuration, read for its ADR folders and package names
        README.md: a README, index or table of contents
        docs/adr/index.md: a README, index or table of contents
        docs/adr/template.md: a template
        {lerna.json, package.json}: not Markdown

      Every imported record passes \`handbook check\`; 5 records have warnings for what the source never had, until reviewed (\`imported.reviewed: true\`).
      "
    `);
  });
});

describe('re-import', () => {
  it('says "unchanged" for each file imported before, exits 0 and writes nothing', () => {
    const dir = handbookCopy();
    const source = corpusCopy(corpus('adr-tools'));
    const args = ['import', 'adr-tools', source, '--into', dir, '--owner', 'ana', '--today', TODAY];
    expect(handbook(args).code).toBe(0);
    const before = filesUnder(dir);
    const { code, stdout } = handbook(args);
    expect(code).toBe(0);
    expect(stdout.split('\n').slice(0, 4).join('\n')).toBe(
      `Nothing to import: every record in ${source} was imported into ${dir} before; nothing was written.\n\nAlready imported, unchanged:\n  0001-record-architecture-decisions.md: imported before as ${dir}/decisions/0007-record-architecture-decisions.md, unchanged since`,
    );
    expect(filesUnder(dir)).toEqual(before);
  });

  it('reports a source changed since it was imported, and imports only what is new', () => {
    const dir = handbookCopy();
    const source = corpusCopy(corpus('adr-tools'));
    importCorpus(corpus('adr-tools'), dir, 'ana', source);
    appendFileSync(join(source, '0002-use-postgresql-for-the-ledger.md'), '\nAmended later: read replicas added.\n');
    writeFileSync(
      join(source, '0007-use-opentelemetry.md'),
      '# 7. Use OpenTelemetry\n\nDate: 2022-03-01\n\n## Status\n\nAccepted\n\n## Context\n\nTraces stop at service borders; see ADR 4.\n\n## Decision\n\nEvery service exports OpenTelemetry traces.\n\n## Consequences\n\nOne collector per cluster.\n',
    );
    const plan = planImport({ format: 'adr-tools', source, into: dir, owner: 'ana', today: TODAY });
    expect(plan.records.map((r) => r.path)).toEqual(['decisions/0010-use-opentelemetry.md']);
    expect(plan.files.filter((f) => f.outcome === 'changed').map((f) => `${f.file}: ${f.reason}`)).toEqual([
      `0002-use-postgresql-for-the-ledger.md: imported before as ${dir}/decisions/0002-use-postgresql-for-the-ledger.md; the source has changed since: compare them and edit the record by hand (nothing was written)`,
    ]);
    writeImport(plan, dir);
    expect(readRecord(dir, 'decisions/0010-use-opentelemetry.md').body).toContain('Traces stop at service borders; see [ADR 4](../decisions/0004-use-cockroachdb-for-the-ledger.md).');
  });

  it('recognises a file imported from another clone of the same repository by its content', () => {
    const dir = handbookCopy();
    importCorpus(corpus('madr'), dir);
    const moved = join(temporary(), 'elsewhere', 'decisions');
    cpSync(corpus('madr').dir, moved, { recursive: true });
    const plan = planImport({ format: 'madr', source: moved, into: dir, today: TODAY });
    expect(plan.records).toEqual([]);
  });
});

describe('dates, numbers and names', () => {
  it('dates postmortems from the header, a ## Date section, frontmatter, the title or the file name, and honours the stated zone', () => {
    const dir = handbookCopy();
    const { plan } = importCorpus(corpus('sre-incident-reports'), dir);
    const book = importCorpus(corpus('sre-book'), dir).plan;
    expect([...plan.records, ...book.records].map((r) => [r.file, r.path])).toEqual([
      ['2018-02-20-launch-storm.md', 'postmortems/2018-02-20-launch-storm-after-the-announcement.md'],
      ['2019-02-20-no-logs.md', 'postmortems/2019-02-20-kubectl-logs-unavailable.md'],
      ['2019-04-03-ingress-cordoned.md', 'postmortems/2019-04-03-30-minute-outage-during-a-node-pool-upgrade.md'],
      ['2022-06-02-pod-limit.md', 'postmortems/2022-06-02-pod-limit-reached.md'],
      ['2016-05-04-cache-stampede.md', 'postmortems/2016-05-04-cache-stampede-on-the-product-catalog.md'],
      ['checkout-latency.md', 'postmortems/2024-02-09-checkout-latency-during-the-february-sale.md'],
      ['login-outage.md', 'postmortems/2021-11-08-login-outage-after-the-certificate-rotation.md'],
      ['search-index-lag.md', 'postmortems/2023-11-30-search-index-lagging-behind-the-catalog.md'],
      ['sonnet-search.md', 'postmortems/2015-10-21-shakespeare-sonnet.md'],
    ]);
    expect(readRecord(dir, 'postmortems/2016-05-04-cache-stampede-on-the-product-catalog.md').data).toMatchObject({
      status: 'published',
      started: '2016-05-04T07:58:00+01:00',
      resolved: '2016-05-04T08:10:00+01:00',
    });
    expect(readRecord(dir, 'postmortems/2021-11-08-login-outage-after-the-certificate-rotation.md').data).toMatchObject({
      status: 'in-review',
      started: '2021-11-08T09:12:00+01:00',
      detected: '2021-11-08T09:15:00+01:00',
      resolved: '2021-11-08T09:37:00+01:00',
    });
    expect(readRecord(dir, 'postmortems/2018-02-20-launch-storm-after-the-announcement.md').data).toMatchObject({ started: '2018-02-20T14:17:00+01:00', resolved: '2018-02-20T16:05:00+01:00' });
    expect(readRecord(dir, 'postmortems/2022-06-02-pod-limit-reached.md').data).toMatchObject({
      created: '2022-06-02',
      started: '2022-06-02T10:00:00-07:00',
      detected: '2022-06-02T21:00:00-07:00',
      resolved: '2022-06-02T21:30:00-07:00',
    });
    expect(planned(plan, '2022-06-02-pod-limit.md').notes).toContain('Dated 2022-06-02, as its timeline starts, though the title says 2022-01-27');
    expect(readRecord(dir, 'postmortems/2024-02-09-checkout-latency-during-the-february-sale.md').data).toMatchObject({
      status: 'in-review',
      started: '2024-02-09T09:00:00-05:00',
      detected: '2024-02-09T09:04:00-05:00',
      resolved: '2024-02-09T09:40:00-05:00',
    });
    expect(readRecord(dir, 'postmortems/2015-10-21-shakespeare-sonnet.md').data).toMatchObject({ started: '2015-10-21T14:54:00Z', detected: '2015-10-21T14:55:00Z', resolved: '2015-10-21T16:30:00Z' });
  });

  it.each([
    ['All times in CET (GMT+1)', '+01:00'],
    ['All times in PST (UTC-7)', '-07:00'],
    ['all times UTC', 'Z'],
    ['All times in GMT', 'Z'],
    ['All times in CEST', '+02:00'],
    ['Times are EST', '-05:00'],
    ['Times are EDT', '-04:00'],
    ['All times in PST', '-08:00'],
    ['All times in PDT', '-07:00'],
    ['All times BST', '+01:00'],
    ['All times IST', '+05:30'],
    ['All times JST', '+09:00'],
    ['All times in UTC+05:30', '+05:30'],
    ['All times in Europe/Zurich', '+02:00'],
  ])('reads "%s" as %s', (text, offset) => {
    expect(zoneOffset(text, '2019-07-01')).toBe(offset);
  });

  it('keeps original numbers when free, records them when not, and links prose references to the renumbered record', () => {
    const dir = handbookCopy();
    const { plan } = importCorpus(corpus('adr-tools'), dir);
    expect(readRecord(dir, 'decisions/0007-record-architecture-decisions.md').data['imported']).toMatchObject({ sourceId: '0001' });
    expect(planned(plan, '0001-record-architecture-decisions.md').notes[0]).toBe(`Renumbered 0001 → 0007: 1 is taken by ${dir}/decisions/0001-cache-tokens.md; \`imported.sourceId\` keeps 0001`);
    const cockroach = readRecord(dir, 'decisions/0004-use-cockroachdb-for-the-ledger.md').body;
    expect(cockroach).toContain('[ADR-0002](../decisions/0002-use-postgresql-for-the-ledger.md) assumed one region; [ADR #3](../decisions/0003-use-memcached-for-session-tokens.md) assumed');
    const madr = handbookCopy();
    importCorpus(corpus('madr'), madr);
    expect(readRecord(madr, 'decisions/0003-use-nats-for-domain-events.md').body).toContain('see [ADR-0001](../decisions/0005-use-kafka-for-domain-events.md) for why');
  });

  it('reads statuses whatever their case: In Review and Under Review are proposed, Partly superseded accepted', () => {
    const dir = handbookCopy();
    importCorpus(corpus('adr-tools'), dir);
    expect(readRecord(dir, 'decisions/0005-split-the-settlement-service.md').data['status']).toBe('proposed');
    expect(readRecord(dir, 'decisions/0006-retire-the-cron-host.md').data['status']).toBe('proposed');
    expect(readRecord(dir, 'decisions/0003-use-memcached-for-session-tokens.md').data['status']).toBe('accepted');
    const madr = handbookCopy();
    importCorpus(corpus('madr'), madr);
    expect(readRecord(madr, 'decisions/0004-schlusselverwaltung-uber-kms.md').data).toMatchObject({ status: 'proposed', imported: { unmapped: { status: 'In Review' } } });
  });

  it('tags log4brains records with their package name, and reads DD/MM/YYYY dates', () => {
    const dir = handbookCopy();
    const { plan } = importCorpus(corpus('log4brains'), dir);
    expect(plan.records.map((r) => [r.path, readRecord(dir, r.path).data['tags'] ?? []])).toEqual([
      ['decisions/0002-use-log4brains-to-manage-the-adrs.md', ['dev-tools', 'doc']],
      ['decisions/0003-use-a-graphql-gateway.md', ['api']],
      ['decisions/0004-use-rest-with-openapi.md', ['api']],
      ['decisions/0005-cache-carts-in-redis.md', ['performance', 'catalog-core']],
      ['decisions/0006-index-products-by-sku.md', ['catalog-core']],
      ['decisions/0007-render-product-pages-at-the-edge.md', ['performance', 'web']],
    ]);
    expect(readRecord(dir, 'decisions/0003-use-a-graphql-gateway.md').data).toMatchObject({ created: '2021-01-15', status: 'superseded', supersededBy: '0004-use-rest-with-openapi' });
    expect(readRecord(dir, 'decisions/0004-use-rest-with-openapi.md').data).toMatchObject({ created: '2021-03-01', supersedes: ['0003-use-a-graphql-gateway'] });
    expect(readRecord(dir, 'decisions/0007-render-product-pages-at-the-edge.md').body).toContain('([20210301-use-rest-with-openapi](../decisions/0004-use-rest-with-openapi.md))');
  });

  it('never makes a group a person: "Everyone in …", "all", "… team" and teams.yaml names', () => {
    const dir = handbookCopy();
    const { plan } = importCorpus(corpus('madr'), dir);
    const book = importCorpus(corpus('sre-book'), dir, 'ben').plan;
    expect([...plan.people, ...book.people].map((p) => p.name)).toEqual(['Chidi Eze', 'Jürgen Groß', 'jennifer', 'martym', 'docbrown']);
    expect(readRecord(dir, 'decisions/0003-use-nats-for-domain-events.md').data).toMatchObject({ deciders: ['chidi-eze', 'jurgen-gross'], consulted: ['ana'] });
    expect(readRecord(dir, 'decisions/0003-use-nats-for-domain-events.md').data['informed']).toBeUndefined();
  });
});

describe('images', () => {
  it('copies local images beside their record, rewrites their links, and lists remote ones', () => {
    const dir = handbookCopy();
    const { plan } = importCorpus(corpus('adr-tools'), dir);
    expect(plan.images.map((i) => [i.file, i.path])).toEqual([['0004-use-cockroachdb-for-the-ledger-img01.png', 'decisions/0004-use-cockroachdb-for-the-ledger-img01.png']]);
    expect(readFileSync(join(dir, 'decisions/0004-use-cockroachdb-for-the-ledger-img01.png'))).toEqual(readFileSync(join(corpus('adr-tools').dir, '0004-use-cockroachdb-for-the-ledger-img01.png')));
    expect(readRecord(dir, 'decisions/0004-use-cockroachdb-for-the-ledger.md').body).toContain('![The ledger in three regions](./0004-use-cockroachdb-for-the-ledger-img01.png)');
    expect(plan.remoteImages).toEqual([{ file: '0004-use-cockroachdb-for-the-ledger.md', url: 'https://charts.example.com/ledger-latency.png' }]);
  });

  it('names an image by its record, and turns one it cannot copy into a link so the site still builds', () => {
    const dir = handbookCopy();
    const { plan } = importCorpus(corpus('sre-incident-reports'), dir);
    const ingress = planned(plan, '2019-04-03-ingress-cordoned.md');
    expect(plan.images.map((i) => i.path)).toEqual(['postmortems/2019-04-03-30-minute-outage-during-a-node-pool-upgrade-requests.png']);
    expect(readRecord(dir, ingress.path).body).toContain("The upgrade runbook's chart is in [runbook chart](../_static/images/node-pool-upgrade.png).");
    expect(ingress.notes).toContain('Image `../_static/images/node-pool-upgrade.png` not copied (outside the source folder): now a link to where it was');
  });
});

describe('safety', () => {
  it('refuses to import the handbook into itself, a folder inside it, or a folder that holds it', () => {
    const dir = handbookCopy();
    for (const source of [dir, join(dir, 'decisions'), join(dir, '..')]) {
      expect(() => planImport({ format: 'adr-tools', source, into: dir, today: TODAY }), source).toThrow(ImportError);
    }
    const { code, stderr } = handbook(['import', 'adr-tools', join(dir, 'decisions'), '--into', dir]);
    expect(code).toBe(1);
    expect(stderr).toBe(`handbook import: Unexpected SOURCE_DIR \`${join(dir, 'decisions')}\` inside the handbook folder \`${dir}\`, expected a folder of records from elsewhere; nothing was read\n`);
    expect(() => planImport({ format: 'madr', source: join(dir, '..'), into: dir, today: TODAY })).toThrow(
      `Unexpected SOURCE_DIR \`${join(dir, '..')}\` that holds the handbook folder \`${dir}\`, expected the folder the records are in (e.g. docs/adr); nothing was read`,
    );
  });

  it('imports a log4brains project that holds the handbook, reading only the ADR folders .log4brains.yml names', () => {
    const project = corpusCopy(corpus('log4brains'));
    const dir = join(project, 'content');
    cpSync('test/fixtures/minimal', dir, { recursive: true });
    const plan = planImport({ format: 'log4brains', source: project, into: dir, owner: 'ana', today: TODAY });
    expect(plan.records).toHaveLength(6);
    expect(plan.files).toContainEqual({ file: 'content/', outcome: 'not-a-record', reason: 'the handbook folder this import writes to, not read' });
  });

  it('stops with placed messages when people.yaml is a folder or is not valid YAML, and writes nothing', () => {
    const source = corpusCopy(corpus('adr-tools'));
    const folder = handbookCopy();
    rmSync(join(folder, 'people.yaml'));
    mkdirSync(join(folder, 'people.yaml'));
    const asFolder = handbook(['import', 'adr-tools', source, '--into', folder, '--today', TODAY]);
    expect(asFolder.code).toBe(1);
    expect(asFolder.stderr).toBe(
      `handbook import: Unexpected problems in the handbook's people or teams, expected files the import can add people to; fix them first (nothing was written):\n  ${join(folder, 'people.yaml')}:1:1 Unexpected folder, expected a YAML file with a list of people\n`,
    );
    const broken = handbookCopy();
    writeFileSync(join(broken, 'teams.yaml'), '- id: core\n  name: [Core\n');
    const asYaml = handbook(['import', 'adr-tools', source, '--into', broken, '--today', TODAY]);
    expect(asYaml.code).toBe(1);
    expect(asYaml.stderr).toMatch(
      /^handbook import: Unexpected problems in the handbook's people or teams, expected files the import can add people to; fix them first \(nothing was written\):\n {2}\S*teams\.yaml:3:1 /,
    );
    expect(readdirSync(join(broken, 'decisions'))).toEqual(['0001-cache-tokens.md']);
  });

  it('never overwrites: a file that appeared after planning stops the write, and nothing is written', () => {
    const dir = handbookCopy();
    const plan = planImport({ format: 'adr-tools', source: corpusCopy(corpus('adr-tools')), into: dir, owner: 'ana', today: TODAY });
    writeFileSync(join(dir, 'decisions/0004-use-cockroachdb-for-the-ledger.md'), 'mine\n');
    expect(() => writeImport(plan, dir)).toThrow(ImportError);
    expect(readdirSync(join(dir, 'decisions')).sort()).toEqual(['0001-cache-tokens.md', '0004-use-cockroachdb-for-the-ledger.md']);
    expect(existsSync(join(dir, 'decisions/0004-use-cockroachdb-for-the-ledger-img01.png'))).toBe(false);
  });

  it('answers a wrong format with a usage error and a missing folder with a message', () => {
    const wrong = handbook(['import', 'confluence', 'somewhere']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('handbook import: Unexpected format `confluence`, expected one of adr-tools, madr, log4brains, sre-postmortem');
    const missing = handbook(['import', 'madr', 'no/such/folder', '--into', handbookCopy()]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('handbook import: Unexpected source `no/such/folder`, expected a folder of madr records\n');
  });
});

describe('git history', () => {
  it('dates an ADR that states no date by the day git first saw it, through a rename, and keeps the remote without credentials', () => {
    const repo = temporary('handbook-import-git-');
    const git = (...args: string[]) =>
      execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_DATE: '2017-07-18T10:00:00Z', GIT_COMMITTER_DATE: '2017-07-18T10:00:00Z' } });
    git('init', '-q');
    git('config', 'user.email', 'test@example.com');
    git('config', 'user.name', 'Test');
    git('remote', 'add', 'origin', 'https://x-access-token:secret@github.com/example/checkout.git');
    mkdirSync(join(repo, 'docs/adr'), { recursive: true });
    writeFileSync(
      join(repo, 'docs/adr/0007-use-kafka.md'),
      '# Use Kafka\n\n## Context and Problem Statement\n\nOrders need events.\n\n## Considered Options\n\n* Kafka\n* RabbitMQ\n\n## Decision Outcome\n\nChosen option: "Kafka", because the platform runs it.\n',
    );
    git('add', '.');
    git('commit', '-q', '-m', 'First decision');
    git('mv', 'docs/adr', 'docs/decisions');
    execFileSync('git', ['-C', repo, 'commit', '-q', '-m', 'Move the decisions'], { env: { ...process.env, GIT_AUTHOR_DATE: '2022-01-01T10:00:00Z', GIT_COMMITTER_DATE: '2022-01-01T10:00:00Z' } });
    const dir = handbookCopy();
    const plan = planImport({ format: 'madr', source: join(repo, 'docs/decisions'), into: dir, owner: 'ana', today: TODAY });
    writeImport(plan, dir);
    expect(readRecord(dir, 'decisions/0007-use-kafka.md').data).toMatchObject({
      status: 'accepted',
      created: '2017-07-18',
      imported: { repository: 'github.com/example/checkout', source: 'docs/decisions/0007-use-kafka.md', sourceId: '0007' },
    });
    expect(plan.records[0]!.notes).toContain('No date in the source: `created` is 2017-07-18, the day git first saw the file');
    expect(readFileSync(join(dir, 'decisions/0007-use-kafka.md'), 'utf8')).not.toContain('secret');
  });
});
