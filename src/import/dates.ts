import { isIsoDate } from '../schemas/index.ts';
import { plainText } from './markdown.ts';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const pad = (n: string | number): string => String(n).padStart(2, '0');

function calendarDate(year: string, month: string | number, day: string | number): string | undefined {
  const date = `${year}-${pad(month)}-${pad(day)}`;
  return isIsoDate(date) ? date : undefined;
}

const MONTH_WORD = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';

/** The dates written in a piece of text, with where each was found, in order. */
function datesIn(text: string): { date: string; index: number; length: number }[] {
  const found: { date: string; index: number; length: number }[] = [];
  const patterns: [RegExp, (m: RegExpExecArray) => string | undefined][] = [
    [/\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/g, (m) => calendarDate(m[1]!, m[2]!, m[3]!)],
    [/\b(\d{4})(\d{2})(\d{2})(?=-)/g, (m) => calendarDate(m[1]!, m[2]!, m[3]!)],
    [/\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b/g, (m) => calendarDate(m[3]!, m[2]!, m[1]!)],
    [new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_WORD},?\\s+(\\d{4})\\b`, 'gi'), (m) => calendarDate(m[3]!, MONTHS.indexOf(m[2]!.toLowerCase()) + 1, m[1]!)],
    [new RegExp(`\\b${MONTH_WORD}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'gi'), (m) => calendarDate(m[3]!, MONTHS.indexOf(m[1]!.toLowerCase()) + 1, m[2]!)],
  ];
  for (const [pattern, read] of patterns) {
    for (const match of text.matchAll(pattern)) {
      const date = read(match as RegExpExecArray);
      if (date !== undefined && !found.some((f) => match.index < f.index + f.length && f.index < match.index + match[0].length)) {
        found.push({ date, index: match.index, length: match[0].length });
      }
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * The first date written in a value as ADRs and postmortems write them (`2020-07-06`,
 * log4brains' `06/07/2020`, `2020/07/06`, `6 July 2020`, `Sep 27 2017`), as `YYYY-MM-DD`.
 */
export function isoDateOf(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return undefined;
  return datesIn(plainText(value))[0]?.date;
}

/** Fixed offsets of the zone abbreviations timelines use. IST is India's, CST the US's. */
const ABBREVIATIONS: Record<string, string> = {
  UTC: 'Z',
  GMT: 'Z',
  Z: 'Z',
  WET: '+00:00',
  WEST: '+01:00',
  BST: '+01:00',
  CET: '+01:00',
  CEST: '+02:00',
  EET: '+02:00',
  EEST: '+03:00',
  MSK: '+03:00',
  IST: '+05:30',
  SGT: '+08:00',
  HKT: '+08:00',
  JST: '+09:00',
  KST: '+09:00',
  AEST: '+10:00',
  AEDT: '+11:00',
  NZST: '+12:00',
  NZDT: '+13:00',
  EST: '-05:00',
  EDT: '-04:00',
  CST: '-06:00',
  CDT: '-05:00',
  MST: '-07:00',
  MDT: '-06:00',
  PST: '-08:00',
  PDT: '-07:00',
  AKST: '-09:00',
  AKDT: '-08:00',
  HST: '-10:00',
};

/** Zone names written out, as the IANA zones whose offset (summer time included) they mean. */
const NAMED_ZONES: [RegExp, string][] = [
  [/\bpacific\b/i, 'America/Los_Angeles'],
  [/\bmountain time\b/i, 'America/Denver'],
  [/\bcentral time\b/i, 'America/Chicago'],
  [/\beastern time\b/i, 'America/New_York'],
  [/\bcentral europe(?:an)?\b/i, 'Europe/Berlin'],
  [/\buk time\b|\blondon\b/i, 'Europe/London'],
];

/** `+01:00` for a signed hour and minute offset; `Z` for zero. */
function offset(sign: string, hours: string, minutes = '0'): string | undefined {
  if (Number(hours) > 14 || Number(minutes) > 59) return undefined;
  if (Number(hours) === 0 && Number(minutes) === 0) return 'Z';
  return `${sign === '-' || sign === '−' ? '-' : '+'}${pad(hours)}:${pad(minutes)}`;
}

/** The offset of an IANA zone on a day (noon UTC), or undefined for a name Intl does not know. */
function ianaOffset(zone: string, day: string | undefined): string | undefined {
  try {
    const at = new Date(`${day ?? '2020-01-01'}T12:00:00Z`);
    const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? '';
    if (name === 'GMT') return 'Z';
    const match = /^GMT([+-])(\d{2}):(\d{2})$/.exec(name);
    return match === null ? undefined : offset(match[1]!, match[2]!, match[3]);
  } catch {
    return undefined;
  }
}

/**
 * The UTC offset a timeline states ("All times in CET (GMT+1)", "(all times UTC)", "PST
 * (UTC-7)", "Europe/Zurich"), as `Z` or `±HH:MM`. An explicit offset wins over the
 * abbreviation beside it; a written-out zone is read for `day`, summer time included.
 */
export function zoneOffset(text: string, day?: string): string | undefined {
  const explicit = /\b(?:UTC|GMT)\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?(?!\d)/.exec(text) ?? /(?<![\d:])([+-])(\d{2}):(\d{2})\b/.exec(text);
  if (explicit !== null) return offset(explicit[1]!, explicit[2]!, explicit[3]);
  const abbreviation = /\b([A-Z]{1,4})\b/g;
  for (const match of text.matchAll(abbreviation)) {
    const fixed = ABBREVIATIONS[match[1]!];
    if (fixed !== undefined) return fixed;
  }
  const iana = /\b([A-Z][A-Za-z]+\/[A-Za-z_]+(?:\/[A-Za-z_]+)?)\b/.exec(text);
  const fromIana = iana === null ? undefined : ianaOffset(iana[1]!, day);
  if (fromIana !== undefined) return fromIana;
  const named = NAMED_ZONES.find(([pattern]) => pattern.test(text));
  return named === undefined ? undefined : ianaOffset(named[1], day);
}

/** One timestamped line of a timeline. */
export interface TimelineEntry {
  /** ISO 8601 with offset. */
  at: string;
  /** What the line (and the text under a timestamp heading) says happened. */
  what: string;
}

/** A time of day at the start of a timeline line (after its date): `14:54`, `4:23PM`, `07:30am`, `~13:30`, `ca. 18:30`. */
const TIME = /^[\s,~(]*(?:ca\.\s*|at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?(?![\d:])/i;
/** A zone written right after a time: `16:22 PST`, `10:00 (UTC+2)`. */
const ZONE_AFTER = /^\s*\(?((?:UTC|GMT)\s*[+\-−]\s*\d{1,2}(?::?\d{2})?|[A-Z]{1,5})\)?(?![\w+-])/;

/**
 * The timestamped entries of a timeline: lines or headings that start with a time (after a
 * date, perhaps), in the zone written beside the time or the one the timeline states. A line
 * that starts with a date and has no time sets the day for the times after it; a time earlier
 * more than six hours before the one above it is read as the next day. Entries whose day or zone
 * is unknown are left out, so nothing is guessed.
 */
export function timelineEntries(text: string, firstDay: string | undefined): { entries: TimelineEntry[]; zone: string | undefined } {
  let fenced = false;
  const lines = text.split(/\r?\n/).flatMap((raw) => {
    // Log lines quoted in code blocks carry dates and times of their own: not timeline entries.
    if (/^[ \t]*(```|~~~)/.test(raw)) fenced = !fenced;
    return fenced || /^[ \t]*(```|~~~)/.test(raw) ? [] : [{ raw, line: plainText(raw.replace(/^[ \t]*(?:#+|[-*+]|\d+[.)](?=\s)|\|)[ \t]*/, '').replace(/\|/g, ' ')) }];
  });
  const stated = lines.filter(({ line }) => TIME.exec(afterDate(line).rest) === null).map(({ line }) => line);
  const zone = zoneOffset(stated.join('\n'), firstDay);
  const entries: TimelineEntry[] = [];
  let day = firstDay;
  let lastMinutes = -1;
  for (const [i, { raw, line }] of lines.entries()) {
    const { date, rest } = afterDate(line);
    const time = TIME.exec(rest);
    if (date !== undefined && date !== day) {
      day = date;
      lastMinutes = -1;
    }
    if (time === null || day === undefined) continue;
    let hour = Number(time[1]);
    const meridiem = time[4]?.toLowerCase().replace(/\./g, '');
    if (meridiem === 'pm' && hour < 12) hour += 12;
    if (meridiem === 'am' && hour === 12) hour = 0;
    if (hour > 23 || Number(time[2]) > 59) continue;
    const minutes = hour * 60 + Number(time[2]);
    // Timelines are not always in order by a few minutes; a time hours before the last one is the next day.
    if (minutes < lastMinutes - 6 * 60 && date === undefined) day = nextDay(day);
    lastMinutes = minutes;
    const after = rest.slice(time[0].length);
    const own = ZONE_AFTER.exec(after);
    const ownOffset = own === null ? undefined : zoneOffset(own[1]!, day);
    const at = ownOffset ?? zone;
    if (at === undefined) continue;
    const what = (ownOffset === undefined ? after : after.slice(own![0].length)).replace(/^[\s\-–—:]+/, '');
    const next = lines.slice(i + 1, i + 6);
    const stop = next.findIndex((l) => l.raw.trimStart().startsWith('#') || TIME.exec(afterDate(l.line).rest) !== null);
    const under = raw.trimStart().startsWith('#')
      ? next
          .slice(0, stop === -1 ? undefined : stop)
          .map((l) => l.line)
          .join(' ')
      : '';
    entries.push({ at: `${day}T${pad(hour)}:${time[2]}:${time[3] ?? '00'}${at}`, what: `${what} ${under}`.trim() });
  }
  return { entries, zone };
}

/** A timeline line's leading date, if it starts with one, and the text after it. */
function afterDate(line: string): { date?: string; rest: string } {
  const date = datesIn(line.slice(0, 40))[0];
  return date === undefined || date.index > 1 ? { rest: line } : { date: date.date, rest: line.slice(date.index + date.length) };
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** The dates in a title or file name, for a postmortem that states its date nowhere else. */
export function firstDateIn(text: string): string | undefined {
  return datesIn(text)[0]?.date;
}
