import { appendFileSync, constants, copyFileSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, posix, relative, resolve } from 'node:path';
import { parse as parseYamlText, stringify } from 'yaml';
import { decisionNumbers } from '../authoring/new.ts';
import { writeNewFile } from '../authoring/write.ts';
import { checkHandbook } from '../check/index.ts';
import { loadHandbook, MAX_RECORD_BYTES, type Handbook } from '../records/load.ts';
import type { Problem } from '../records/problem.ts';
import { decodeUtf8 } from '../records/text.ts';
import { importFormats, type ImportFormat } from '../schemas/index.ts';
import { folderTags, readDecision, sourceKey } from './decisions.ts';
import type { Draft, SourceFile } from './draft.ts';
import { notRecordByName, walkSource, type FileNote } from './files.ts';
import { rewriteBody, type LinkResolver, type RecordTarget, type RewriteNotes } from './rewrite.ts';
import { PeopleResolver, type NewPerson } from './people.ts';
import { readPostmortem } from './postmortems.ts';
import { firstCommitDates, PriorImports, sha256, sourcePath, sourceRepository, type SourceRepository } from './provenance.ts';

/** The corpora `handbook import` reads. */
export const FORMATS = importFormats;
export type Format = ImportFormat;

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
  file: string;
  /** Where it is written, relative to `into`, with `/` separators. */
  path: string;
  status: string;
  text: string;
  /** What could not be mapped, renumbering, dates read from git, links kept as text. */
  notes: string[];
  /** What `handbook check` will report on the imported record, its file left out. */
  problems: Omit<Problem, 'file'>[];
}

/** A local image an imported record shows, copied beside the record. */
export interface PlannedImage {
  /** The image file, absolute. */
  from: string;
  /** The source file, relative to the source folder. */
  file: string;
  /** Where it is written, relative to `into`. */
  path: string;
}

export interface ImportPlan {
  records: PlannedRecord[];
  images: PlannedImage[];
  people: NewPerson[];
  /** Every other file under the source folder, with what became of it and why. */
  files: FileNote[];
  /** Images on other hosts that imported records show, by source file. */
  remoteImages: { file: string; url: string }[];
}

/** True when `path` is `folder` or inside it. */
function within(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The real path of a folder that may not exist yet: its nearest existing parent's, joined with the rest. */
function realFolder(path: string): string {
  const absolute = resolve(path);
  return existsSync(absolute) ? realpathSync(absolute) : join(realFolder(resolve(absolute, '..')), posix.basename(absolute));
}

/**
 * Refuses an import of the handbook into itself: from the handbook folder or a folder inside
 * it, or from a folder that holds it, whose walk would read the handbook's own records. The
 * one exception is a log4brains project root, whose `.log4brains.yml` names the only folders
 * read; its walk skips the handbook folder. Returns the handbook folder when the walk must
 * skip it.
 */
function refuseSelfImport({ source, into, format }: ImportOptions): string | undefined {
  const [from, to] = [realFolder(source), realFolder(into)];
  if (within(from, to)) throw new ImportError(`Unexpected SOURCE_DIR \`${source}\` inside the handbook folder \`${into}\`, expected a folder of records from elsewhere; nothing was read`);
  if (!within(to, from)) return undefined;
  if (format === 'log4brains' && existsSync(join(from, '.log4brains.yml'))) return to;
  throw new ImportError(`Unexpected SOURCE_DIR \`${source}\` that holds the handbook folder \`${into}\`, expected the folder the records are in (e.g. docs/adr); nothing was read`);
}

/** Stops before anything is read when people.yaml or teams.yaml cannot be read, saying where. */
function directoryProblems(handbook: Handbook, into: string): void {
  const broken: string[] = [];
  for (const name of ['people.yaml', 'teams.yaml']) {
    const path = join(into, name);
    if (existsSync(path) && lstatSync(path).isDirectory()) broken.push(`${path}:1:1 Unexpected folder, expected a YAML file with a list of ${name === 'people.yaml' ? 'people' : 'teams'}`);
  }
  for (const problem of handbook.problems) {
    if (!/(people|teams)\.yaml$/.test(problem.file) || problem.rule === 'file-missing' || problem.rule === 'file-folder') continue;
    broken.push(`${problem.file}:${problem.line}:${problem.column} ${problem.message}`);
  }
  if (broken.length > 0)
    throw new ImportError(
      `Unexpected problems in the handbook's people or teams, expected files the import can add people to; fix them first (nothing was written):\n  ${[...new Set(broken)].join('\n  ')}`,
    );
}

/** log4brains' package ADR folders, from a `.log4brains.yml` at the source folder or above it in its repository. */
function log4brainsPackages(source: string, repository: SourceRepository): { folder: string; name: string | undefined }[] | undefined {
  for (let dir = realpathSync(source); within(dir, repository.root); dir = resolve(dir, '..')) {
    const config = join(dir, '.log4brains.yml');
    if (!existsSync(config)) {
      if (dir === repository.root) break;
      continue;
    }
    try {
      const project = (parseYamlText(readFileSync(config, 'utf8')) as { project?: { adrFolder?: string; packages?: { name?: string; adrFolder?: string }[] } } | null)?.project;
      const folders = [{ folder: project?.adrFolder, name: undefined }, ...(project?.packages ?? []).map((p) => ({ folder: p.adrFolder, name: p.name }))];
      return folders.flatMap((f) => (typeof f.folder === 'string' ? [{ folder: resolve(dir, f.folder), name: f.name }] : []));
    } catch {
      return undefined;
    }
  }
  return undefined;
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
  const order = [...drafts].sort(
    (a, b) => (a.number ?? Infinity) - (b.number ?? Infinity) || String(a.fields['created'] ?? '').localeCompare(String(b.fields['created'] ?? '')) || a.source.localeCompare(b.source),
  );
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
      const holder = taken.get(draft.number) ?? drafts.find((d) => d !== draft && numbers.get(d) === draft.number)?.file;
      draft.notes.push(`Renumbered ${draft.sourceId} → ${String(next).padStart(4, '0')}: ${draft.number} is taken by ${holder ?? 'another record'}; \`imported.sourceId\` keeps ${draft.sourceId}`);
    }
    numbers.set(draft, next);
    used.add(next);
  }
  return numbers;
}

/** Fields in the model's order with empty values left out, person names turned into ids, groups kept aside. */
function frontmatter(draft: Draft, people: PeopleResolver, owner: string | undefined): Record<string, unknown> {
  const person = (name: unknown, field: string): string | undefined => {
    if (typeof name !== 'string') return undefined;
    if (people.isGroup(name)) {
      draft.notes.push(`\`${name}\` in \`${field}\` names a group, not a person: not made a person; kept under \`imported.unmapped.${field}\``);
      draft.unmapped[field] = [...((draft.unmapped[field] as string[] | undefined) ?? []), name];
      return undefined;
    }
    return people.resolve(name, draft.file);
  };
  const persons = (field: string): string[] | undefined => {
    const names = draft.fields[field];
    const ids = Array.isArray(names) ? names.map((name) => person(name, field)).filter((id): id is string => id !== undefined) : [];
    return ids.length > 0 ? [...new Set(ids)] : undefined;
  };
  const { fields } = draft;
  const deciders = persons('deciders');
  const ownerId = owner ?? person(fields['owner'], 'owner') ?? deciders?.[0];
  if (owner === undefined && ownerId !== undefined)
    draft.notes.push(`Owner \`${ownerId}\` taken from the ${draft.collection === 'decisions' ? 'first decider' : 'first author'}; pass --owner to choose`);
  if (ownerId === undefined) draft.notes.push('Missing an owner: pass --owner, or fill `owner` in');
  const actions = Array.isArray(fields['actions']) ? (fields['actions'] as Record<string, unknown>[]).map((action) => ({ ...action, owner: person(action['owner'], 'actions') })) : undefined;
  const all: Record<string, unknown> = { ...fields, owner: ownerId, deciders, consulted: persons('consulted'), informed: persons('informed'), actions };
  const order = ['title', 'summary', 'status', 'owner', 'created', 'tags', 'related', ...Object.keys(fields)];
  const clean = (value: unknown): unknown =>
    Array.isArray(value) ? value.map(clean) : value !== null && typeof value === 'object' ? Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) : value;
  return Object.fromEntries(
    [...new Set([...order, ...Object.keys(all)])]
      .map((key) => [key, clean(all[key])] as const)
      .filter(([, value]) => value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0)),
  );
}

/** The record file: YAML frontmatter, then the lead and the sections with their source text. */
function renderRecord(fields: Record<string, unknown>, lead: string, sections: Draft['sections']): string {
  const yaml = stringify(fields, { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' });
  const body = [lead, ...sections.map((s) => (s.text.trim() === '' ? `## ${s.heading}` : `## ${s.heading}\n\n${s.text}`))].filter((part) => part !== '').join('\n\n');
  return `---\n${yaml}---\n\n${body}\n`;
}

/** What reading the source folder found. */
interface Reading {
  drafts: Draft[];
  files: FileNote[];
  hashes: Map<Draft, string>;
  prior: PriorImports;
  images: string[];
}

/** Reads every file under the source folder: new records as drafts, earlier imports recognised, the rest with a reason. */
function readSource(options: ImportOptions, repository: SourceRepository, handbook: Handbook | undefined, skip: string | undefined): Reading {
  const { format, source } = options;
  const tree = walkSource(source, skip);
  const files: FileNote[] = [...tree.notes];
  const drafts: Draft[] = [];
  const hashes = new Map<Draft, string>();
  const prior = new PriorImports(handbook?.records ?? []);
  const packages = format === 'log4brains' ? log4brainsPackages(source, repository) : undefined;
  const configHere = packages !== undefined && existsSync(join(source, '.log4brains.yml'));
  const config = files.find((f) => f.file === '.log4brains.yml');
  if (packages !== undefined && config !== undefined) config.reason = 'the log4brains configuration, read for its ADR folders and package names';
  let committed: Map<string, string> | undefined;
  for (const file of tree.markdown) {
    const absolute = join(realpathSync(source), file);
    const byName = notRecordByName(file);
    if (byName !== undefined) {
      files.push({ file, outcome: 'not-a-record', reason: byName });
      continue;
    }
    const pack = packages?.find((p) => within(absolute, p.folder));
    if (configHere && pack === undefined) {
      files.push({ file, outcome: 'not-a-record', reason: 'outside the ADR folders .log4brains.yml names' });
      continue;
    }
    if (statSync(absolute).size > MAX_RECORD_BYTES) {
      files.push({ file, outcome: 'skipped', reason: `larger than ${MAX_RECORD_BYTES / 1024 / 1024} MB, too large for a record` });
      continue;
    }
    const bytes = readFileSync(absolute);
    const decoded = decodeUtf8(bytes);
    if (!decoded.ok) {
      files.push({ file, outcome: 'skipped', reason: `not UTF-8 text (invalid byte at offset ${decoded.offset})` });
      continue;
    }
    if (decoded.text.trim() === '') {
      files.push({ file, outcome: 'skipped', reason: 'empty file' });
      continue;
    }
    const path = sourcePath(repository.root, absolute);
    const hash = sha256(bytes);
    const earlier = prior.find(repository.remote, path, hash);
    if (earlier !== undefined) {
      const record = join(options.into, relative(resolve(options.into), resolve(earlier.record.file)));
      files.push(
        earlier.hash === hash
          ? { file, outcome: 'unchanged', reason: `imported before as ${record}, unchanged since` }
          : { file, outcome: 'changed', reason: `imported before as ${record}; the source has changed since: compare them and edit the record by hand (nothing was written)` },
      );
      continue;
    }
    committed ??= firstCommitDates(repository);
    const tags = pack?.name !== undefined ? [pack.name] : packages !== undefined ? [] : folderTags(file);
    const sourceFile: SourceFile = { file, source: path, text: decoded.text, committed: committed.get(path), tags };
    const read = format === 'sre-postmortem' ? readPostmortem(sourceFile) : readDecision(sourceFile);
    if ('notRecord' in read) {
      files.push({ file, outcome: 'not-a-record', reason: read.notRecord });
      continue;
    }
    drafts.push(read);
    hashes.set(read, hash);
  }
  return { drafts, files, hashes, prior, images: tree.images };
}

/** Record ids for the drafts: decisions numbered, postmortems named by date, nothing taken twice. */
function assignIds(drafts: Draft[], into: string, handbook: Handbook | undefined): Map<Draft, string> {
  const ids = new Map<Draft, string>();
  const decisions = drafts.filter((d) => d.collection === 'decisions');
  const numbers = numberDecisions(decisions, into);
  for (const draft of decisions) ids.set(draft, `${String(numbers.get(draft)).padStart(4, '0')}-${draft.slug}`);
  const existing = new Set((handbook?.records ?? []).filter((r) => r.kind.collection === 'postmortems').map((r) => r.id));
  for (const draft of drafts.filter((d) => d.collection === 'postmortems')) {
    const base = `${draft.date ?? 'undated'}-${draft.slug}`;
    let id = base;
    for (let n = 2; existing.has(id); n += 1) id = `${base}-${n}`;
    if (id !== base) draft.notes.push(`Named ${id}: ${base} is taken`);
    existing.add(id);
    ids.set(draft, id);
  }
  return ids;
}

/**
 * The imported decision an ADR number names, seen from the record that names it: the one with
 * that number, or (MADR's category folders number each folder from 1) the one in the same folder.
 */
function numberLookup(drafts: Draft[]): (value: number, from: Draft) => Draft | undefined {
  const numbered = new Map<number, Draft[]>();
  for (const d of drafts) if (d.collection === 'decisions' && d.number !== undefined) numbered.set(d.number, [...(numbered.get(d.number) ?? []), d]);
  return (value, from) => {
    const holders = numbered.get(value) ?? [];
    const here = holders.length > 1 ? holders.filter((d) => posix.dirname(d.source) === posix.dirname(from.source)) : holders;
    return here.length === 1 ? here[0] : undefined;
  };
}

/** Supersession both ways and amendments as `related`, from the status lines of the drafts. */
function relations(drafts: Draft[], ids: Map<Draft, string>, byNumber: (value: number, from: Draft) => Draft | undefined) {
  const byKey = new Map(drafts.map((d) => [sourceKey(d.source), d]));
  const supersedes = new Map<Draft, Set<Draft>>();
  const supersededBy = new Map<Draft, Draft[]>();
  const related = new Map<Draft, Set<Draft>>();
  const addTo = <V>(map: Map<Draft, Set<V>>, key: Draft, value: V): void => void map.set(key, (map.get(key) ?? new Set()).add(value));
  for (const draft of drafts) {
    for (const link of draft.links) {
      const target = link.target.startsWith('#') ? byNumber(Number(link.target.slice(1)), draft) : byKey.get(link.target);
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
  return { supersedes, supersededBy, related, byKey };
}

/** Image file names beside a record: the record's id and the image's own name, `-2` when taken. */
class ImageCopies {
  readonly planned: PlannedImage[] = [];
  readonly #taken = new Set<string>();

  readonly #into: string;
  readonly #root: string;
  readonly #source: string;
  /** Images are copied from the source's git work tree, or from the source folder when it has none: never from elsewhere. */
  readonly #boundary: string;

  constructor(into: string, repository: SourceRepository, source: string) {
    this.#into = into;
    this.#root = repository.root;
    this.#source = source;
    this.#boundary = repository.git ? repository.root : source;
  }

  /** Plans the copy of a local image (a path under the repository root) for a record: its new address, or why it cannot be copied. */
  copy(path: string, draft: Draft, collection: string, id: string): { url: string } | { reason: string } {
    const from = join(this.#root, path);
    const outside = { reason: `outside ${this.#boundary === this.#source ? 'the source folder' : 'the source repository'}` };
    if (!within(from, this.#boundary)) return outside;
    if (!existsSync(from)) return { reason: 'not found' };
    if (lstatSync(from).isSymbolicLink() || !lstatSync(from).isFile()) return { reason: 'not a regular file' };
    if (!within(realpathSync(from), this.#boundary)) return outside;
    const already = this.planned.find((image) => image.from === from && image.path.startsWith(`${collection}/${id}-`));
    if (already !== undefined) return { url: `./${posix.basename(already.path)}` };
    // What the image's name shares with its record's (`0032-x-img01.png` beside `0032-x.md`) is said once, by the new id.
    const stem = posix.basename(draft.source).replace(/\.[^.]+$/, '');
    const name = posix.basename(path);
    let shared = 0;
    while (shared < Math.min(stem.length, name.length) && stem[shared] === name[shared]) shared += 1;
    const cut = shared === stem.length && name[shared] === '-' ? shared + 1 : name.lastIndexOf('-', shared - 1) + 1;
    const base = `${id}-${name.slice(cut)}`;
    let target = `${collection}/${base}`;
    for (let n = 2; this.#taken.has(target) || existsSync(join(this.#into, target)); n += 1) target = `${collection}/${base.replace(/(\.[^.]+)$/, `-${n}$1`)}`;
    this.#taken.add(target);
    this.planned.push({ from, file: relative(this.#source, from).split('\\').join('/'), path: target });
    return { url: `./${posix.basename(target)}` };
  }
}

/**
 * Works out what importing a corpus writes: file names (decisions renumbered when their
 * number is taken), frontmatter with provenance, sections with every word of the source,
 * links rewritten to the new files, images copied beside their records, supersession in both
 * directions, new people, and what `check` will say of each record. Files imported before
 * (same source path, or same content) are recognised and not imported again. Writes nothing.
 */
export function planImport(options: ImportOptions): ImportPlan {
  const { format, source, into, owner } = options;
  if (!existsSync(source) || !statSync(source).isDirectory()) throw new ImportError(`Unexpected source \`${source}\`, expected a folder of ${format} records`);
  const handbookInside = refuseSelfImport(options);
  const handbook = existsSync(into) ? loadHandbook(into) : undefined;
  if (handbook !== undefined) directoryProblems(handbook, into);
  const people = new PeopleResolver(handbook?.people.items ?? [], handbook?.teams.items ?? [], owner);
  if (owner !== undefined && !people.has(owner)) throw new ImportError(`Unexpected --owner \`${owner}\`, expected a person id from ${join(into, 'people.yaml')}`);

  const repository = sourceRepository(source);
  const reading = readSource(options, repository, handbook, handbookInside);
  const { drafts, files } = reading;
  const before = files.filter((f) => f.outcome === 'unchanged' || f.outcome === 'changed').length;
  if (drafts.length === 0 && before === 0) {
    const skipped = files.filter((f) => f.outcome === 'skipped').map((f) => f.file);
    throw new ImportError(`Missing records in ${source}, expected ${format} Markdown files${skipped.length > 0 ? ` (skipped ${skipped.join(', ')})` : ''}`);
  }

  const ids = assignIds(drafts, into, handbook);
  const byNumber = numberLookup(drafts);
  const { supersedes, supersededBy, related, byKey } = relations(drafts, ids, byNumber);
  const images = new ImageCopies(into, repository, realpathSync(source));
  const remoteImages: ImportPlan['remoteImages'] = [];

  const records = drafts.map((draft): PlannedRecord => {
    const newer = supersededBy.get(draft) ?? [];
    const latest = [...newer].sort((a, b) => (ids.get(b) ?? '').localeCompare(ids.get(a) ?? ''))[0];
    if (newer.length > 1) draft.notes.push(`Superseded by ${newer.map((d) => ids.get(d)).join(' and ')}: \`supersededBy\` holds one, ${ids.get(latest!)} (the latest)`);
    const fields = frontmatter(draft, people, owner);
    const id = ids.get(draft)!;
    const target = (d: Draft): RecordTarget => ({ path: `${d.collection}/${ids.get(d)}.md`, draft: d.fields['status'] === 'draft' });
    const resolver: LinkResolver = {
      record: (key) => {
        const found = byKey.get(key);
        if (found !== undefined) return target(found);
        const earlier = reading.prior.byKey(repository.remote, key);
        return earlier === undefined ? undefined : { path: `${earlier.record.ref}.md`, draft: earlier.record.data['status'] === 'draft' };
      },
      number: (value) => {
        const found = byNumber(value, draft);
        if (found !== undefined) return target(found);
        const earlier = reading.prior.byNumber(repository.remote, posix.dirname(draft.source), value);
        return earlier === undefined ? undefined : { path: `${earlier.record.ref}.md`, draft: earlier.record.data['status'] === 'draft' };
      },
      image: (path) => images.copy(path, draft, draft.collection, id),
    };
    const notes: RewriteNotes = { notes: draft.notes, remoteImages: [] };
    const rewrite = (text: string): string => rewriteBody(text, draft.source, resolver, notes);
    const ordered = {
      ...fields,
      related: related.has(draft) ? [...related.get(draft)!].map((d) => `${d.collection}/${ids.get(d)}`) : undefined,
      supersedes: supersedes.has(draft) ? [...supersedes.get(draft)!].map((d) => ids.get(d)) : undefined,
      supersededBy: latest === undefined ? undefined : ids.get(latest),
      imported: {
        format,
        repository: repository.remote,
        source: draft.source,
        sourceId: draft.sourceId,
        hash: reading.hashes.get(draft),
        reviewed: false,
        unmapped: Object.keys(draft.unmapped).length > 0 ? draft.unmapped : undefined,
      },
    };
    const cleaned = JSON.parse(JSON.stringify(ordered)) as Record<string, unknown>;
    const lead = rewrite(draft.lead);
    const sections = draft.sections.map((s) => ({ heading: s.heading, text: rewrite(s.text) }));
    remoteImages.push(...notes.remoteImages.map((url) => ({ file: draft.file, url })));
    return { file: draft.file, path: `${draft.collection}/${id}.md`, status: String(fields['status']), text: renderRecord(cleaned, lead, sections), notes: draft.notes, problems: [] };
  });

  const copied = new Set(images.planned.map((image) => image.file));
  for (const image of reading.images) {
    const forRecords = images.planned.filter((planned) => planned.file === image).map((planned) => planned.path);
    files.push(
      copied.has(image) ? { file: image, outcome: 'image', reason: `copied to ${forRecords.join(', ')}` } : { file: image, outcome: 'not-a-record', reason: 'an image no imported record shows' },
    );
  }
  files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const plan: ImportPlan = { records, images: images.planned, people: people.added, files, remoteImages };
  checkStaged(plan, options);
  return plan;
}

/** people.yaml entries for new people, each marked for review. */
function peopleYaml(people: NewPerson[]): string {
  return people.map((p) => `# Added by handbook import from ${p.source}: check the name and team, add github.\n${stringify([{ id: p.id, name: p.name, team: p.team }], { lineWidth: 0 })}`).join('');
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
  if (plan.records.length === 0) return;
  const stage = mkdtempSync(join(tmpdir(), 'handbook-import-'));
  try {
    if (existsSync(into)) cpSync(into, stage, { recursive: true });
    addPeople(join(stage, 'people.yaml'), plan.people);
    for (const record of plan.records) {
      mkdirSync(join(stage, posix.dirname(record.path)), { recursive: true });
      writeFileSync(join(stage, record.path), record.text);
    }
    for (const image of plan.images) copyFileSync(image.from, join(stage, image.path));
    const byPath = new Map(plan.records.map((r) => [resolve(stage, r.path), r]));
    for (const problem of checkHandbook(stage, { today }).problems) {
      const record = byPath.get(resolve(problem.file));
      const { file: _, ...placed } = problem;
      record?.problems.push(placed);
    }
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

/**
 * Writes the planned records, images and people. Refuses before writing anything when a
 * target exists, and removes what it wrote if a write fails, so an import lands whole or not
 * at all.
 */
export function writeImport(plan: ImportPlan, into: string): void {
  const targets = [...plan.records.map((r) => r.path), ...plan.images.map((i) => i.path)];
  const taken = targets.map((path) => join(into, path)).filter((path) => existsSync(path) || (path.endsWith('.md') && existsSync(path.replace(/\.md$/, '.mdx'))));
  if (taken.length > 0) throw new ImportError(`Unexpected existing ${taken.join(', ')}, expected new record names; nothing was written`);
  const written: string[] = [];
  try {
    for (const record of plan.records) {
      const path = join(into, record.path);
      mkdirSync(join(into, posix.dirname(record.path)), { recursive: true });
      writeNewFile(path, record.text);
      written.push(path);
    }
    for (const image of plan.images) {
      const path = join(into, image.path);
      copyFileSync(image.from, path, constants.COPYFILE_EXCL);
      written.push(path);
    }
    addPeople(join(into, 'people.yaml'), plan.people);
  } catch (error) {
    for (const path of written) unlinkSync(path);
    throw error;
  }
}
