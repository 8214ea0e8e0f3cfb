import { z } from 'astro/zod';
import { peopleSchema, teamsSchema } from './people.ts';
import type { Kind } from './index.ts';

interface JsonSchema {
  type?: string;
  format?: string;
  enum?: unknown[];
  pattern?: string;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  description?: string;
  minLength?: number;
  maxLength?: number;
}

export interface FieldRow {
  field: string;
  type: string;
  required: string;
  description: string;
}

function typeOf(schema: JsonSchema): string {
  if (schema.enum) return schema.enum.map((v) => `\`${String(v)}\``).join(' \\| ');
  if (schema.type === 'array') {
    const item = typeOf(schema.items ?? {});
    return `list of ${/^(id|map|string|number)$/.test(item) ? `${item}s` : item}`;
  }
  if (schema.type === 'object') return 'map';
  if (schema.format === 'date') return 'date `YYYY-MM-DD`';
  if (schema.format === 'date-time') return 'date-time with offset';
  if (schema.format === 'uri') return 'URL';
  if (schema.pattern?.includes('outcomes|decisions|postmortems')) return '`<collection>/<id>`';
  if (schema.pattern?.startsWith('^[a-z0-9]+')) return 'id';
  if (schema.type === 'string' && schema.minLength !== undefined && schema.maxLength !== undefined) return `string, ${schema.minLength}–${schema.maxLength} chars`;
  if (schema.type === 'string' && schema.maxLength !== undefined) return `string, ≤ ${schema.maxLength} chars`;
  return schema.type ?? 'any';
}

function rows(properties: Record<string, JsonSchema>, required: readonly string[], requiredAt: (path: string) => string, prefix = ''): FieldRow[] {
  return Object.entries(properties).flatMap(([name, schema]) => {
    const path = `${prefix}${name}`;
    const row: FieldRow = {
      field: `\`${path}\``,
      type: typeOf(schema),
      required: required.includes(name) ? 'always' : requiredAt(path),
      description: schema.description ?? '',
    };
    const items = schema.type === 'array' ? schema.items : undefined;
    const nested = items?.type === 'object' && items.properties ? rows(items.properties, items.required ?? [], requiredAt, `${path}[].`) : [];
    return [row, ...nested];
  });
}

/** The fields of a kind, from its zod schema (types, descriptions) and its status rules. */
export function fieldRows(kind: Kind): FieldRow[] {
  const json = z.toJSONSchema(kind.schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const requiredAt = (path: string): string => {
    const statuses = kind.rules.fields[path];
    if (path === 'options[].chosen') return 'one option, once accepted';
    return statuses && statuses.length > 0 ? statuses.join(', ') : 'optional';
  };
  return rows(json.properties ?? {}, json.required ?? [], requiredAt);
}

function table(rowsOf: FieldRow[]): string {
  const lines = ['| field | type | required at | meaning |', '|---|---|---|---|'];
  for (const row of rowsOf) lines.push(`| ${row.field} | ${row.type} | ${row.required} | ${row.description.replaceAll('|', '\\|')} |`);
  return lines.join('\n');
}

/** The README's field reference for a kind: a table of fields and the sections each status needs. */
export function fieldTable(kind: Kind): string {
  const sections = Object.entries(kind.rules.sections)
    .map(([title, statuses]) => `- \`## ${title}\`: ${statuses.join(', ')}`)
    .join('\n');
  return `${table(fieldRows(kind))}\n\nSections (level-2 headings with text under them), and the statuses that need them:\n\n${sections}`;
}

/** The README's reference for people.yaml and teams.yaml. */
export function directoryTables(): string {
  const of = (schema: z.ZodType): FieldRow[] => {
    const json = z.toJSONSchema(schema, { io: 'input' }) as JsonSchema;
    return rows(json.items?.properties ?? {}, json.items?.required ?? [], () => 'optional');
  };
  return `people.yaml, a list of:\n\n${table(of(peopleSchema))}\n\nteams.yaml, a list of:\n\n${table(of(teamsSchema))}`;
}
