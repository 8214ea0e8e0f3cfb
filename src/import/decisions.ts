import { posix } from 'node:path';
import { slugify } from '../authoring/new.ts';
import { KEBAB } from '../schemas/index.ts';
import { addSection, decisionStatus, type Draft, type LinkRel } from './draft.ts';
import { inlineLinks, isoDateOf, labelledLines, listItems, namesIn, plainText, readSourceDocument, splitSections, type SourceSection } from './markdown.ts';

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

/** Resolves a link written in `source` to the linked source file's key (path without extension). */
export function linkKey(source: string, target: string): string {
  const path = decodeURIComponent(target.replace(/[#?].*$/, ''));
  return posix.normalize(posix.join(posix.dirname(source), path)).replace(/\.mdx?$/i, '');
}

/** Reads a status text ("Accepted", "Superseded by [3. X](0003-x.md)", several lines) into a status and links. */
function readStatus(text: string, source: string, draft: Draft): string | undefined {
  let word: string | undefined;
  let superseded = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/^[ \t]*[-*+][ \t]+/, '').trim();
    if (line === '') continue;
    const relation = RELATIONS.find(([pattern]) => pattern.test(plainText(line)));
    if (relation !== undefined) {
      const [, rel] = relation;
      const links = inlineLinks(line);
      const numbers = links.length === 0 ? [...plainText(line).matchAll(/\b(\d{1,5})\b/g)].map((m) => `#${Number(m[1])}`) : [];
      for (const target of [...links.map((l) => linkKey(source, l.target)), ...numbers]) draft.links.push({ rel, target });
      if (links.length === 0 && numbers.length === 0) draft.notes.push(`Unmapped status line \`${plainText(line)}\`: no record linked`);
      if (rel === 'supersededBy') superseded = true;
      continue;
    }
    if (word !== undefined) continue;
    const text = plainText(line);
    const first = /^([A-Za-z]+(?: review)?)/.exec(text)?.[1] ?? text;
    word = decisionStatus(first);
    if (word === undefined) {
      draft.notes.push(`Unmapped status \`${text}\`: imported as draft`);
      word = 'draft';
    }
  }
  return superseded ? 'superseded' : word;
}

function optionName(item: string): string {
  return plainText(item).replace(/^\[(.*)\]$/, '$1').replace(/\s+[-–—:]\s+.*$/, '').trim();
}

const comparable = (name: string): string => name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** MADR's `Chosen option: "…", because …`, as the option's name. */
function chosenOption(text: string): string | undefined {
  const match = /Chosen option:?\s*(?:\*\*)?(?:"([^"]+)"|“([^”]+)”|\[([^\]]+)\]|([^,.\n]+))/i.exec(text);
  return match === null ? undefined : plainText(match[1] ?? match[2] ?? match[3] ?? match[4] ?? '');
}

/** Splits MADR's "Decision Outcome" into the decision, its consequences and its confirmation. */
function decisionOutcome(section: SourceSection, draft: Draft): void {
  const { before, sections } = splitSections(section.text, 3);
  addSection(draft.sections, 'Decision', before);
  const consequences: string[] = [];
  const confirmation: string[] = [];
  for (const sub of sections) {
    const name = sub.heading.toLowerCase();
    if (name === 'consequences') consequences.push(sub.text);
    else if (/consequences$/.test(name)) consequences.push(`### ${sub.heading}\n\n${sub.text}`);
    else if (name === 'confirmation') confirmation.push(sub.text);
    else addSection(draft.sections, 'Decision', `### ${sub.heading}\n\n${sub.text}`);
  }
  addSection(draft.sections, 'Consequences', consequences.join('\n\n'));
  addSection(draft.sections, 'Confirmation', confirmation.join('\n\n'));
}

/** The sections of an ADR under this model's headings, their text unchanged. */
function mapSections(sections: SourceSection[], draft: Draft): void {
  for (const section of sections) {
    const name = section.heading.toLowerCase().replace(/\s+/g, ' ');
    if (name === 'context' || name.startsWith('context and')) addSection(draft.sections, 'Context', section.text);
    else if (name === 'considered options' || name === 'options' || name.startsWith('pros and cons')) addSection(draft.sections, 'Options', section.text);
    else if (name === 'decision outcome') decisionOutcome(section, draft);
    else if (name === 'decision') addSection(draft.sections, 'Decision', section.text);
    else if (name === 'consequences') addSection(draft.sections, 'Consequences', section.text);
    else addSection(draft.sections, section.heading, section.text);
  }
}

/** Number and slug from a file name such as `0007-use-kafka`, `ADR-007-use-kafka` or log4brains' `20200706-use-kafka`. */
function fileParts(stem: string): { number?: number; date?: string; rest: string } {
  const dated = /^(\d{4})(\d{2})(\d{2})-(.+)$/.exec(stem);
  if (dated !== null) return { date: `${dated[1]}-${dated[2]}-${dated[3]}`, rest: dated[4]! };
  const numbered = /^(?:adr[-_]?)?(\d{1,5})[-_](.+)$/i.exec(stem);
  if (numbered !== null) return { number: Number(numbered[1]), rest: numbered[2]! };
  return { rest: stem };
}

/**
 * Reads an ADR in any of the shapes teams keep them: adr-tools (Nygard: `# N. Title`,
 * `Date:`, a Status section), MADR 2 (bullet header), MADR 3 and 4 (YAML frontmatter,
 * `decision-makers` in 4) and log4brains (MADR with a bullet header, `DD/MM/YYYY` dates,
 * date-prefixed file names, package folders).
 */
export function readDecision(source: string, text: string): Draft {
  const document = readSourceDocument(text);
  const stem = posix.basename(source).replace(/\.mdx?$/i, '');
  const parts = fileParts(stem);
  const draft: Draft = { source, collection: 'decisions', slug: '', fields: {}, sections: [], links: [], notes: [] };
  if (document.frontmatterError !== undefined) draft.notes.push(`Unreadable frontmatter (${document.frontmatterError}): its fields were not imported`);

  let title = document.title === undefined ? undefined : plainText(document.title);
  const numbered = title === undefined ? null : /^(?:ADR[-\s]?)?(\d{1,5})[.:]?\s+(.+)$/i.exec(title);
  if (numbered !== null) {
    title = numbered[2]!;
    parts.number ??= Number(numbered[1]);
  }
  if (title === undefined) draft.notes.push('Missing a `# Title` heading: the title is left for you to write');
  if (parts.number !== undefined) draft.number = parts.number;
  const slug = KEBAB.test(parts.rest) ? parts.rest : slugify(title ?? '') || slugify(parts.rest) || 'untitled';
  draft.slug = slug;

  const metadata = new Map<string, unknown>(Object.entries(document.frontmatter ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  for (const [key] of metadata) if (!METADATA.has(key)) draft.notes.push(`Unmapped frontmatter field \`${key}\``);
  const labels = labelledLines(document.preamble);
  for (const [key, value] of labels) if (METADATA.has(key) && !metadata.has(key)) metadata.set(key, value);
  const lead = document.preamble
    .split(/\r?\n/)
    .filter((line) => {
      const label = /^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?([A-Za-z][A-Za-z -]*?)(?:\*\*|__)?:/.exec(line)?.[1]?.toLowerCase();
      return label === undefined || !METADATA.has(label);
    })
    .join('\n')
    .trim();

  const statusSection = document.sections.find((s) => s.heading.toLowerCase() === 'status');
  const statusText = [metadata.get('status'), statusSection?.text].filter((v): v is string => typeof v === 'string' && v.trim() !== '').join('\n');
  const status = statusText === '' ? undefined : readStatus(statusText, source, draft);
  if (status === undefined) draft.notes.push('Missing a status: imported as draft');

  const date = isoDateOf(metadata.get('date')) ?? parts.date;
  if (metadata.has('date') && isoDateOf(metadata.get('date')) === undefined) draft.notes.push(`Unmapped date \`${String(metadata.get('date'))}\``);
  if (date === undefined) draft.notes.push('Missing a date: `created` is left for you to fill');

  const options = listItems(document.sections.find((s) => /^considered options$/i.test(s.heading))?.text ?? '').map(optionName).filter(Boolean);
  const outcomeText = document.sections.find((s) => /^decision outcome$/i.test(s.heading))?.text ?? '';
  const chosen = chosenOption(outcomeText);
  const chosenIndex = chosen === undefined ? -1 : options.findIndex((o) => comparable(o) === comparable(chosen) || comparable(o).startsWith(comparable(chosen)) || comparable(chosen).startsWith(comparable(o)));
  if (chosen !== undefined && chosenIndex === -1) draft.notes.push(`Unmapped chosen option \`${chosen}\`: it is not among the considered options`);

  const tags = [...namesIn(metadata.get('tags')).map(slugify), ...(posix.dirname(source) === '.' ? [] : [slugify(posix.dirname(source).split('/').at(-1)!)])].filter(Boolean);

  const finalStatus = status ?? 'draft';
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
  if (lead !== '') draft.sections.push({ heading: '', text: lead });
  mapSections(document.sections, draft);
  return draft;
}
