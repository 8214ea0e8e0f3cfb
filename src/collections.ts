import { defineCollection } from 'astro:content';
import config from 'virtual:handbook/config';
import { recordsLoader } from './loader.ts';
import { decisionSchema, outcomeSchema, postmortemSchema } from './schemas/index.ts';

/**
 * One collection per kind of record, for a handbook's `src/content.config.ts`. The loader
 * reads records as `handbook check` does; the schemas give pages their types and editors
 * their hints, and are the ones check validates with. people.yaml and teams.yaml are read
 * by the same reader as `handbook new` (src/lib/site.ts), not as collections.
 */
export const collections = {
  outcomes: defineCollection({ loader: recordsLoader('outcomes', config.content, { dev: config.drafts }), schema: outcomeSchema }),
  decisions: defineCollection({ loader: recordsLoader('decisions', config.content, { dev: config.drafts }), schema: decisionSchema }),
  postmortems: defineCollection({ loader: recordsLoader('postmortems', config.content, { dev: config.drafts }), schema: postmortemSchema }),
};
