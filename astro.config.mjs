// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import handbook from './src/integrations/handbook.ts';

// The one place a team configures its handbook. The environment variables let CI and
// the benchmark build another tree or base path without editing this file.
export default defineConfig({
  site: process.env.HANDBOOK_SITE ?? 'https://tillwave.github.io',
  base: process.env.HANDBOOK_BASE ?? '/',
  trailingSlash: 'always',
  // Writes .astro/collections/ so the Astro VS Code extension validates and completes
  // record frontmatter against the same schemas `handbook check` uses.
  experimental: { contentIntellisense: true },
  // Every page carries a Content-Security-Policy: scripts only from this site or
  // hashed by Astro, WebAssembly for Pagefind's search, nothing inline beyond that.
  // Prism marks code with classes (styled in global.css); Shiki's inline styles would
  // need 'unsafe-inline' in the policy below.
  markdown: { syntaxHighlight: 'prism' },
  security: {
    csp: {
      directives: ["default-src 'self'", "img-src 'self' data:", "object-src 'none'", "base-uri 'self'", "form-action 'self'"],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  integrations: [
    mdx(),
    handbook({
      title: 'Tillwave Engineering Handbook',
      repository: 'https://github.com/tillwave/handbook',
      branch: 'main',
      content: process.env.HANDBOOK_CONTENT ?? 'content',
      today: process.env.HANDBOOK_TODAY,
    }),
  ],
});
