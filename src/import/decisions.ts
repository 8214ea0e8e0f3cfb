import { posix } from 'node:path';
import { slugify } from '../authoring/new.ts';
import { KEBAB } from '../schemas/index.ts';
import { isoDateOf } from './dates.ts';
import { addSection, decisionStatus, splitHeading, type Draft, type LinkRel, type SourceFile } from './draft.ts';
import { stemOf } from './files.ts';
import { resolveHref } from './rewrite.ts';
import { inlineLinks, labelledLines, listItems, namesIn, plainText, readSourceDocument, subsections, type SourceSection } from './markdown.ts';

/** The fields of ADR headers (MADR bullets, MADR 3/4 frontmatter, log4brains, adr-tools `Date:`) this model maps. */
const METADATA = new Set(['status', 'date', 'deciders', 'decision-makers', 'decision makers', 'consulted', 'informed', 'tags']);

const RELATIONS: [RegExp, LinkRel][] = [
  [/^super[sc]eded\s+by\b/i, 'supersededBy'],
  [/^super[sc]edes\b/i, 'supersedes'],
  [/^amended\s+by\b/i, 'amendedBy'],
  [/^amends\b/i, 'amends'],
];

/** The decided-or-later statuses whose date is the date of the decision. */
const DECIDED = new Set(['accepted', 'rejected', 'superseded', 'deprecated']);

/** Section names of ADR templates, lower case, and the model's heading for each. */
export const DECISION_HEADINGS: Readonly<Record<string, string>> = {
  context: 'Context',
  'context and problem statement': 'Context',
  'problem statement': 'Context',
  background: 'Context',
  'considered options': 'Options',
  options: 'Options',
  'options considered': 'Options',
  alternatives: 'Options',
  'alternatives considered': 'Options',
  'pros and cons of the options': 'Options',
  decision: 'Decision',
  'decision outcome': 'Decision outcome',
  consequences: 'Consequences',
  status: 'Status',
};

const known = (name: string): string | undefined => DECISION_HEADINGS[name.toLowerCase().replace(/\s+/g, ' ').replace(/:$/, '').trim()];

/** Sections under their model names, a heading that carries its content (`Decision: use X`) split into name and text. */
function normalise(sections: SourceSection[]): SourceSection[] {
  return sections.map((section) => {
    const name = known(section.name);
    if (name !== undefined) return { ...section, heading: name };
    const split = splitHeading(section.heading, known);
    if (split === undefined) return section;
    return { ...section, heading: split.name, name: split.name, text: [split.rest, section.text].filter(Boolean).join('\n\n') };
  });
}

/** Reads a status text ("Accepted", "Superseded by [3. X](0003-x.md)", several lines) into a status and links. */
function readStatus(text: string, source: string, draft: Draft): string | undefined {
  let word: string | undefined;
  let superseded = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw
      .replace(/^[ \t]*[-*+][ \t]+/, '')
      .replace(/<!--[\s\S]*?-->/g, '')
      .trim();
    if (line === '') continue;
    const relation = RELATIONS.find(([pattern]) => pattern.test(plainText(line)));
    if (relation !== undefined) {
      const [, rel] = relation;
      const links = inlineLinks(line);
      const numbers = links.length === 0 ? [...plainText(line).matchAll(/\b(\d{1,5})\b/g)].map((m) => `#${Number(m[1])}`) : [];
      for (const target of [...links.flatMap((l) => resolveHref(source, l.target)?.path.replace(/\.(md|markdown|mdx)$/i, '') ?? []), ...numbers]) draft.links.push({ rel, target });
      if (links.length === 0 && numbers.length === 0) draft.notes.push(`Unmapped status line \`${plainText(line)}\`: no record linked`);
      if (rel === 'supersededBy') superseded = true;
      continue;
    }
    if (word !== undefined) continue;
    word = decisionStatus(plainText(line));
    if (word === undefined) {
      draft.notes.push(`Unmapped status \`${plainText(line)}\`: imported as draft`);
      word = 'draft';
    } else if (/^part(ly|ially)\b/i.test(plainText(line)))
      draft.notes.push(`Status \`${plainText(line)}\` imported as accepted: the model has no partial supersession; the status text stays in the record`);
  }
  return superseded ? 'superseded' : word;
}

function optionName(item: string): string {
  return plainText(item)
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\s+[-–—:]\s+.*$/, '')
    .trim();
}

const comparable = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** MADR's `Chosen option: "…", because …`, as the option's name. */
function chosenOption(text: string): string | undefined {
  const match = /Chosen option:?\s*(?:\*\*)?(?:"([^"]+)"|“([^”]+)”|'([^']+)'|\[([^\]]+)\]|([^,.\n]+))/i.exec(text);
  return match === null ? undefined : plainText(match[1] ?? match[2] ?? match[3] ?? match[4] ?? match[5] ?? '');
}

/** Splits MADR's "Decision Outcome" into the decision, its consequences and its confirmation. */
function decisionOutcome(text: string, draft: Draft): void {
  const { before, sections } = subsections(text);
  addSection(draft.sections, 'Decision', before);
  const consequences: string[] = [];
  const confirmation: string[] = [];
  for (const sub of sections) {
    const name = sub.name.toLowerCase();
    if (name === 'consequences') consequences.push(sub.text);
    else if (/consequences$/.test(name)) consequences.push(`### ${sub.heading}\n\n${sub.text}`.trim());
    else if (name === 'confirmation') confirmation.push(sub.text);
    else addSection(draft.sections, 'Decision', `### ${sub.heading}\n\n${sub.text}`.trim());
  }
  if (consequences.length > 0) addSection(draft.sections, 'Consequences', consequences.join('\n\n'));
  if (confirmation.length > 0) addSection(draft.sections, 'Confirmation', confirmation.join('\n\n'));
}

/**
 * Number and rest of a file name: `0007-use-kafka`, `0003_use_memcached`, `ADR-007-use-kafka`
 * or log4brains' `20200706-use-kafka`. A bare leading number counts only when zero-padded or
 * when the title repeats it, so `3-tier-architecture` is not ADR 3.
 */
function fileParts(stem: string, titleNumber: string | undefined): { number?: string; date?: string; rest: string } {
  const dated = /^(\d{4})(\d{2})(\d{2})-(.+)$/.exec(stem);
  const date = dated === null ? undefined : isoDateOf(`${dated[1]}-${dated[2]}-${dated[3]}`);
  if (dated !== null && date !== undefined) return { date, rest: dated[4]! };
  const prefixed = /^adr[-_ ]?(\d{1,5})[-_ .]+(.+)$/i.exec(stem);
  if (prefixed !== null) return { number: prefixed[1]!, rest: prefixed[2]! };
  const numbered = /^(\d{1,5})[-_ .]+(.+)$/.exec(stem);
  if (numbered !== null && (numbered[1]!.startsWith('0') || Number(numbered[1]) === Number(titleNumber))) return { number: numbered[1]!, rest: numbered[2]! };
  return { rest: stem };
}

/** `# 12. Title`, `# ADR 12: Title`, `# ADR-012 Title`: the number and the title without it. */
function numberedTitle(title: string): { number: string; title: string } | undefined {
  const match = /^(?:ADR[-\s#]*)?(\d{1,5})[.:)]\s+(.+)$/i.exec(title) ?? /^ADR[-\s#]*(\d{1,5})\s*[-–—:.]?\s+(.+)$/i.exec(title);
  return match === null ? undefined : { number: match[1]!, title: match[2]! };
}

/** The sections of an ADR under this model's headings, their text unchanged. */
function mapSections(sections: SourceSection[], draft: Draft): void {
  for (const section of sections) {
    if (section.heading === 'Decision outcome') decisionOutcome(section.text, draft);
    else addSection(draft.sections, section.heading, section.text);
  }
}

/**
 * Reads an ADR in any of the shapes teams keep them: adr-tools (Nygard: `# N. Title`,
 * `Date:`, a Status section), MADR 2 (bullet header), MADR 3 and 4 (YAML frontmatter,
 * `decision-makers` in 4) and log4brains (MADR with a bullet header, `DD/MM/YYYY` dates,
 * date-prefixed file names, package folders). Returns why not, for a Markdown file that has
 * nothing of an ADR.
 */
export function readDecision(file: SourceFile): Draft | { notRecord: string } {
  const document = readSourceDocument(file.text);
  const sections = normalise(document.sections);
  const stem = stemOf(file.file);
  const titled = document.title === undefined ? undefined : numberedTitle(plainText(document.title));
  const parts = fileParts(stem, titled?.number);
  const draft: Draft = { file: file.file, source: file.source, collection: 'decisions', sourceId: stem, slug: '', fields: {}, unmapped: {}, lead: document.lead, sections: [], links: [], notes: [] };
  const number = parts.number ?? titled?.number;
  if (number !== undefined) {
    draft.number = Number(number);
    draft.sourceId = number;
  }
  const metadata = new Map<string, unknown>(Object.entries(document.frontmatter ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const labels = labelledLines(document.lead);
  for (const [key, value] of labels) if (METADATA.has(key) && !metadata.has(key)) metadata.set(key, value);
  const statusSection = sections.find((s) => s.heading === 'Status');
  const adrLike =
    number !== undefined || parts.date !== undefined || metadata.has('status') || sections.some((s) => ['Context', 'Decision', 'Decision outcome', 'Options', 'Status'].includes(s.heading));
  if (!adrLike) return { notRecord: 'no ADR number or date in its name, and no status, context or decision in it' };

  if (document.frontmatterError !== undefined) draft.notes.push(`Unreadable frontmatter (${document.frontmatterError}): its fields were not imported`);
  for (const [key, value] of Object.entries(document.frontmatter ?? {})) {
    if (METADATA.has(key.toLowerCase())) continue;
    draft.unmapped[key] = value;
    draft.notes.push(`Frontmatter field \`${key}\` has no place in the model: kept under \`imported.unmapped\``);
  }

  // A title number that disagrees with the file name's is part of what the source says: the title keeps it.
  const repeats = titled !== undefined && (parts.number === undefined || Number(parts.number) === Number(titled.number));
  if (titled !== undefined && !repeats) draft.notes.push(`The title says ${titled.number}, the file name ${parts.number}: numbered by the file name, the title kept whole`);
  let title = (repeats ? titled?.title : undefined) ?? (document.title === undefined ? undefined : plainText(document.title));
  if (title === undefined || title === '') {
    title = parts.rest.replace(/[-_]+/g, ' ').replace(/^./, (c) => c.toUpperCase());
    draft.notes.push('No `# Title` heading: the title is made from the file name');
  }
  title = fittingTitle(title, draft);
  draft.slug = KEBAB.test(parts.rest) ? parts.rest : slugify(title) || slugify(parts.rest) || 'untitled';

  const statusText = [metadata.get('status'), statusSection?.text].filter((v): v is string => typeof v === 'string' && v.trim() !== '').join('\n');
  let status = statusText === '' ? undefined : readStatus(statusText, file.source, draft);
  const optionsSection = sections.find((s) => /^considered options$|^options$/i.test(s.name) || s.heading === 'Options');
  const options = listItems(optionsSection?.text ?? '')
    .map(optionName)
    .filter(Boolean);
  const outcomeText = sections.find((s) => s.heading === 'Decision outcome')?.text ?? '';
  const chosen = chosenOption(outcomeText);
  const decisionText = sections.find((s) => s.heading === 'Decision')?.text ?? '';
  if (status === undefined && (chosen !== undefined || decisionText.trim() !== '')) {
    status = 'accepted';
    draft.notes.push(`No status in the source: imported as accepted, since it records the decision taken (${chosen !== undefined ? '`Chosen option`' : 'its `## Decision`'})`);
  } else if (status === undefined) draft.notes.push('No status in the source: imported as draft');
  const finalStatus = status ?? 'draft';
  keepUnmapped(draft, document.frontmatter, 'status', (value) => plainText(String(value)).toLowerCase() === finalStatus);

  const stated = metadata.get('date');
  const date = isoDateOf(stated) ?? parts.date ?? file.committed;
  if (stated !== undefined && isoDateOf(stated) === undefined) draft.notes.push(`Unmapped date \`${String(stated)}\``);
  if (isoDateOf(stated) === undefined && parts.date === undefined && file.committed !== undefined)
    draft.notes.push(`No date in the source: \`created\` is ${file.committed}, the day git first saw the file`);
  if (date === undefined) draft.notes.push('Missing a date: `created` is left for you to fill');
  keepUnmapped(draft, document.frontmatter, 'date', (value) => value === date);

  const chosenIndex =
    chosen === undefined ? -1 : options.findIndex((o) => comparable(o) === comparable(chosen) || comparable(o).startsWith(comparable(chosen)) || comparable(chosen).startsWith(comparable(o)));
  if (chosen !== undefined && options.length > 0 && chosenIndex === -1) draft.notes.push(`Unmapped chosen option \`${chosen}\`: it is not among the considered options`);

  const tags = [...namesIn(metadata.get('tags')).map(slugify), ...file.tags].filter(Boolean);
  draft.fields = {
    title,
    status: finalStatus,
    created: date,
    tags: tags.length > 0 ? [...new Set(tags)] : undefined,
    deciders: namesIn(metadata.get('decision-makers') ?? metadata.get('decision makers') ?? metadata.get('deciders')),
    consulted: namesIn(metadata.get('consulted')),
    informed: namesIn(metadata.get('informed')),
    options: options.length > 0 ? options.map((name, i) => (i === chosenIndex ? { name, chosen: true } : { name })) : undefined,
    decided: DECIDED.has(finalStatus) ? date : undefined,
  };
  mapSections(sections, draft);
  return draft;
}

/** The longest title the model takes; a longer one is cut at a word and kept whole under `imported.unmapped.title`. */
const MAX_TITLE = 120;

export function fittingTitle(title: string, draft: Draft): string {
  if (title.length <= MAX_TITLE) return title;
  draft.unmapped['title'] = title;
  draft.notes.push(`Title longer than ${MAX_TITLE} characters: cut at a word, kept whole under \`imported.unmapped.title\``);
  return `${title.slice(0, MAX_TITLE - 1).replace(/\s+\S*$/, '')}…`;
}

/**
 * A source frontmatter field the model read into a field of its own, kept as written under
 * `imported.unmapped` when the field does not say all of it (`status: superseded by
 * [ADR-0003](…)`, `status: In Review`), so no source text is lost.
 */
export function keepUnmapped(draft: Draft, frontmatter: Record<string, unknown> | undefined, key: string, reproduced: (value: unknown) => boolean): void {
  const entry = Object.entries(frontmatter ?? {}).find(([k]) => k.toLowerCase() === key);
  if (entry === undefined || entry[1] === null || entry[1] === '' || reproduced(entry[1])) return;
  draft.unmapped[entry[0]] = entry[1];
}

/** A source file's key for links between sources: its path under the source root without extension. */
export const sourceKey = (source: string): string => source.replace(/\.(md|markdown|mdx)$/i, '');

/** The folder names that say nothing about a record's topic: not tags. */
const GENERIC_FOLDERS = new Set(['adr', 'adrs', 'decisions', 'decision-records', 'architecture', 'architecture-decisions', 'docs', 'doc', 'documentation', 'records', 'packages', 'src']);

/** A MADR category folder (`backend/0001-x.md`) as a tag; generic folder names are not topics. */
export function folderTags(file: string): string[] {
  const folders = posix.dirname(file) === '.' ? [] : posix.dirname(file).split('/');
  return folders.map(slugify).filter((name) => name !== '' && !GENERIC_FOLDERS.has(name));
}
