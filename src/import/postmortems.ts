import { slugify } from '../authoring/new.ts';
import type { actionKinds } from '../schemas/postmortems.ts';
import { firstDateIn, isoDateOf, timelineEntries } from './dates.ts';
import { addSection, postmortemStatus, splitHeading, type Draft, type SourceFile } from './draft.ts';
import { fittingTitle, keepUnmapped } from './decisions.ts';
import { stemOf } from './files.ts';
import { inlineLinks, labelledLines, listItems, namesIn, plainText, readSourceDocument, subsections, type SourceSection } from './markdown.ts';

/** SRE template parts, by the lower-case label or heading, and the section each becomes (the names the model renames). */
export const POSTMORTEM_HEADINGS: Readonly<Record<string, string>> = {
  summary: 'Summary',
  'issue summary': 'Summary',
  'executive summary': 'Summary',
  impact: 'Impact',
  'summary of impact': 'Impact',
  'customer impact': 'Impact',
  'root causes': 'Root causes',
  'root cause': 'Root causes',
  'root cause(s)': 'Root causes',
  trigger: 'Trigger',
  resolution: 'Resolution',
  detection: 'Detection',
  'action items': 'Action items',
  'action items & followups': 'Action items',
  'lessons learned': 'Lessons learned',
  'lessons learnt': 'Lessons learned',
  'what went well': 'What went well',
  'what went wrong': 'What went wrong',
  'what went badly': 'What went wrong',
  'what could have gone better': 'What went wrong',
  'where we got lucky': 'Where we got lucky',
  'where did we get lucky': 'Where we got lucky',
  timeline: 'Timeline',
  'incident timeline': 'Timeline',
  'supporting information': 'Supporting information',
  date: 'Date',
  authors: 'Authors',
  status: 'Status',
  severity: 'Severity',
};

/** Header labels that become fields; their lines stay in the record's text as written. */
const FIELD_LABELS = new Set(['date', 'authors', 'author', 'by', 'name(s)', 'owner', 'status', 'severity', 'services', 'affected services']);

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

const known = (name: string): string | undefined => POSTMORTEM_HEADINGS[name.toLowerCase().replace(/\s+/g, ' ').replace(/[:?]$/, '').trim()];

function severityOf(text: string, draft: Draft): string | undefined {
  const match = /\bsev(?:erity)?[\s-]*([1-4])\b/i.exec(text) ?? /^\s*([1-4])\s*$/.exec(text) ?? /^\s*p([1-4])\b/i.exec(text);
  if (match !== null) return `sev${match[1]}`;
  draft.notes.push(`Unmapped severity \`${plainText(text)}\`: expected sev1 to sev4`);
  return undefined;
}

/** Cells of a Markdown table row, or undefined when the line is not one. */
function cells(line: string): string[] | undefined {
  if (!/^\s*\|.*\|\s*$/.test(line)) return undefined;
  return line
    .trim()
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());
}

const trackerState = (text: string): string | undefined =>
  /\bdone|fixed|closed|complete/i.test(text)
    ? 'done'
    : /in[ -]progress|started/i.test(text)
      ? 'in-progress'
      : /won'?t|wontfix|wont-do/i.test(text)
        ? 'wont-do'
        : /\btodo|\bopen\b|\bnew\b/i.test(text)
          ? 'open'
          : undefined;

/**
 * The follow-ups of an "Action Items" part: the SRE table (Action Item | Type | Owner | Bug),
 * or numbered items under category headings, each with its tracker link.
 */
function readActions(text: string, draft: Draft): Record<string, unknown>[] {
  const rows = text
    .split(/\r?\n/)
    .map(cells)
    .filter((row): row is string[] => row !== undefined);
  const [header, ...body] = rows;
  if (header === undefined) {
    const { before, sections } = subsections(text);
    return [before, ...sections.map((s) => s.text)]
      .flatMap((part, i) => {
        const kind = i === 0 ? undefined : ACTION_KINDS[sections[i - 1]!.name.toLowerCase().split(/\s+/)[0] ?? ''];
        return listItems(part).map((item) => ({
          title:
            plainText(item)
              .replace(/\s*\bissue\b\s*$/i, '')
              .trim() || undefined,
          link: inlineLinks(item).find((l) => /^https?:/.test(l.target))?.target,
          kind,
        }));
      })
      .filter((action) => action.title !== undefined);
  }
  const column = (pattern: RegExp): number => header.findIndex((cell) => pattern.test(plainText(cell)));
  const [title, type, owner, bug, status] = [column(/action/i), column(/^(type|kind)/i), column(/owner|^who$/i), column(/bug|ticket|issue|link|tracker/i), column(/status|state/i)];
  return body
    .filter((row) => !row.every((cell) => /^:?-+:?$/.test(cell)))
    .map((row) => {
      const cell = (index: number): string => (index === -1 ? '' : plainText(row[index] ?? ''));
      const kind = ACTION_KINDS[cell(type).toLowerCase()];
      if (cell(type) !== '' && kind === undefined) draft.notes.push(`Unmapped action type \`${cell(type)}\` of \`${cell(title)}\``);
      const link = /https?:\/\/[^\s)>\]]+/.exec(row[bug] ?? '')?.[0];
      return { title: cell(title) || undefined, owner: cell(owner) === '' || /^n\/?a$/i.test(cell(owner)) ? undefined : cell(owner), status: trackerState(`${cell(bug)} ${cell(status)}`), kind, link };
    })
    .filter((action) => action.title !== undefined);
}

/** When impact started, was detected and ended, read from timeline entries that say so; left empty when they do not, or disagree in order. */
function readTimeline(text: string, day: string | undefined, draft: Draft): Record<string, string> {
  const { entries, zone } = timelineEntries(text, day);
  const first = (pattern: RegExp): string | undefined => entries.find((e) => pattern.test(e.what))?.at;
  const found = {
    started: first(/\b(outage|impact|incident|problem)s?\s+(begins?|began|starts?|started)\b|\bstart of (the )?(incident|outage|impact)\b|\bfirst symptoms\b/i),
    detected: first(/\bdetect|\bpaged\b|\bpager\b|\balert(ed|s)?\b|\bfirst (noticed|reported|report)\b/i),
    resolved: first(/\b(outage|impact|incident)\s+(ends?|ended|over)\b|\bresolved\b|\bend of (the )?(incident|outage)\b|\boutage to an end\b|\bback to normal\b/i),
  };
  if (text.trim() !== '' && zone === undefined && entries.length === 0)
    draft.notes.push('Unmapped timeline times: no time zone stated (e.g. "All times in UTC"), so `started`, `detected` and `resolved` are left empty');
  const time = (at: string | undefined): number => (at === undefined ? NaN : Date.parse(at));
  const order = [found.started, found.detected, found.resolved].map(time).filter((t) => !Number.isNaN(t));
  if (order.some((t, i) => i > 0 && t < order[i - 1]!)) {
    draft.notes.push('Timeline entries for start, detection and end are out of order: `started`, `detected` and `resolved` are left for you to fill');
    return {};
  }
  return Object.fromEntries(Object.entries(found).filter((e): e is [string, string] => e[1] !== undefined));
}

/** Sections under the SRE template's names (a heading that carries its content split), lessons learned split into its parts. */
function mapSections(sections: SourceSection[], draft: Draft): void {
  for (const section of sections) {
    const split = known(section.name) === undefined ? splitHeading(section.heading, known) : undefined;
    const heading = known(section.name) ?? split?.name ?? section.heading;
    const text = split === undefined ? section.text : [split.rest, section.text].filter(Boolean).join('\n\n');
    if (heading !== 'Lessons learned') {
      addSection(draft.sections, heading, text);
      continue;
    }
    const { before, sections: parts } = subsections(text);
    if (before !== '' || parts.length === 0) addSection(draft.sections, 'Lessons learned', before);
    for (const part of parts) addSection(draft.sections, known(part.name) ?? part.heading, part.text);
  }
}

/**
 * Reads a postmortem in the Google SRE book's shape and its relatives: a header of
 * `Label: value` lines or `### Label` parts (Date, Authors, Status, Summary, Impact, Root
 * Causes, …), an Action Items table or list, Lessons Learned, and a Timeline of timestamped
 * lines or headings in a stated time zone. The date comes from the header, the frontmatter,
 * the title or the file name, in that order.
 */
export function readPostmortem(file: SourceFile): Draft | { notRecord: string } {
  const document = readSourceDocument(file.text);
  const stem = stemOf(file.file);
  const draft: Draft = { file: file.file, source: file.source, collection: 'postmortems', sourceId: stem, slug: '', fields: {}, unmapped: {}, lead: '', sections: [], links: [], notes: [] };
  const labels = labelledLines(document.lead);
  const front = new Map(Object.entries(document.frontmatter ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  for (const [key, value] of Object.entries(document.frontmatter ?? {})) {
    if (FIELD_LABELS.has(key.toLowerCase()) || key.toLowerCase() === 'title') continue;
    draft.unmapped[key] = value;
    draft.notes.push(`Frontmatter field \`${key}\` has no place in the model: kept under \`imported.unmapped\``);
  }

  // Header labels that name a part of the template (`Summary: …`) become that section; the
  // others stay in the lead as written, beside the fields read from them.
  const lead: string[] = [];
  const parts = document.lead.split(/\r?\n(?=[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?[A-Za-z][A-Za-z ()/#-]{0,40}?(?:\*\*|__)?:)/);
  for (const part of parts) {
    const label = /^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?([A-Za-z][A-Za-z ()/#-]{0,40}?)(?:\*\*|__)?:(?:\*\*|__)?[ \t]*([\s\S]*)$/.exec(part);
    const section = label === null || FIELD_LABELS.has(label[1]!.trim().toLowerCase()) ? undefined : known(label[1]!);
    if (section !== undefined) addSection(draft.sections, section, label![2]!.trim());
    else lead.push(part);
  }
  draft.lead = lead.join('\n').trim();
  mapSections(document.sections, draft);
  const sectionText = (name: string): string | undefined => draft.sections.find((s) => s.heading === name)?.text;

  const title = document.title === undefined ? undefined : plainText(document.title);
  const stated = isoDateOf(front.get('date') ?? labels.get('date') ?? sectionText('Date'));
  const titled = title === undefined ? undefined : firstDateIn(title);
  const named = firstDateIn(stem);
  // When the title and the file name disagree, the timeline's first date says which one was copied from a template.
  const timelineDay = firstDateIn(sectionText('Timeline') ?? '');
  const date = stated ?? (titled !== undefined && named !== undefined && titled !== named && timelineDay === named ? named : (titled ?? named));
  const other = [stated, titled, named].find((d) => d !== undefined && d !== date);
  if (date !== undefined && other !== undefined)
    draft.notes.push(
      `Dated ${date}${timelineDay === date ? ', as its timeline starts' : ''}, though ${other === named ? 'the file name' : other === titled ? 'the title' : 'the header'} says ${other}`,
    );
  if (date === undefined) draft.notes.push('Missing a date: not in the header, the title or the file name; `created` is left for you to fill');
  const looksLikeOne = date !== undefined || document.sections.some((s) => ['Timeline', 'Impact', 'Root causes', 'Summary'].includes(known(s.name) ?? ''));
  if (!looksLikeOne) return { notRecord: 'no date and no Summary, Impact, Timeline or Root causes in it' };

  const statusText = front.get('status') ?? labels.get('status') ?? sectionText('Status');
  const status = typeof statusText === 'string' && statusText.trim() !== '' ? postmortemStatus(plainText(statusText)) : undefined;
  if (typeof statusText === 'string' && statusText.trim() !== '' && status === undefined) draft.notes.push(`Unmapped status \`${plainText(statusText)}\`: imported as draft`);
  if (statusText === undefined) draft.notes.push('No status in the source: imported as draft (drafts are not published)');
  const severityText = front.get('severity') ?? labels.get('severity') ?? sectionText('Severity');
  const services = namesIn(front.get('services') ?? labels.get('services') ?? labels.get('affected services'));
  const timeline = readTimeline(sectionText('Timeline') ?? '', date, draft);
  const impact = sectionText('Impact');
  const summary = sectionText('Summary');
  const actions = readActions(sectionText('Action items') ?? '', draft);
  const authors = namesIn(
    front.get('owner') ?? front.get('authors') ?? labels.get('owner') ?? labels.get('authors') ?? labels.get('author') ?? labels.get('by') ?? labels.get('name(s)') ?? sectionText('Authors'),
  );

  draft.date = date;
  const titleWords = (title ?? '')
    .replace(/\bpost-?mortem\b/gi, '')
    .replace(/\(incident #?\d+\)/i, '')
    .replace(/^(?:incident date:\s*)?\d{4}-\d{2}-\d{2}(?:\s+\d{1,2}:\d{2}\s*(?:[ap]m)?(?:\s+[A-Z]{2,4})?)?\s*[,:–—-]?\s*/i, '');
  draft.slug = slugify(titleWords) || slugify(stem.replace(/^\d{4}-\d{2}-\d{2}-?/, '')) || 'incident';
  draft.fields = {
    title: title === undefined || title === '' ? undefined : fittingTitle(title, draft),
    summary: summary !== undefined && summary.length <= 280 && !summary.includes('\n\n') && summary.trim() !== '' ? plainText(summary) : undefined,
    status: status ?? 'draft',
    owner: authors[0],
    created: date,
    tags: file.tags.length > 0 ? file.tags : undefined,
    severity: severityText === undefined || String(severityText).trim() === '' ? undefined : severityOf(String(severityText), draft),
    ...timeline,
    services: services.length > 0 ? services : undefined,
    impact: impact === undefined || impact.trim() === '' ? undefined : plainText(impact),
    actions: actions.length > 0 ? actions : undefined,
  };
  keepUnmapped(draft, document.frontmatter, 'status', (value) => plainText(String(value)).toLowerCase() === draft.fields['status']);
  keepUnmapped(draft, document.frontmatter, 'date', (value) => value === date);
  keepUnmapped(draft, document.frontmatter, 'severity', (value) => String(value).toLowerCase() === draft.fields['severity']);
  if (draft.fields['title'] === undefined) draft.notes.push('Missing a `# Title` heading: the title is left for you to write');
  if (severityText === undefined) draft.notes.push('No severity in the source: `severity` is left for you to fill (sev1 to sev4)');
  if (summary !== undefined && summary.trim() !== '' && draft.fields['summary'] === undefined)
    draft.notes.push('Summary longer than the 280 characters a `summary` holds: it stays in the Summary section');
  return draft;
}
