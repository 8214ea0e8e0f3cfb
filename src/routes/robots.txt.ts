import type { APIRoute } from 'astro';
import { href } from '../lib/site.ts';
import { robotsTxt } from '../lib/sitemap-view.ts';

export const GET: APIRoute = (context) => new Response(robotsTxt(new URL(href('sitemap.xml'), context.site ?? 'http://localhost/')), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
