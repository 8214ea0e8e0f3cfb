import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { loadHandbook } from '../src/records/load.ts';
import { kinds } from '../src/schemas/index.ts';
import { jsonSchemas, schemaText } from '../src/schemas/json-schema.ts';
import { peopleSchema, teamsSchema } from '../src/schemas/people.ts';
import { parseYaml } from '../src/records/frontmatter.ts';

const ajv = new Ajv2020({ allErrors: true, strict: true });
(addFormats as unknown as (ajv: Ajv2020) => void)(ajv);
const schemas = jsonSchemas();
const validators = Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, ajv.compile(schema)]));

describe('JSON Schema of the content model', () => {
  it('matches the committed docs/schemas (run `npm run schema` after changing a schema)', () => {
    expect(readdirSync('docs/schemas').sort()).toEqual(Object.keys(schemas).sort());
    for (const [name, schema] of Object.entries(schemas)) expect(readFileSync(join('docs/schemas', name), 'utf8'), name).toBe(schemaText(schema));
  });

  it('describes every field', () => {
    for (const kind of kinds) {
      const properties = schemas[`${kind.singular}.json`]!['properties'] as Record<string, { description?: string }>;
      expect(Object.keys(properties).sort()).toEqual(Object.keys(kind.schema.shape).sort());
      for (const [field, property] of Object.entries(properties)) expect(property.description, `${kind.singular}.${field}`).toMatch(/\w/);
    }
  });

  it('accepts every record of the example handbook and its people and teams, as check does', () => {
    const handbook = loadHandbook('content');
    expect(handbook.records).toHaveLength(44);
    for (const record of handbook.records) {
      const validate = validators[`${record.kind.singular}.json`]!;
      expect(validate(record.data), `${record.ref}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
    for (const [file, schema] of [['people.yaml', peopleSchema], ['teams.yaml', teamsSchema]] as const) {
      const parsed = parseYaml(readFileSync(join('content', file), 'utf8'));
      expect(parsed.ok && schema.safeParse(parsed.data).success).toBe(true);
      expect(validators[file.replace('.yaml', '.json')]!(parsed.ok ? parsed.data : undefined), file).toBe(true);
    }
  });

  it('rejects what the zod schemas reject, and accepts what they accept', () => {
    const base = loadHandbook('content').byRef.get('decisions/0009-managed-kafka')!.data;
    const variants: Record<string, unknown>[] = [
      base,
      { ...base, reviewby: '2027-01-01' },
      { ...base, status: 'approved' },
      { ...base, decided: '2026-02-30' },
      { ...base, decided: '2026-3-4' },
      { ...base, owner: 'Tomasz' },
      { ...base, door: 'revolving' },
      { ...base, options: [{ name: 'Only one', chosen: 'yes' }] },
      { ...base, title: 'Short' },
      { ...base, related: ['decision/0001'] },
      { ...base, tags: ['Events'] },
      { ...base, summary: undefined },
      (({ owner: _, ...rest }) => rest)(base),
    ];
    const decision = kinds.find((k) => k.collection === 'decisions')!;
    const verdicts = variants.map((data) => {
      const clean = JSON.parse(JSON.stringify(data)) as unknown;
      return [decision.schema.safeParse(clean).success, validators['decision.json']!(clean)];
    });
    expect(verdicts.map(([zod]) => zod)).toEqual([true, false, false, false, false, false, false, false, false, false, false, true, false]);
    for (const [i, [zod, json]] of verdicts.entries()) expect(json, `variant ${i}`).toBe(zod);

    const postmortem = kinds.find((k) => k.collection === 'postmortems')!;
    const incident = loadHandbook('content').byRef.get('postmortems/2026-07-19-refund-api-errors')!.data;
    for (const started of ['2026-07-19T09:00:00Z', '2026-07-19T09:00:00+02:00', '2026-07-19T09:00:00', '2026-07-19']) {
      const data = { ...incident, started };
      expect(validators['postmortem.json']!(data), started).toBe(postmortem.schema.safeParse(data).success);
    }
  });
});
