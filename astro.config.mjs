// @ts-check
import { defineConfig } from 'astro/config';
import handbook from 'handbook';

// The example handbook, configured exactly as a team's handbook is. The environment
// variables let CI, the tests and the benchmark build another tree or base path without
// editing this file.
export default defineConfig({
  site: process.env.HANDBOOK_SITE ?? 'https://tillwave.github.io',
  base: process.env.HANDBOOK_BASE ?? '/',
  // Writes .astro/collections/ so the Astro VS Code extension validates and completes
  // record frontmatter against the same schemas `handbook check` uses.
  experimental: { contentIntellisense: true },
  integrations: [
    handbook({
      title: 'Tillwave Engineering Handbook',
      description: 'Outcomes, decisions and postmortems of the Tillwave engineering team.',
      repository: 'https://github.com/tillwave/handbook',
      branch: 'main',
      content: process.env.HANDBOOK_CONTENT ?? 'content',
      today: process.env.HANDBOOK_TODAY || undefined,
    }),
  ],
});
