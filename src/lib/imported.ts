import { isUnreviewedImport } from '../rules/context.ts';

/**
 * The records `handbook import` brought in that nobody has reviewed yet, in the order given:
 * what the site marks "imported, not yet reviewed" on their pages and lists for review.
 */
export function importedNotReviewed<R extends { data: object }>(records: readonly R[]): R[] {
  return records.filter((record) => isUnreviewedImport({ data: record.data as Record<string, unknown> }));
}
