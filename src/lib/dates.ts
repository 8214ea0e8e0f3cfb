const DAY = 86_400_000;

/** Whole days from `from` to `to` (both `YYYY-MM-DD`); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY);
}

/** "in 3 days", "today", "12 days ago": how far a date is from today. */
export function relativeDays(date: string, today: string): string {
  const days = daysBetween(today, date);
  if (days === 0) return 'today';
  const amount = Math.abs(days);
  const unit = amount === 1 ? 'day' : 'days';
  return days > 0 ? `in ${amount} ${unit}` : `${amount} ${unit} ago`;
}

/**
 * "4 Mar 2026" for a date, or for a date-time the day as written at its own offset, so a
 * build gives the same text on every machine.
 */
export function humanDate(value: string): string {
  const day = value.slice(0, 10);
  let text = HUMAN_DATES.get(day);
  if (text === undefined) HUMAN_DATES.set(day, (text = DAY_FORMAT.format(new Date(`${day}T00:00:00Z`))));
  return text;
}

// Formatting a date through Intl is slow enough to show in a build's profile (every page
// shows dozens), and a handbook has few distinct days: format each once.
const DAY_FORMAT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const HUMAN_DATES = new Map<string, string>();

/** "18:42" from a date-time, as written at its own offset. */
export function clockTime(value: string): string {
  return value.slice(11, 16);
}

/** "March 2026": the heading a date is grouped under on the timeline. */
export function monthOf(value: string): string {
  const month = value.slice(0, 7);
  let text = MONTHS.get(month);
  if (text === undefined) MONTHS.set(month, (text = MONTH_FORMAT.format(new Date(`${month}-01T00:00:00Z`))));
  return text;
}

const MONTH_FORMAT = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const MONTHS = new Map<string, string>();

/** "1 h 25 min", "38 min", "2 d 3 h" between two date-times; undefined when either is missing. */
export function duration(start: string | undefined, end: string | undefined): string | undefined {
  if (start === undefined || end === undefined) return undefined;
  const minutes = Math.round((Date.parse(end) - Date.parse(start)) / 60_000);
  if (!Number.isFinite(minutes) || minutes < 0) return undefined;
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return `${days} d${hours > 0 ? ` ${hours} h` : ''}`;
  if (hours > 0) return `${hours} h${rest > 0 ? ` ${rest} min` : ''}`;
  return `${rest} min`;
}
