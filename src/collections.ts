import { file } from 'astro/loaders';
import { defineCollection } from 'astro:content';
import { join } from 'node:path';
import config from 'virtual:handbook/config';
import { recordsLoader } from './loader.ts';
import { parseYaml } from './records/frontmatter.ts';
import { decisionSchema, outcomeSchema, personSchema, postmortemSchema, teamSchema } from './schemas/index.ts';

/**
 * One collection per kind of record, for a handbook's `src/content.config.ts`. The loader
 * reads records as `handbook check` does; the schemas give pages their types and editors
 * their hints, and are the ones check validates with.
 */
export const collections = {
  outcomes: defineCollection({ loader: recordsLoader('outcomes', config.content), schema: outcomeSchema }),
  decisions: defineCollection({ loader: recordsLoader('decisions', config.content), schema: decisionSchema }),
  postmortems: defineCollection({ loader: recordsLoader('postmortems', config.content), schema: postmortemSchema }),
  people: defineCollection({ loader: directory('people.yaml', personSchema), schema: personSchema }),
  teams: defineCollection({ loader: directory('teams.yaml', teamSchema), schema: teamSchema }),
};

/**
 * people.yaml or teams.yaml, parsed by the handbook's YAML reader; a broken file or entry gives
 * nothing here (check reports it at its line), so the dev server keeps running.
 */
function directory(name: 'people.yaml' | 'teams.yaml', schema: typeof personSchema | typeof teamSchema) {
  return file(join(config.content, name), {
    parser: (text) => {
      const parsed = parseYaml(text);
      if (!parsed.ok || !Array.isArray(parsed.data)) return [];
      return parsed.data.filter((item): item is { id: string } => schema.safeParse(item).success);
    },
  });
}
