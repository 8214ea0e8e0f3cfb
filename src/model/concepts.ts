/**
 * The concepts every part of the handbook shares, defined once: check's rules, the CLI,
 * import and the pages all ask here.
 */

/** The fields a record is filed under, most telling first: when it was decided, started or closed, else created. */
const DATE_FIELDS = ['decided', 'started', 'closed', 'created'] as const;

/** The day (`YYYY-MM-DD`) a record is filed under on the timeline, in feeds and in lists. */
export function recordDate(data: Readonly<Record<string, unknown>>): string {
  const first = DATE_FIELDS.map((key) => data[key]).find((value): value is string => typeof value === 'string');
  return (first ?? '').slice(0, 10);
}
