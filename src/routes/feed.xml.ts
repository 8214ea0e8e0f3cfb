import type { APIRoute } from 'astro';
import { recordFeed } from '../lib/feed.ts';
import { site } from '../lib/site.ts';

export const GET: APIRoute = async (context) => recordFeed((await site()).records, context.site, 'Records');
