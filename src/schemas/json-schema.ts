import { z } from 'astro/zod';
import { kinds } from './index.ts';
import { peopleSchema, teamsSchema } from './people.ts';
import { settingsSchema } from './settings.ts';

const DRAFT = 'https://json-schema.org/draft/2020-12/schema';

function document(schema: z.ZodType, title: string, description: string): Record<string, unknown> {
  const generated = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
  const { $schema: _, ...rest } = generated;
  return { $schema: DRAFT, title, description, ...rest };
}

/**
 * JSON Schema for each record kind's frontmatter and for people.yaml, teams.yaml and handbook.yaml,
 * generated from the zod schemas, keyed by file name. They check shape only: the status
 * rules, references and dates are `handbook check`'s.
 */
export function jsonSchemas(): Record<string, Record<string, unknown>> {
  const files: Record<string, Record<string, unknown>> = {};
  for (const kind of kinds) {
    files[`${kind.singular}.json`] = document(kind.schema, `Handbook ${kind.singular}`, `Frontmatter of a record in ${kind.collection}/. Shape only; run \`handbook check\` for the rules that depend on status.`);
  }
  files['people.json'] = document(peopleSchema, 'Handbook people', 'people.yaml: everyone who can own, decide or hold an action.');
  files['teams.json'] = document(teamsSchema, 'Handbook teams', 'teams.yaml: the teams records and people belong to.');
  files['handbook.json'] = document(settingsSchema, 'Handbook settings', 'handbook.yaml: the policy thresholds and the severity of each rule `handbook check` applies.');
  return files;
}

/** A schema file's text, as committed. */
export const schemaText = (schema: Record<string, unknown>): string => `${JSON.stringify(schema, null, 2)}\n`;
