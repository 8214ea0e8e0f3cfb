import { posix } from 'node:path';
import { slugify } from '../authoring/new.ts';
import { actionKinds } from '../schemas/postmortems.ts';
import { addSection, type Draft } from './draft.ts';
import { isoDateOf, labelledLines, namesIn, plainText, splitSections, readSourceDocument } from './markdown.ts';

/** SRE template parts, by the lower-case label or heading, and the section each becomes. */
const SECTIONS: Record<string, string> = {
  summary: 'Summary',
  impact: 'Impact',
  'root causes': 'Root causes',
  'root cause': 'Root causes',
  trigger: 'Trigger',
  resolution: 'Resolution',
  detection: 'Detection',
  'action items': 'Action items',
  'lessons learned': 'Lessons learned',
  'what went well': 'What went well',
  'what went wrong': 'What went wrong',
  'where we got lucky': 'Where we got lucky',
  timeline: 'Timeline',
  'supporting information': 'Supporting information',
};

/** Header labels that become fields rather than sections. */
const FIELDS = new Set(['date', 'authors', 'author', 'owner', 'status', 'severity', 'services', 'affected services', 'incident', 'incident #']);

const ACTION_KINDS: Record<string, (typeof actionKinds)[number]> = {
  prevent: 'prevent',
  prevention: 'prevent',
  preventive: 'prevent',
  detect: 'detect',
  detection: 'detect',
  mitigate: 'mitigate',
  mitigation: 'mitigate',
  repair: 'mitigate',
  process: 'process',
};

function postmortemStatus(text: string, draft: Draft): string {
  const word = plainText(text).toLowerCase();
  if (/^(complete|completed|final|published|closed|done)\b/.test(word)) return 'published';
  if (/^(in[ -]?review|review|under review|reviewed)\b/.test(word)) return 'in-review';
  if (/^(draft|in progress|wip)\b/.test(word)) return 'draft';
  draft.notes.push(`Unmapped status \`${plainText(text)}\`: imported as draft`);
  return 'draft';
}

function severityOf(text: string, draft: Draft): string | undefined {
  const match = /\bsev(?:erity)?[\s-]*([1-4])\b/i.exec(text) ?? /^\s*([1-4])\s*$/.exec(text);
  if (match !== null) return `sev${match[1]}`;
  draft.notes.push(`Unmapped severity \`${plainText(text)}\`: expected sev1 to sev4`);
  return undefined;
}

/** Cells of a Markdown table row, or undefined when the line is not one. */
function cells(line: string): string[] | undefined {
  if (!/^\s*\|.*\|\s*$/.test(line)) return undefined;
  return line.trim().slice(1, -1).split(/(?<!\\)\|/).map((cell) => cell.trim());
}

/** The SRE "Action Items" table (Action Item | Type | Owner | Bug) as actions with owner names. */
function readActions(text: string, draft: Draft): Record<string, unknown>[] {
  const rows = text.split(/\r?\n/).map(cells).filter((row): row is string[] => row !== undefined);
  const [header, ...body] = rows;
  if (header === undefined) return [];
  const column = (pattern: RegExp): number => header.findIndex((cell) => pattern.test(plainText(cell)));
  const [title, type, owner, bug, status] = [column(/action/i), column(/^(type|kind)$/i), column(/owner/i), column(/bug|ticket|issue|link|tracker/i), column(/status|state/i)];
  return body
    .filter((row) => !row.every((cell) => /^:?-+:?$/.test(cell)))
    .map((row) => {
      const cell = (index: number): string => (index === -1 ? '' : plainText(row[index] ?? ''));
      const tracker = `${cell(bug)} ${cell(status)}`;
      const kind = ACTION_KINDS[cell(type).toLowerCase()];
      if (cell(type) !== '' && kind === undefined) draft.notes.push(`Unmapped action type \`${cell(type)}\` of \`${cell(title)}\``);
      const state = /\bdone|fixed|closed|complete/i.test(tracker) ? 'done' : /in[ -]progress|started/i.test(tracker) ? 'in-progress' : /won'?t|wontfix|wont-do/i.test(tracker) ? 'wont-do' : /\btodo|open|\bnew\b/i.test(tracker) ? 'open' : undefined;
      const link = /https?:\/\/[^\s)>\]]+/.exec(row[bug] ?? '')?.[0];
      return { title: cell(title) || undefined, owner: cell(owner) === '' || /^n\/?a$/i.test(cell(owner)) ? undefined : cell(owner), status: state, kind, link };
    })
    .filter((action) => action.title !== undefined);
}

/** The time zone an SRE timeline states ("all times UTC", "+01:00"), as an ISO offset. */
function zoneOf(text: string): string | undefined {
  if (/\b(UTC|GMT|Z)\b/.test(text)) return 'Z';
  return /([+-]\d{2}:\d{2})/.exec(text)?.[1];
}

/** When impact started, was detected and ended, from timeline lines such as `14:54 OUTAGE BEGINS`. */
function readTimeline(text: string, fallbackDate: string | undefined, draft: Draft): Record<string, string> {
  const zone = zoneOf(text);
  let day = fallbackDate;
  const entries: { at: string; what: string }[] = [];
  for (const line of text.split(/\r?\n/)) {
    const plain = plainText(line.replace(/\|/g, ' '));
    const entry = /^(?:[-*+]\s*)?(?:(\d{4}-\d{2}-\d{2})[ T])?(\d{1,2}):(\d{2})(?::\d{2})?\s*(?:[A-Z]{2,4}\b)?\s*[-–—:]?\s*(.*)$/.exec(plain);
    if (entry === null) {
      day = isoDateOf(plain) ?? day;
      continue;
    }
    if (entry[1] !== undefined) day = entry[1];
    if (day === undefined || zone === undefined) continue;
    entries.push({ at: `${day}T${entry[2]!.padStart(2, '0')}:${entry[3]}:00${zone}`, what: entry[4]! });
  }
  const first = (pattern: RegExp): string | undefined => entries.find((e) => pattern.test(e.what))?.at;
  const found: Record<string, string | undefined> = {
    started: first(/outage (begins|starts|started)|impact (begins|starts|started)|incident (begins|starts|started)/i),
    detected: first(/detect|paged|\bpager?\b|alert/i),
    resolved: first(/outage (ends|ended|over)|impact (ends|ended)|resolved/i) ?? first(/mitigated/i),
  };
  if (text.trim() !== '' && zone === undefined) draft.notes.push('Unmapped timeline times: no time zone stated (e.g. "all times UTC"), so `started`, `detected` and `resolved` are left empty');
  return Object.fromEntries(Object.entries(found).filter((e): e is [string, string] => e[1] !== undefined));
}

/**
 * Reads a postmortem in the Google SRE book's shape: a header of `Label: value` lines
 * (Date, Authors, Status, Summary, Impact, Root Causes, Trigger, Resolution, Detection),
 * an Action Items table, Lessons Learned (what went well / wrong / where we got lucky)
 * and a Timeline, as headings or labels.
 */
export function readPostmortem(source: string, text: string): Draft {
  const document = readSourceDocument(text);
  const draft: Draft = { source, collection: 'postmortems', slug: '', fields: {}, sections: [], links: [], notes: [] };
  const title = document.title === undefined ? undefined : plainText(document.title);
  if (title === undefined) draft.notes.push('Missing a `# Title` heading: the title is left for you to write');

  const labels = labelledLines(document.preamble);
  const lead: string[] = [];
  const preambleParts = document.preamble.split(/\r?\n(?=[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?[A-Za-z][A-Za-z ()/#-]{0,40}?(?:\*\*|__)?:)/);
  for (const part of preambleParts) {
    const label = /^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?([A-Za-z][A-Za-z ()/#-]{0,40}?)(?:\*\*|__)?:(?:\*\*|__)?[ \t]*([\s\S]*)$/.exec(part);
    const key = label?.[1]?.trim().toLowerCase();
    if (key !== undefined && key in SECTIONS) addSection(draft.sections, SECTIONS[key]!, label![2]!.trim());
    else if (key === undefined || !FIELDS.has(key)) lead.push(part);
  }
  if (lead.join('').trim() !== '') draft.sections.unshift({ heading: '', text: lead.join('\n').trim() });

  for (const section of document.sections) {
    const name = section.heading.toLowerCase().replace(/\s+/g, ' ').replace(/:$/, '');
    if (name === 'lessons learned') {
      const { before, sections } = splitSections(section.text, 3);
      addSection(draft.sections, 'Lessons learned', before);
      for (const sub of sections) addSection(draft.sections, SECTIONS[sub.heading.toLowerCase()] ?? sub.heading, sub.text);
    } else addSection(draft.sections, SECTIONS[name] ?? section.heading, section.text);
  }

  const date = isoDateOf(labels.get('date'));
  if (date === undefined) draft.notes.push('Missing a date: the file name and `created` are left for you to fix');
  const status = labels.has('status') ? postmortemStatus(labels.get('status')!, draft) : 'draft';
  if (!labels.has('status')) draft.notes.push('Missing a status: imported as draft');
  const severityText = labels.get('severity');
  const services = namesIn(labels.get('services') ?? labels.get('affected services'));
  const timeline = readTimeline(draft.sections.find((s) => s.heading === 'Timeline')?.text ?? '', date, draft);
  const impact = draft.sections.find((s) => s.heading === 'Impact')?.text;
  const summary = draft.sections.find((s) => s.heading === 'Summary')?.text;
  const actions = readActions(draft.sections.find((s) => s.heading === 'Action items')?.text ?? '', draft);

  draft.date = date;
  draft.slug = slugify((title ?? '').replace(/\bpost-?mortem\b/gi, '').replace(/\(incident #?\d+\)/i, '')) || slugify(posix.basename(source).replace(/\.mdx?$/i, '').replace(/^\d{4}-\d{2}-\d{2}-/, '')) || 'incident';
  draft.fields = {
    title,
    summary: summary !== undefined && summary.length <= 280 && !summary.includes('\n\n') ? plainText(summary) : undefined,
    status,
    owner: namesIn(labels.get('owner') ?? labels.get('authors') ?? labels.get('author'))[0],
    created: date,
    severity: severityText === undefined ? undefined : severityOf(severityText, draft),
    ...timeline,
    services: services.length > 0 ? services : undefined,
    impact: impact === undefined ? undefined : plainText(impact),
    actions: actions.length > 0 ? actions : undefined,
  };
  if (severityText === undefined) draft.notes.push('Missing a severity: `severity` is left for you to fill (sev1 to sev4)');
  if (summary !== undefined && draft.fields['summary'] === undefined) draft.notes.push('Unmapped summary: longer than the 280 characters a `summary` holds; it stays in the Summary section');
  return draft;
}
