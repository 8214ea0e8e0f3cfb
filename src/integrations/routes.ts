/**
 * Every page of a handbook, injected by the integration so a team's repository has no
 * pages of its own: `[pattern, file under src/routes/]`.
 */
export const ROUTES: readonly (readonly [string, string])[] = [
  ['/', 'index.astro'],
  ['/[kind]', '[kind]/index.astro'],
  ['/[kind]/[id]', '[kind]/[id].astro'],
  ['/[kind]/feed.xml', '[kind]/feed.xml.ts'],
  ['/people', 'people/index.astro'],
  ['/people/[id]', 'people/[id].astro'],
  ['/teams', 'teams/index.astro'],
  ['/teams/[id]', 'teams/[id].astro'],
  ['/reviews', 'reviews.astro'],
  ['/actions', 'actions.astro'],
  ['/timeline', 'timeline.astro'],
  ['/insights', 'insights.astro'],
  ['/search', 'search.astro'],
  ['/about', 'about.astro'],
  ['/404', '404.astro'],
  ['/feed.xml', 'feed.xml.ts'],
  ['/records.json', 'records.json.ts'],
  ['/llms.txt', 'llms.txt.ts'],
  ['/sitemap.xml', 'sitemap.xml.ts'],
  ['/robots.txt', 'robots.txt.ts'],
];
