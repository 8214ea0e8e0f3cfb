import type { z } from 'astro/zod';
import type { YamlLocator } from '../records/frontmatter.ts';
import type { ListFile, RecordFile } from '../records/load.ts';
import type { Problem } from '../records/problem.ts';
import { personSchema, teamSchema } from '../schemas/index.ts';
import { describeValue, fieldLabel, problem, type RecordRule } from './context.ts';
import { gapSeverity } from './status.ts';

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

/** The closest known field name, so typos such as `reviewby` get a suggestion. */
export function closest(name: string, known: readonly string[]): string | undefined {
  const distance = (a: string, b: string): number => {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      let previous = row[0] ?? 0;
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const current = row[j] ?? 0;
        row[j] = Math.min(current + 1, (row[j - 1] ?? 0) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
        previous = current;
      }
    }
    return row[b.length] ?? Infinity;
  };
  const lower = name.toLowerCase();
  const ranked = known
    .map((candidate) => ({ candidate, score: candidate.toLowerCase() === lower ? 0 : distance(lower, candidate.toLowerCase()) }))
    .sort((a, b) => a.score - b.score);
  const best = ranked[0];
  return best !== undefined && best.score <= Math.max(2, Math.floor(name.length / 4)) ? best.candidate : undefined;
}

function knownKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: unknown = schema;
  for (const segment of path) {
    const def = (current as { def?: { type?: string; shape?: Record<string, unknown>; element?: unknown; innerType?: unknown } }).def;
    if (def?.type === 'optional' || def?.type === 'prefault') current = def.innerType;
    const inner = (current as { def?: { type?: string; shape?: Record<string, unknown>; element?: unknown; innerType?: unknown } }).def;
    if (typeof segment === 'number' && inner?.type === 'array') current = inner.element;
    else if (inner?.shape) current = inner.shape[String(segment)];
  }
  const def = (current as { def?: { type?: string; innerType?: unknown } }).def;
  const unwrapped = def?.type === 'optional' || def?.type === 'prefault' ? def.innerType : current;
  return Object.keys((unwrapped as { def?: { shape?: Record<string, unknown> } }).def?.shape ?? {});
}

/** Turns zod's issues into positioned problems with messages a writer understands. */
export function shapeProblems(
  target: { file: string },
  schema: z.ZodType,
  data: unknown,
  locator: YamlLocator,
  what: string,
  pathPrefix: readonly PropertyKey[] = [],
  missing: (path: string) => { severity: Problem['severity']; note: string } = () => ({ severity: 'error', note: '' }),
): Problem[] {
  const result = schema.safeParse(data);
  if (result.success) return [];
  return result.error.issues.flatMap((issue): Problem[] => {
    const path = [...pathPrefix, ...issue.path] as (string | number)[];
    const value = valueAt(data, issue.path);
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(schema, issue.path);
      return issue.keys.map((key) => {
        const suggestion = closest(key, known);
        return problem(
          target,
          locator.locate([...path, key], { key: true }),
          'unknown-field',
          `Unexpected field \`${key}\`, expected a field of ${what}${suggestion ? ` (did you mean \`${suggestion}\`?)` : ''}`,
        );
      });
    }
    const label = fieldLabel(issue.path);
    if (value === undefined) {
      const { severity, note } = missing(issue.path.map((segment) => (typeof segment === 'number' ? '[]' : String(segment))).join('.').replaceAll('.[].', '[].'));
      return [problem(target, locator.locate(path), 'required-field', `Missing ${label}, required for every ${what.replace(/^an? /, '')}${note}`, severity)];
    }
    const position = locator.locate(path);
    switch (issue.code) {
      case 'invalid_value':
        return [problem(target, position, 'invalid-field', `Unexpected ${describeValue(value)} in ${label}, expected one of ${issue.values.map((v) => `\`${String(v)}\``).join(', ')}`)];
      case 'invalid_type':
        return [problem(target, position, 'invalid-field', `Unexpected ${describeValue(value)} in ${label}, expected ${issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'a map' : `a ${issue.expected}`}`)];
      case 'too_small':
      case 'too_big': {
        const bound = issue.code === 'too_small' ? `at least ${String(issue.minimum)}` : `at most ${String(issue.maximum)}`;
        const unit = issue.origin === 'array' ? 'items' : 'characters';
        const size = Array.isArray(value) ? value.length : String(value).length;
        return [problem(target, position, 'invalid-field', `Unexpected ${label} of ${size} ${unit}, expected ${bound}`)];
      }
      default: {
        const expected = issue.message.startsWith('expected') ? issue.message : `expected a valid ${issue.code === 'invalid_format' ? issue.format : 'value'}`;
        return [problem(target, position, 'invalid-field', `Unexpected ${describeValue(value)} in ${label}, ${expected}`)];
      }
    }
  });
}

/** A record's frontmatter against its kind's schema; a field every record needs but history lacks (severity) is a warning in an unreviewed import. */
export const shape: RecordRule = (record: RecordFile) =>
  shapeProblems(record, record.kind.schema, record.data, record.locator, `${/^[aeiou]/.test(record.kind.singular) ? 'an' : 'a'} ${record.kind.singular}`, [], (path) => gapSeverity(record, path));

/** Validates people.yaml or teams.yaml entry by entry. */
export function listShapeProblems(list: ListFile, which: 'people' | 'teams'): Problem[] {
  if (list.locator === undefined) return [];
  const schema = which === 'people' ? personSchema : teamSchema;
  const what = which === 'people' ? 'a person' : 'a team';
  const locator = list.locator;
  return list.items.flatMap((item, index) => shapeProblems(list, schema, item, locator, what, [index]));
}
