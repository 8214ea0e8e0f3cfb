import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchemas, schemaText } from '../schemas/json-schema.ts';
import { UsageError, type CommandIO } from './io.ts';
import { parseCommand } from './parse.ts';

export const schemaUsage = `Usage: handbook schema [--out DIR]

Writes JSON Schema for each record kind, people.yaml and teams.yaml into DIR (default:
docs/schemas), generated from the content model, for editors and other tools.`;

export function runSchema(args: string[], io: CommandIO): number {
  const { values, positionals } = parseCommand(args, { out: { type: 'string', default: 'docs/schemas' } });
  if (positionals.length > 0) throw new UsageError(`Unexpected arguments ${positionals.join(' ')}, expected only --out DIR`);
  const out = values['out'] as string;
  mkdirSync(out, { recursive: true });
  for (const [name, schema] of Object.entries(jsonSchemas())) {
    writeFileSync(join(out, name), schemaText(schema));
    io.stdout(`Wrote ${join(out, name)}\n`);
  }
  return 0;
}
