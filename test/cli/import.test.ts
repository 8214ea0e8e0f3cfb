import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ImportError, planImport, writeImport, type Format, type ImportPlan } from '../../src/import/plan.ts';
import { handbook } from '../support/cli.ts';

const TODAY = '2026-11-24';
const CORPORA = 'test/fixtures/import';

/** A temporary copy of the minimal handbook (one decision, 0001, and people ana and ben). */
function handbookCopy(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'handbook-import-')), 'content');
  cpSync('test/fixtures/minimal', dir, { recursive: true });
  return dir;
}

function imported(format: Format, owner?: string): { dir: string; plan: ImportPlan } {
  const dir = handbookCopy();
  const plan = planImport({ format, source: join(CORPORA, format), into: dir, owner, today: TODAY });
  writeImport(plan, dir);
  return { dir, plan };
}

function record(dir: string, path: string): { data: Record<string, unknown>; body: string } {
  const [, yaml, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(readFileSync(join(dir, path), 'utf8'))!;
  return { data: parse(yaml!) as Record<string, unknown>, body: body! };
}

const planned = (plan: ImportPlan, source: string) => plan.records.find((r) => r.source === source)!;
const rules = (problems: string[]): string[] => [...new Set(problems.map((p) => p.split(' ')[2]!))].sort();

describe('handbook import adr-tools', () => {
  it('keeps free numbers, renumbers a taken one, and maps status, dates and supersession both ways', () => {
    const { dir, plan } = imported('adr-tools', 'ana');
    expect(readdirSync(join(dir, 'decisions')).sort()).toEqual([
      '0001-cache-tokens.md',
      '0002-use-postgresql-for-the-ledger.md',
      '0003-adopt-event-sourcing-for-settlements.md',
      '0004-use-cockroachdb-for-the-ledger.md',
      '0005-snapshot-settlement-event-streams.md',
      '0006-record-architecture-decisions.md',
    ]);
    expect(planned(plan, '0001-record-architecture-decisions.md').notes).toContain('Renumbered 0001 → 0006: 1 is taken by ' + join(dir, 'decisions/0001-cache-tokens.md'));
    expect(plan.skipped).toEqual([]);
    expect(plan.records.map((r) => r.source)).not.toContain('README.md');

    expect(record(dir, 'decisions/0002-use-postgresql-for-the-ledger.md').data).toEqual({
      title: 'Use PostgreSQL for the ledger',
      status: 'superseded',
      owner: 'ana',
      created: '2019-03-11',
      decided: '2019-03-11',
      supersededBy: '0004-use-cockroachdb-for-the-ledger',
    });
    expect(record(dir, 'decisions/0004-use-cockroachdb-for-the-ledger.md').data).toMatchObject({ status: 'accepted', supersedes: ['0002-use-postgresql-for-the-ledger'] });
  });

  it('maps Amends and Amended by to related in both directions and rewrites links to the new ids', () => {
    const { dir } = imported('adr-tools', 'ana');
    const amended = record(dir, 'decisions/0003-adopt-event-sourcing-for-settlements.md');
    expect(amended.data['related']).toEqual(['decisions/0005-snapshot-settlement-event-streams']);
    expect(record(dir, 'decisions/0005-snapshot-settlement-event-streams.md').data['related']).toEqual(['decisions/0003-adopt-event-sourcing-for-settlements']);
    expect(amended.body).toContain('Replaying long streams gets slow; see [[decisions/0005-snapshot-settlement-event-streams]].');
    expect(amended.body).toContain('## Context\n\nSettlement disputes need the full history of a payout, not only its last state.\n');
  });

  it('leaves a missing date empty and says so, rather than inventing one', () => {
    const { dir, plan } = imported('adr-tools', 'ana');
    expect(record(dir, 'decisions/0005-snapshot-settlement-event-streams.md').data['created']).toBeUndefined();
    expect(planned(plan, '0005-snapshot-settlement-event-streams.md').notes).toContain('Missing a date: `created` is left for you to fill');
    expect(planned(plan, '0005-snapshot-settlement-event-streams.md').problems).toContain('2:1 error required-field Missing `created`, required for every decision');
  });
});

describe('handbook import madr', () => {
  it('reads MADR 2 bullets, MADR 3 frontmatter and MADR 4 decision-makers into deciders, consulted and informed', () => {
    const { dir, plan } = imported('madr');
    expect(record(dir, 'decisions/0000-use-markdown-architectural-decision-records.md').data).toMatchObject({ owner: 'ana', deciders: ['ana', 'ben'], created: '2021-02-01' });
    expect(record(dir, 'decisions/0006-use-kafka-for-domain-events.md').data).toMatchObject({ deciders: ['ana', 'chidi-eze'], consulted: ['ben'], informed: ['dana-whitfield'] });
    expect(record(dir, 'decisions/0003-use-nats-for-domain-events.md').data).toMatchObject({ owner: 'chidi-eze', deciders: ['chidi-eze'], consulted: ['ana'] });
    expect(plan.people.map((p) => [p.id, p.name, p.team])).toEqual([
      ['chidi-eze', 'Chidi Eze', 'core'],
      ['dana-whitfield', 'Dana Whitfield', 'core'],
      ['jurgen-gross', 'Jürgen Groß', 'core'],
    ]);
    const people = readFileSync(join(dir, 'people.yaml'), 'utf8');
    expect(people).toContain('# Added by handbook import from 0001-use-kafka-for-domain-events.md: check the name and team, add github.\n- id: chidi-eze\n  name: Chidi Eze\n  team: core\n');
    expect(people.startsWith(readFileSync('test/fixtures/minimal/people.yaml', 'utf8'))).toBe(true);
  });

  it('maps considered options and the chosen one, and files MADR sections under the model headings with their text', () => {
    const { dir } = imported('madr');
    const nats = record(dir, 'decisions/0003-use-nats-for-domain-events.md');
    expect(nats.data['options']).toEqual([{ name: 'NATS JetStream', chosen: true }, { name: 'Keep Kafka' }, { name: 'Amazon SNS with SQS' }]);
    expect(nats.body.match(/^## .*$/gm)).toEqual(['## Context', '## Decision Drivers', '## Options', '## Decision', '## Consequences', '## Confirmation', '## More Information']);
    expect(nats.body).toContain('## Confirmation\n\nThe platform on-call tracks broker toil each sprint; it stays under two hours a week.');
    expect(nats.body).toContain('### Keep Kafka\n\n* Good, because nothing changes');
    const madr2 = record(dir, 'decisions/0000-use-markdown-architectural-decision-records.md');
    expect(madr2.data['options']).toEqual([{ name: 'MADR 2.1.2', chosen: true }, { name: "Michael Nygard's template" }, { name: 'Formless' }]);
    expect(madr2.body).toMatch(/^\nTechnical Story: we keep losing/);
    expect(madr2.body).toContain('## Consequences\n\n### Positive Consequences\n\n* Decisions can be reviewed in pull requests like code.');
  });

  it('keeps one supersededBy when several records supersede one, says so, and check lists the disagreement', () => {
    const { dir, plan } = imported('madr');
    expect(record(dir, 'decisions/0006-use-kafka-for-domain-events.md').data).toMatchObject({ status: 'superseded', supersededBy: '0004-partition-events-by-tenant' });
    expect(record(dir, 'decisions/0003-use-nats-for-domain-events.md').data['supersedes']).toEqual(['0006-use-kafka-for-domain-events']);
    expect(planned(plan, '0001-use-kafka-for-domain-events.md').notes).toContain(
      'Superseded by 0004-partition-events-by-tenant and 0003-use-nats-for-domain-events: `supersededBy` holds one, 0004-partition-events-by-tenant (the latest)',
    );
    expect(rules(planned(plan, '0003-use-nats-for-domain-events.md').problems)).toEqual(['required-field', 'supersession']);
  });

  it('names a record with a non-ASCII title by its transliterated title', () => {
    const { dir } = imported('madr');
    expect(record(dir, 'decisions/0005-schlusselverwaltung-uber-kms.md').data).toMatchObject({ title: 'Schlüsselverwaltung über KMS', status: 'proposed', owner: 'jurgen-gross' });
  });
});

describe('handbook import log4brains', () => {
  it('numbers date-prefixed records in date order, reads DD/MM/YYYY dates and tags, and skips index and template', () => {
    const { dir, plan } = imported('log4brains', 'ben');
    expect(plan.records.map((r) => r.path)).toEqual([
      'decisions/0002-use-log4brains-to-manage-the-adrs.md',
      'decisions/0003-use-a-graphql-gateway.md',
      'decisions/0004-use-rest-with-openapi.md',
      'decisions/0005-cache-carts-in-redis.md',
    ]);
    expect(record(dir, 'decisions/0004-use-rest-with-openapi.md').data).toMatchObject({ created: '2021-03-01', decided: '2021-03-01', tags: ['api'], supersedes: ['0003-use-a-graphql-gateway'] });
    expect(record(dir, 'decisions/0003-use-a-graphql-gateway.md').data).toMatchObject({ status: 'superseded', created: '2021-01-15', supersededBy: '0004-use-rest-with-openapi' });
    expect(record(dir, 'decisions/0005-cache-carts-in-redis.md').data).toMatchObject({ status: 'draft', tags: ['performance', 'checkout'] });
    expect(record(dir, 'decisions/0004-use-rest-with-openapi.md').body).toContain('The GraphQL gateway chosen in [[decisions/0003-use-a-graphql-gateway]]\nmade caching');
  });
});

describe('handbook import sre-postmortem', () => {
  it('maps header labels, the timeline, and the action items table into fields, and lessons into sections', () => {
    const { dir } = imported('sre-postmortem');
    const sonnet = record(dir, 'postmortems/2015-10-21-shakespeare-sonnet.md');
    expect(sonnet.data).toEqual({
      title: 'Shakespeare Sonnet++ Postmortem (incident #465)',
      summary: 'Shakespeare Search down for 66 minutes during a period of very high interest in Shakespeare due to the discovery of a new sonnet.',
      status: 'published',
      owner: 'ana',
      created: '2015-10-21',
      severity: 'sev2',
      started: '2015-10-21T14:54:00Z',
      detected: '2015-10-21T14:55:00Z',
      resolved: '2015-10-21T16:30:00Z',
      services: ['shakespeare-search', 'sonnet-index'],
      impact: 'Estimated 1.21B queries lost, no revenue impact.',
      actions: [
        { title: 'Update playbook with instructions for responding to cascading failure', owner: 'ana', status: 'done', kind: 'mitigate' },
        { title: 'Use flux capacitor to balance load between clusters', owner: 'martym', status: 'open', kind: 'prevent', link: 'https://tracker.example.com/5554823' },
        { title: 'Schedule cascading failure test during next DiRT', owner: 'ben', status: 'open', kind: 'process' },
      ],
    });
    expect(sonnet.body.match(/^## .*$/gm)).toEqual([
      '## Summary', '## Impact', '## Root causes', '## Trigger', '## Resolution', '## Detection', '## Action items', '## What went well', '## What went wrong', '## Where we got lucky', '## Timeline',
    ]);
  });

  it('leaves times without a time zone empty and lists the gaps check will report', () => {
    const { plan } = imported('sre-postmortem', 'ben');
    const latency = planned(plan, '2024-02-09-checkout-latency.md');
    expect(latency.path).toBe('postmortems/2024-02-09-checkout-latency-during-the-february-sale.md');
    expect(latency.status).toBe('in-review');
    expect(latency.notes).toContain('Unmapped timeline times: no time zone stated (e.g. "all times UTC"), so `started`, `detected` and `resolved` are left empty');
    expect(latency.problems.map((p) => p.replace(/^\d+:\d+ /, ''))).toEqual([
      'error required-field Missing `started`, required when status is `in-review`',
      'error required-field Missing `detected`, required when status is `in-review`',
      'error required-field Missing `resolved`, required when status is `in-review`',
      'error required-field Missing `services`, required when status is `in-review`',
    ]);
  });
});

describe('handbook import, the command', () => {
  it('prints the plan on --dry-run and writes nothing', () => {
    const dir = handbookCopy();
    const before = readdirSync(join(dir, 'decisions'));
    const { code, stdout } = handbook(['import', 'adr-tools', join(CORPORA, 'adr-tools'), '--into', dir, '--owner', 'ana', '--dry-run', '--today', TODAY]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Would import 5 records into /);
    expect(stdout).toContain(`0001-record-architecture-decisions.md → ${dir}/decisions/0006-record-architecture-decisions.md (accepted)\n  note  Renumbered 0001 → 0006`);
    expect(readdirSync(join(dir, 'decisions'))).toEqual(before);
    expect(readFileSync(join(dir, 'people.yaml'), 'utf8')).toBe(readFileSync('test/fixtures/minimal/people.yaml', 'utf8'));
  });

  it('never overwrites: importing twice gives new names, and the first files stay as they were', () => {
    const dir = handbookCopy();
    const args = ['import', 'sre-postmortem', join(CORPORA, 'sre-postmortem'), '--into', dir, '--owner', 'ben', '--today', TODAY];
    expect(handbook(args).code).toBe(0);
    const first = readFileSync(join(dir, 'postmortems/2015-10-21-shakespeare-sonnet.md'), 'utf8');
    const { code, stdout } = handbook(args);
    expect(code).toBe(0);
    expect(stdout).toContain('note  Named 2015-10-21-shakespeare-sonnet-2: 2015-10-21-shakespeare-sonnet is taken');
    expect(readFileSync(join(dir, 'postmortems/2015-10-21-shakespeare-sonnet.md'), 'utf8')).toBe(first);
    expect(existsSync(join(dir, 'postmortems/2015-10-21-shakespeare-sonnet-2.md'))).toBe(true);
  });

  it('refuses to write over a file that appeared after planning, and writes nothing', () => {
    const dir = handbookCopy();
    const plan = planImport({ format: 'adr-tools', source: join(CORPORA, 'adr-tools'), into: dir, owner: 'ana', today: TODAY });
    writeFileSync(join(dir, 'decisions/0004-use-cockroachdb-for-the-ledger.md'), 'mine\n');
    expect(() => writeImport(plan, dir)).toThrow(ImportError);
    expect(readdirSync(join(dir, 'decisions')).sort()).toEqual(['0001-cache-tokens.md', '0004-use-cockroachdb-for-the-ledger.md']);
    expect(readFileSync(join(dir, 'decisions/0004-use-cockroachdb-for-the-ledger.md'), 'utf8')).toBe('mine\n');
  });

  it('leaves a handbook that check reads, with problems only in imported records', () => {
    const dir = handbookCopy();
    expect(handbook(['import', 'madr', join(CORPORA, 'madr'), '--into', dir, '--today', TODAY]).code).toBe(0);
    const { code, stdout } = handbook(['check', dir, '--format', 'json', '--today', TODAY]);
    expect(code).toBe(1);
    const { problems } = JSON.parse(stdout) as { problems: { file: string; rule: string }[] };
    const files = new Set(problems.map((p) => p.file.replace(/^.*\/content\//, '')));
    expect([...files].every((f) => f.startsWith('decisions/') && f !== 'decisions/0001-cache-tokens.md')).toBe(true);
    expect([...new Set(problems.map((p) => p.rule))].sort()).toEqual(['required-field', 'section-missing', 'supersession']);
  });

  it('answers a wrong format with a usage error and a missing folder with a message', () => {
    const wrong = handbook(['import', 'confluence', CORPORA]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('handbook import: Unexpected format `confluence`, expected one of adr-tools, madr, log4brains, sre-postmortem');
    const missing = handbook(['import', 'madr', 'no/such/folder', '--into', handbookCopy()]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('handbook import: Unexpected source `no/such/folder`, expected a folder of madr records\n');
  });
});
