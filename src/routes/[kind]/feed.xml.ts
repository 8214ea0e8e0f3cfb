import type { APIRoute, GetStaticPaths } from 'astro';
import { recordFeed } from '../../lib/feed.ts';
import { KIND_LABELS } from '../../lib/labels.ts';
import { site } from '../../lib/site.ts';
import { COLLECTIONS, type Collection } from '../../schemas/index.ts';

export const getStaticPaths = (() => COLLECTIONS.map((kind) => ({ params: { kind } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async (context) => {
  const kind = context.params.kind as Collection;
  return recordFeed((await site()).byCollection[kind], context.site, KIND_LABELS[kind]?.many ?? kind);
};
