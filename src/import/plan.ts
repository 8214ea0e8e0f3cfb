import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, relative, resolve, sep } from 'node:path';
import { stringify } from 'yaml';
import { decisionNumbers } from '../authoring/new.ts';
import { writeNewFile } from '../authoring/write.ts';
import { checkHandbook } from '../check/index.ts';
import { recordPaths } from '../records/load.ts';
import { decodeUtf8 } from '../records/text.ts';
import { kindOf } from '../schemas/index.ts';
import { readDecision } from './decisions.ts';
import type { Draft } from './draft.ts';
import { PeopleResolver, type NewPerson } from './people.ts';
import { readPostmortem } from './postmortems.ts';

/** The corpora `handbook import` reads. */
export const FORMATS = ['adr-tools', 'madr', 'log4brains', 'sre-postmortem'] as const;
export type Format = (typeof FORMATS)[number];

/** A problem with the import itself (nothing to import, a name taken); nothing is written. */
export class ImportError extends Error {
  override name = 'ImportError';
}

export interface ImportOptions {
  format: Format;
  source: string;
  into: string;
  owner?: string | undefined;
  /** The date `check` judges "overdue" against in the report. */
  today: string;
}

/** One record the import writes. */
export interface PlannedRecord {
  /** The source file, relative to the source folder. */
  source: string;
  /** Where it is written, relative to `into`, with `/` separators. */
  path: string;
  status: string;
  text: string;
  /** What could not be mapped, and renumbering. */
  notes: string[];
  /** What `handbook check` will report on the imported record: `line:column rule message`. */
  problems: string[];
}

export interface ImportPlan {
  records: PlannedRecord[];
  people: NewPerson[];
  /** Source files that were not read, with why. */
  skipped: { source: string; reason: string }[];
}

/** Files that are not records in each corpus: indexes, templates and READMEs. */
const NOT_RECORDS = /^(readme|index|template|adr-template|_.*)\.mdx?$/i;

/** Markdown files under `root`, relative to it with `/` separators, in a stable order. */
function sourceFiles(root: string, format: Format): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (format === 'log4brains' || format === 'sre-postmortem') walk(path);
      } else if (entry.isFile() && /\.mdx?$/i.test(entry.name) && !NOT_RECORDS.test(entry.name)) {
        files.push(relative(root, path).split(sep).join('/'));
      }
    }
  };
  walk(root);
  return format === 'adr-tools' ? files.filter((file) => /^\d+-/.test(posix.basename(file))) : files;
}

/**
 * Gives every imported decision a 4-digit number: its own when it is free, otherwise the
 * next free one after everything on file. Sources without numbers (log4brains) are
 * numbered in date order.
 */
function numberDecisions(drafts: Draft[], into: string): Map<Draft, number> {
  const taken = decisionNumbers(into);
  const numbers = new Map<Draft, number>();
  const used = new Set(taken.keys());
  const order = [...drafts].sort((a, b) => (a.number ?? Infinity) - (b.number ?? Infinity) || String(a.fields['created'] ?? '').localeCompare(String(b.fields['created'] ?? '')) || a.source.localeCompare(b.source));
  const waiting: Draft[] = [];
  for (const draft of order) {
    if (draft.number !== undefined && !used.has(draft.number) && draft.number <= 9999) {
      numbers.set(draft, draft.number);
      used.add(draft.number);
    } else waiting.push(draft);
  }
  let next = Math.max(0, ...used) + 1;
  for (const draft of waiting) {
    while (used.has(next)) next += 1;
    if (draft.number !== undefined) {
      const holder = taken.get(draft.number) ?? drafts.find((d) => d !== draft && numbers.get(d) === draft.number)?.source;
      draft.notes.push(`Renumbered ${String(draft.number).padStart(4, '0')} → ${String(next).padStart(4, '0')}: ${draft.number} is taken by ${holder ?? 'another record'}`);
    }
    numbers.set(draft, next);
    used.add(next);
  }
  return numbers;
}

/** Fields in the model's order with empty values left out, person names turned into ids. */
function frontmatter(draft: Draft, people: PeopleResolver, owner: string | undefined): Record<string, unknown> {
  const person = (name: unknown): string | undefined => (typeof name === 'string' ? people.resolve(name, draft.source) : undefined);
  const persons = (names: unknown): string[] | undefined => {
    const ids = Array.isArray(names) ? names.map(person).filter((id): id is string => id !== undefined) : [];
    return ids.length > 0 ? [...new Set(ids)] : undefined;
  };
  const { fields } = draft;
  const deciders = persons(fields['deciders']);
  const ownerId = owner ?? person(fields['owner']) ?? deciders?.[0];
  if (owner === undefined && ownerId !== undefined) draft.notes.push(`Owner \`${ownerId}\` taken from the ${draft.collection === 'decisions' ? 'first decider' : 'first author'}; pass --owner to choose`);
  if (ownerId === undefined) draft.notes.push('Missing an owner: pass --owner, or fill `owner` in');
  const actions = Array.isArray(fields['actions'])
    ? (fields['actions'] as Record<string, unknown>[]).map((action) => ({ ...action, owner: person(action['owner']) }))
    : undefined;
  const all: Record<string, unknown> = { ...fields, owner: ownerId, deciders, consulted: persons(fields['consulted']), informed: persons(fields['informed']), actions };
  const order = ['title', 'summary', 'status', 'owner', 'created', 'tags', 'related', ...Object.keys(draft.fields)];
  const clean = (value: unknown): unknown =>
    Array.isArray(value) ? value.map(clean) : value !== null && typeof value === 'object' ? Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) : value;
  return Object.fromEntries(
    [...new Set([...order, ...Object.keys(all)])]
      .map((key) => [key, clean(all[key])] as const)
      .filter(([, value]) => value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0)),
  );
}

/** The record file: YAML frontmatter, then the sections with their source text. */
function renderRecord(fields: Record<string, unknown>, sections: Draft['sections']): string {
  const yaml = stringify(fields, { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' });
  const body = sections.map((s) => (s.heading === '' ? s.text : `## ${s.heading}\n\n${s.text}`)).join('\n\n');
  return `---\n${yaml}---\n\n${body}\n`;
}

/**
 * Works out what importing a corpus writes: file names (decisions renumbered when their
 * number is taken), frontmatter, sections, cross-links rewritten to `[[decisions/<id>]]`,
 * supersession in both directions, new people, and what `check` will say of each record.
 * Writes nothing.
 */
export function planImport(options: ImportOptions): ImportPlan {
  const { format, source, into, owner } = options;
  if (!existsSync(source) || !statSync(source).isDirectory()) throw new ImportError(`Unexpected source \`${source}\`, expected a folder of ${format} records`);
  const people = new PeopleResolver(into, owner);
  if (owner !== undefined && !people.has(owner)) throw new ImportError(`Unexpected --owner \`${owner}\`, expected a person id from ${join(into, 'people.yaml')}`);

  const skipped: ImportPlan['skipped'] = [];
  const drafts: Draft[] = [];
  for (const file of sourceFiles(source, format)) {
    const decoded = decodeUtf8(readFileSync(join(source, file)));
    if (!decoded.ok) {
      skipped.push({ source: file, reason: `not UTF-8 text (invalid byte at offset ${decoded.offset})` });
      continue;
    }
    if (decoded.text.trim() === '') {
      skipped.push({ source: file, reason: 'empty file' });
      continue;
    }
    drafts.push(format === 'sre-postmortem' ? readPostmortem(file, decoded.text) : readDecision(file, decoded.text));
  }
  if (drafts.length === 0) throw new ImportError(`Missing records in ${source}, expected ${format} Markdown files${skipped.length > 0 ? ` (skipped ${skipped.map((s) => s.source).join(', ')})` : ''}`);

  const ids = new Map<Draft, string>();
  const decisions = drafts.filter((d) => d.collection === 'decisions');
  const numbers = numberDecisions(decisions, into);
  for (const draft of decisions) ids.set(draft, `${String(numbers.get(draft)).padStart(4, '0')}-${draft.slug}`);
  const existing = new Set(recordPaths(into, kindOf('postmortems')).map((p) => posix.basename(p.split(sep).join('/')).replace(/\.mdx?$/, '')));
  for (const draft of drafts.filter((d) => d.collection === 'postmortems')) {
    const base = `${draft.date ?? 'undated'}-${draft.slug}`;
    let id = base;
    for (let n = 2; existing.has(id); n += 1) id = `${base}-${n}`;
    if (id !== base) draft.notes.push(`Named ${id}: ${base} is taken`);
    existing.add(id);
    ids.set(draft, id);
  }

  const byKey = new Map(drafts.map((d) => [d.source.replace(/\.mdx?$/i, ''), d]));
  const byNumber = new Map(decisions.filter((d) => d.number !== undefined).map((d) => [`#${d.number}`, d]));
  const find = (key: string): Draft | undefined => byKey.get(key) ?? byNumber.get(key);
  const supersedes = new Map<Draft, Set<Draft>>();
  const supersededBy = new Map<Draft, Draft[]>();
  const related = new Map<Draft, Set<Draft>>();
  const addTo = <V>(map: Map<Draft, Set<V>>, key: Draft, value: V): void => void map.set(key, (map.get(key) ?? new Set()).add(value));
  for (const draft of drafts) {
    for (const link of draft.links) {
      const target = find(link.target);
      if (target === undefined) {
        draft.notes.push(`Unmapped link \`${link.rel}\` to \`${link.target}\`: no such record among the imported files`);
        continue;
      }
      if (link.rel === 'supersedes') {
        addTo(supersedes, draft, target);
        supersededBy.set(target, [...new Set([...(supersededBy.get(target) ?? []), draft])]);
      } else if (link.rel === 'supersededBy') {
        addTo(supersedes, target, draft);
        supersededBy.set(draft, [...new Set([...(supersededBy.get(draft) ?? []), target])]);
      } else {
        addTo(related, draft, target);
        addTo(related, target, draft);
        draft.notes.push(`Mapped \`${link.rel === 'amends' ? 'Amends' : 'Amended by'}\` ${ids.get(target)} to \`related\`: the model has no amendment link`);
      }
    }
  }

  const targetPath = (draft: Draft): string => `${draft.collection}/${ids.get(draft)}.md`;
  const rewriteLinks = (draft: Draft, text: string): string =>
    text.replace(/\[([^\]]*)\]\(([^)\s]+\.mdx?)(#[^)\s]*)?\)/gi, (whole, _label: string, href: string) => {
      if (/^[a-z]+:/i.test(href)) return whole;
      const target = byKey.get(posix.normalize(posix.join(posix.dirname(draft.source), decodeURIComponent(href))).replace(/\.mdx?$/i, ''));
      return target === undefined ? whole : `[[${target.collection}/${ids.get(target)}]]`;
    });

  const records = drafts.map((draft): PlannedRecord => {
    const newer = supersededBy.get(draft) ?? [];
    const latest = newer.sort((a, b) => (ids.get(b) ?? '').localeCompare(ids.get(a) ?? ''))[0];
    if (newer.length > 1) draft.notes.push(`Superseded by ${newer.map((d) => ids.get(d)).join(' and ')}: \`supersededBy\` holds one, ${ids.get(latest!)} (the latest)`);
    const fields = frontmatter(draft, people, owner);
    const ordered = {
      ...fields,
      related: related.has(draft) ? [...related.get(draft)!].map((d) => `${d.collection}/${ids.get(d)}`) : undefined,
      supersedes: supersedes.has(draft) ? [...supersedes.get(draft)!].map((d) => ids.get(d)) : undefined,
      supersededBy: latest === undefined ? undefined : ids.get(latest),
    };
    const cleaned = Object.fromEntries(Object.entries(ordered).filter(([, v]) => v !== undefined));
    const sections = draft.sections.map((s) => ({ heading: s.heading, text: rewriteLinks(draft, s.text) }));
    return { source: draft.source, path: targetPath(draft), status: String(fields['status']), text: renderRecord(cleaned, sections), notes: draft.notes, problems: [] };
  });

  const plan: ImportPlan = { records, people: people.added, skipped };
  checkStaged(plan, options);
  return plan;
}

/** people.yaml entries for new people, each marked for review. */
function peopleYaml(people: NewPerson[]): string {
  return people
    .map((p) => `# Added by handbook import from ${p.source}: check the name and team, add github.\n${stringify([{ id: p.id, name: p.name, team: p.team }], { lineWidth: 0 })}`)
    .join('');
}

/** Appends new people to people.yaml without touching what is there. */
function addPeople(path: string, people: NewPerson[]): void {
  if (people.length === 0) return;
  const current = existsSync(path) ? readFileSync(path, 'utf8') : '';
  if (/^\s*(\[\s*\])?\s*$/.test(current.replace(/^#.*$/gm, ''))) writeFileSync(path, `${current.replace(/\[\s*\]\s*$/, '').trimEnd()}${current.trim() === '' ? '' : '\n'}${peopleYaml(people)}`);
  else appendFileSync(path, `${current.endsWith('\n') ? '' : '\n'}${peopleYaml(people)}`);
}

/** Writes the plan into a copy of the handbook and runs `check` there, so the report says what check will say. */
function checkStaged(plan: ImportPlan, { into, today }: ImportOptions): void {
  const stage = mkdtempSync(join(tmpdir(), 'handbook-import-'));
  try {
    if (existsSync(into)) cpSync(into, stage, { recursive: true });
    addPeople(join(stage, 'people.yaml'), plan.people);
    for (const record of plan.records) {
      mkdirSync(join(stage, posix.dirname(record.path)), { recursive: true });
      writeFileSync(join(stage, record.path), record.text);
    }
    const byPath = new Map(plan.records.map((r) => [resolve(stage, r.path), r]));
    for (const problem of checkHandbook(stage, { today }).problems) {
      const record = byPath.get(resolve(problem.file));
      record?.problems.push(`${problem.line}:${problem.column} ${problem.severity} ${problem.rule} ${problem.message}`);
    }
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

/**
 * Writes the planned records and people. Refuses before writing anything when a target
 * exists, and removes what it wrote if a write fails, so an import lands whole or not at all.
 */
export function writeImport(plan: ImportPlan, into: string): void {
  const taken = plan.records.map((r) => join(into, r.path)).filter((path) => existsSync(path) || existsSync(path.replace(/\.md$/, '.mdx')));
  if (taken.length > 0) throw new ImportError(`Unexpected existing ${taken.join(', ')}, expected new record names; nothing was written`);
  const written: string[] = [];
  try {
    for (const record of plan.records) {
      const path = join(into, record.path);
      mkdirSync(join(into, posix.dirname(record.path)), { recursive: true });
      writeNewFile(path, record.text);
      written.push(path);
    }
    addPeople(join(into, 'people.yaml'), plan.people);
  } catch (error) {
    for (const path of written) unlinkSync(path);
    throw error;
  }
}
