import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

/**
 * A synthetic but realistic handbook of N records for the benchmark: the three kinds in
 * the proportions a team accumulates them, every status, people and teams scaled with N,
 * bodies of a few hundred words with headings, lists, a table and code, and the
 * cross-references real handbooks have (supersession chains, parent outcomes, decisions
 * serving outcomes, postmortems citing decisions, `[[...]]` body links). Deterministic
 * for a seed, and passes `handbook check` with no error.
 */

/** mulberry32: a small, well-known seeded PRNG. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SERVICES = ['checkout', 'ledger', 'payouts', 'vault', 'webhooks', 'risk-engine', 'gateway', 'reporting', 'onboarding', 'refunds', 'disputes', 'notifications', 'search', 'billing', 'identity'];
const NOUNS = [
  'latency',
  'error budget',
  'retry policy',
  'queue depth',
  'connection pool',
  'cache',
  'schema migration',
  'feature flag',
  'rollout',
  'alert',
  'runbook',
  'dashboard',
  'batch window',
  'index',
  'replica',
  'contract test',
  'timeout',
  'rate limit',
  'deploy pipeline',
  'audit log',
];
const VERBS = ['reduce', 'automate', 'replace', 'measure', 'split', 'harden', 'simplify', 'move', 'cap', 'document', 'shorten', 'retire'];
const ADJECTIVES = ['slow', 'noisy', 'manual', 'fragile', 'expensive', 'opaque', 'duplicated', 'unbounded', 'stale', 'shared'];
const TAGS = ['latency', 'reliability', 'payments', 'ledger', 'security', 'tooling', 'observability', 'cost', 'compliance', 'developer-experience', 'data', 'on-call'];
const METRICS: [string, string, number, number][] = [
  ['p99 latency', 'ms', 900, 300],
  ['error rate', '%', 2.4, 0.5],
  ['pages per week', 'pages', 14, 4],
  ['time to onboard', 'days', 12, 3],
  ['authorisation rate', '%', 90, 94],
  ['automated share', '%', 35, 90],
];
const FIRST = ['Ada', 'Bela', 'Chen', 'Dara', 'Emil', 'Fatou', 'Gita', 'Hugo', 'Iris', 'Jun', 'Kofi', 'Lena', 'Milo', 'Nia', 'Omar', 'Pia', 'Quinn', 'Rui', 'Sana', 'Taro'];
const LAST = ['Abara', 'Berg', 'Costa', 'Diallo', 'Eriksen', 'Farouk', 'Gomez', 'Haddad', 'Ito', 'Jensen', 'Kowal', 'Lopes', 'Moreau', 'Novak', 'Okoye', 'Petrov'];

const START = Date.UTC(2019, 0, 1);
const SPAN_DAYS = 2850; // up to late 2026
const DAY = 86_400_000;

const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const plus = (date: string, days: number): string => iso(Date.parse(date) + days * DAY);

interface Plan {
  collection: 'outcomes' | 'decisions' | 'postmortems';
  id: string;
  status: string;
  created: string;
  index: number;
}

export interface Generated {
  records: number;
  people: number;
  teams: number;
  byKind: Record<string, number>;
}

export function generateHandbook(dir: string, n: number, seed = 42): Generated {
  const rand = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const between = (low: number, high: number): number => low + Math.floor(rand() * (high - low + 1));
  const weighted = (weights: Record<string, number>): string => {
    let roll = rand() * Object.values(weights).reduce((a, b) => a + b, 0);
    for (const [value, weight] of Object.entries(weights)) if ((roll -= weight) < 0) return value;
    return Object.keys(weights)[0]!;
  };

  const teamCount = Math.max(2, Math.round(n / 160));
  const teams = Array.from({ length: teamCount }, (_, i) => ({ id: `team-${i + 1}`, name: `${pick(SERVICES).replace(/-/g, ' ')} team ${i + 1}` }));
  const people = Array.from({ length: Math.max(6, Math.round(n / 20)) }, (_, i) => ({
    id: `person-${i + 1}`,
    name: `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]} ${i + 1}`,
    team: teams[i % teams.length]!.id,
    github: `gh-person-${i + 1}`,
  }));
  const person = (): string => pick(people).id;
  const others = (owner: string, count: number): string[] => {
    const set = new Set<string>();
    while (set.size < count) {
      const id = person();
      if (id !== owner) set.add(id);
    }
    return [...set];
  };

  // Plan every record first so references can point at records that exist.
  const plans: Plan[] = [];
  let decisionNumber = 0;
  for (let i = 0; i < n; i++) {
    const created = iso(START + Math.floor((i / n) * SPAN_DAYS) * DAY);
    const collection = weighted({ outcomes: 25, decisions: 45, postmortems: 30 }) as Plan['collection'];
    const slug = `${pick(VERBS)}-${pick(NOUNS).replace(/ /g, '-')}-${i + 1}`;
    if (collection === 'outcomes') {
      plans.push({ collection, id: slug, created, index: i, status: weighted({ draft: 6, committed: 30, achieved: 36, missed: 16, dropped: 12 }) });
    } else if (collection === 'decisions') {
      decisionNumber += 1;
      const id = `${String(decisionNumber).padStart(4, '0')}-${slug}`;
      plans.push({ collection, id, created, index: i, status: weighted({ draft: 4, proposed: 10, accepted: 56, rejected: 10, superseded: 15, deprecated: 5 }) });
    } else {
      plans.push({ collection, id: `${created}-${slug}`, created, index: i, status: weighted({ draft: 5, 'in-review': 15, published: 80 }) });
    }
  }
  const published = (p: Plan): boolean => p.status !== 'draft';
  const outcomes = plans.filter((p) => p.collection === 'outcomes' && published(p));
  const decisions = plans.filter((p) => p.collection === 'decisions');

  // Supersession: each superseded decision points at the next decision that was accepted
  // (accepted, or superseded itself, which makes chains); without one it stays accepted.
  const supersededBy = new Map<string, string>();
  const supersedes = new Map<string, string[]>();
  decisions.forEach((d, i) => {
    if (d.status !== 'superseded') return;
    let newer: Plan | undefined;
    for (let j = i + 1; j < decisions.length && newer === undefined; j++) {
      if (decisions[j]!.status === 'accepted' || decisions[j]!.status === 'superseded') newer = decisions[j];
    }
    if (newer === undefined) {
      d.status = 'accepted';
      return;
    }
    supersededBy.set(d.id, newer.id);
    supersedes.set(newer.id, [...(supersedes.get(newer.id) ?? []), d.id]);
  });
  const acceptedDecisions = decisions.filter((d) => published(d));
  // One of the 40 records of `list` planned just before `plan`. Lists are in plan order, so
  // a binary search finds how many come before: a scan per record would make 100,000 records
  // take hours.
  const earlier = <T extends Plan>(list: T[], plan: Plan): T | undefined => {
    let [low, high] = [0, list.length];
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (list[mid]!.index < plan.index) low = mid + 1;
      else high = mid;
    }
    return low === 0 ? undefined : list[Math.max(0, low - 1 - Math.floor(rand() * 40))];
  };
  const anyPublished = plans.filter(published);
  const bodyLink = (plan: Plan): string => {
    const target = earlier(anyPublished, plan);
    return target ? `See [[${target.collection}/${target.id}]] for the background.` : 'This is the first record of its kind.';
  };

  const sentence = (): string => {
    const words = `${pick(VERBS)} the ${pick(ADJECTIVES)} ${pick(NOUNS)} in ${pick(SERVICES)} so that the ${pick(NOUNS)} stays within what ${pick(SERVICES)} can absorb`;
    return `${words[0]!.toUpperCase()}${words.slice(1)}.`;
  };
  const paragraph = (sentences: number): string => Array.from({ length: sentences }, sentence).join(' ');
  const list = (items: number): string => Array.from({ length: items }, () => `- ${sentence()}`).join('\n');
  const table = (): string => {
    const rows = Array.from({ length: 3 }, () => `| ${pick(SERVICES)} | ${between(20, 900)} ms | ${between(1, 40)} |`);
    return ['| Service | p99 | Incidents |', '| --- | --- | --- |', ...rows].join('\n');
  };
  const code = (): string => ['```yaml', `service: ${pick(SERVICES)}`, `timeout_ms: ${between(100, 3000)}`, `retries: ${between(0, 5)}`, '```'].join('\n');
  const section = (heading: string, body: string): string => `## ${heading}\n\n${body}\n`;

  const yamlList = (values: readonly string[]): string => `[${values.join(', ')}]`;
  const tags = (): string => yamlList([...new Set([pick(TAGS), pick(TAGS)])]);
  const titleOf = (plan: Plan): string => {
    const [verb, ...rest] = plan.id.replace(/^\d{4}-\d{2}-\d{2}-|^\d{4}-/, '').split('-');
    return `${verb![0]!.toUpperCase()}${verb!.slice(1)} the ${rest.slice(0, -1).join(' ')} (${rest.at(-1)})`;
  };

  for (const folder of ['outcomes', 'decisions', 'postmortems']) mkdirSync(join(dir, folder), { recursive: true });
  writeFileSync(join(dir, 'teams.yaml'), teams.map((t) => `- id: ${t.id}\n  name: ${t.name}\n`).join(''));
  writeFileSync(join(dir, 'people.yaml'), people.map((p) => `- id: ${p.id}\n  name: ${p.name}\n  team: ${p.team}\n  github: ${p.github}\n`).join(''));

  const byKind: Record<string, number> = { outcomes: 0, decisions: 0, postmortems: 0 };
  for (const plan of plans) {
    byKind[plan.collection]! += 1;
    const owner = person();
    const front: string[] = [`title: ${titleOf(plan)}`, `status: ${plan.status}`, `owner: ${owner}`, `created: ${plan.created}`, `tags: ${tags()}`];
    const body: string[] = [];
    const draft = plan.status === 'draft';
    if (!draft) front.push(`summary: ${sentence()}`);

    if (plan.collection === 'outcomes') {
      const [metric, unit, baseline, target] = pick(METRICS);
      const closed = ['achieved', 'missed', 'dropped'].includes(plan.status);
      if (!draft) {
        const due = plus(plan.created, between(90, 270));
        front.push(
          `due: ${due}`,
          'successCriteria:',
          `  - ${sentence()}`,
          `  - ${sentence()}`,
          'keyResults:',
          `  - metric: ${metric}`,
          `    unit: "${unit}"`,
          `    baseline: ${baseline}`,
          `    target: ${target}`,
        );
        if (plan.status === 'achieved' || plan.status === 'missed') {
          const lower = target < baseline;
          const met = plan.status === 'achieved';
          const actual = met ? (lower ? target * 0.9 : target * 1.02) : (baseline + target) / 2;
          front.push(`    actual: ${Math.round(actual * 100) / 100}`);
        }
        if (closed) front.push(`closed: ${plus(due, between(-10, 20))}`);
        if (plan.status === 'dropped') front.push(`droppedBecause: ${sentence()}`);
        const parent = rand() < 0.2 ? earlier(outcomes, plan) : undefined;
        if (parent) front.push(`parent: ${parent.id}`);
        front.push(`contributors: ${yamlList(others(owner, 2))}`);
        body.push(section('Why', `${paragraph(4)}\n\n${list(3)}\n\n${bodyLink(plan)}`));
        if (plan.status === 'achieved' || plan.status === 'missed') {
          body.push(section('Results', `${paragraph(3)}\n\n${table()}`), section('Learnings', `${paragraph(3)}\n\n${list(2)}`));
        } else {
          body.push(section('Approach', `${paragraph(4)}\n\n${table()}`));
        }
      } else {
        body.push(section('Why', paragraph(3)));
      }
    } else if (plan.collection === 'decisions') {
      if (!draft) {
        const deciders = [owner, ...others(owner, 1)];
        const chosen = ['accepted', 'superseded', 'deprecated'].includes(plan.status);
        // A one-way door says why each rejected option lost and is reviewed within a year,
        // as the default policy requires.
        const oneWay = rand() < 0.3;
        front.push(`deciders: ${yamlList(deciders)}`, `consulted: ${yamlList(others(owner, 2))}`, `door: ${oneWay ? 'one-way' : 'two-way'}`, 'options:');
        const optionCount = between(2, 3);
        for (let o = 0; o < optionCount; o++) {
          const name = `${pick(VERBS)} the ${pick(NOUNS)}`;
          const verdict = o === 0 && chosen ? '\n    chosen: true' : oneWay ? `\n    reason: To ${name} moves the problem instead of solving it` : '';
          front.push(`  - name: ${name}${verdict}`);
        }
        if (plan.status !== 'proposed') {
          const decided = plus(plan.created, between(3, 30));
          front.push(`decided: ${decided}`);
          if (chosen) front.push(`expectedOutcome: ${sentence()}`, `reviewBy: ${plus(decided, oneWay ? between(90, 360) : between(180, 720))}`);
        }
        const serves = earlier(outcomes, plan);
        if (serves) front.push(`outcomes: [${serves.id}]`);
        const by = supersededBy.get(plan.id);
        if (by) front.push(`supersededBy: ${by}`);
        const older = supersedes.get(plan.id);
        if (older) front.push(`supersedes: ${yamlList(older)}`);
        body.push(section('Context', `${paragraph(4)}\n\n${bodyLink(plan)}`), section('Options', `${list(optionCount)}\n\n${table()}`));
        if (chosen) body.push(section('Decision', `${paragraph(3)}\n\n${code()}`), section('Consequences', `${paragraph(3)}\n\n${list(3)}`));
      } else {
        body.push(section('Context', paragraph(3)));
      }
    } else {
      front.push(`severity: sev${between(1, 4)}`);
      if (!draft) {
        const started = `${plan.created}T${String(between(0, 20)).padStart(2, '0')}:${String(between(0, 59)).padStart(2, '0')}:00Z`;
        const detected = new Date(Date.parse(started) + between(1, 45) * 60_000).toISOString().replace('.000', '');
        const resolved = new Date(Date.parse(detected) + between(5, 240) * 60_000).toISOString().replace('.000', '');
        front.push(`started: ${started}`, `detected: ${detected}`, `resolved: ${resolved}`, `services: ${yamlList([pick(SERVICES)])}`, `impact: ${sentence()}`);
        const cited = earlier(acceptedDecisions, plan);
        if (cited) front.push(`decisions: [${cited.id}]`);
        if (plan.status === 'published') {
          front.push('actions:');
          for (let a = 0; a < between(1, 4); a++) {
            front.push(
              `  - title: ${sentence()}`,
              `    owner: ${person()}`,
              `    due: ${plus(plan.created, between(14, 120))}`,
              `    status: ${weighted({ done: 70, open: 10, 'in-progress': 10, 'wont-do': 10 })}`,
              `    kind: ${pick(['prevent', 'detect', 'mitigate', 'process'])}`,
            );
          }
        }
        body.push(
          section('Summary', paragraph(3)),
          section('Impact', `${paragraph(2)}\n\n${table()}`),
          section('Timeline', Array.from({ length: 5 }, (_, t) => `- ${String(10 + t).padStart(2, '0')}:${String(between(0, 59)).padStart(2, '0')} ${sentence()}`).join('\n')),
          section('Root causes', `${paragraph(3)}\n\n${code()}\n\n${bodyLink(plan)}`),
        );
        if (plan.status === 'published') body.push(section('What went well', list(3)), section('What went wrong', list(3)));
      } else {
        body.push(section('Summary', paragraph(2)));
      }
    }
    writeFileSync(join(dir, plan.collection, `${plan.id}.md`), `---\n${front.join('\n')}\n---\n\n${body.join('\n')}`);
  }
  return { records: n, people: people.length, teams: teams.length, byKind };
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { records: { type: 'string', default: '1000' }, out: { type: 'string' }, seed: { type: 'string', default: '42' } } });
  if (values.out === undefined) {
    process.stderr.write('Usage: node bench/generate.ts --records N --out DIR [--seed S]\n');
    process.exit(2);
  }
  const generated = generateHandbook(values.out, Number(values.records), Number(values.seed));
  process.stdout.write(`${JSON.stringify(generated)}\n`);
}
