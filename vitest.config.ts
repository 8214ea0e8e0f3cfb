import { configDefaults, defineConfig } from 'vitest/config';

// Tests that run Astro: on the example handbook built once by the global setup, or on a
// handbook of their own (a build, the dev server). They take minutes; the rest takes seconds.
export const SITE = [
  'test/site/**/*.test.ts',
  'test/build-*.test.ts',
  'test/import-build.test.ts',
  'test/bench.test.ts',
  'test/dev.test.ts',
  'test/dev-scale.test.ts',
  'test/dev-render.test.ts',
  'test/one-reader.test.ts',
  'test/differential.test.ts',
  'test/integration-options.test.ts',
  'test/package.test.ts',
];
export const BROWSER = ['test/browser/**/*.test.ts'];
const BUILT_SITE = 'test/support/built-site.ts';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...SITE, ...BROWSER],
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'site',
          include: SITE,
          globalSetup: [BUILT_SITE],
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: BROWSER,
          globalSetup: [BUILT_SITE, 'test/support/chromium.ts'],
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
