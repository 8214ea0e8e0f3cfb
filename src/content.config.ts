import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import config from 'virtual:handbook/config';
import { kindOf, restoreDates, type Collection } from './schemas/index.ts';
import { decisionSchema } from './schemas/decisions.ts';
import { outcomeSchema } from './schemas/outcomes.ts';
import { postmortemSchema } from './schemas/postmortems.ts';

// One collection per kind of record, validated by the same schemas `handbook check` uses.
// Files starting with `_` (templates, partials) are not records.
function records<Schema extends z.ZodObject>(collection: Collection, schema: Schema) {
  const { dateTimes } = kindOf(collection);
  return defineCollection({
    loader: glob({ pattern: '[^_]*.{md,mdx}', base: `${config.content}/${collection}` }),
    schema: z.preprocess((data) => restoreDates(data, dateTimes), schema),
  });
}

export const collections = {
  outcomes: records('outcomes', outcomeSchema),
  decisions: records('decisions', decisionSchema),
  postmortems: records('postmortems', postmortemSchema),
};
