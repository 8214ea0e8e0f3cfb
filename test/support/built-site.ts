import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The example handbook built once for the whole run, judged at 2026-11-24. */
    siteDir: string;
  }
}

// Vitest sets these for its own Vite; a child `astro build` must not inherit them
// (BASE_URL would override the configured base path, NODE_ENV=test the production build).
const VITEST_ENV = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID', 'TEST'];

/** The environment of a command run the way a user runs it, outside Vitest. */
export function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of VITEST_ENV) delete env[key];
  return { ...env, NO_COLOR: '1', ...extra };
}

/** Builds a handbook with `astro build` into a fresh folder and returns the folder. */
export function buildSite(env: Record<string, string> = {}): string {
  const outDir = join(mkdtempSync(join(tmpdir(), 'handbook-site-')), 'dist');
  const result = spawnSync('node_modules/.bin/astro', ['build', '--outDir', outDir], {
    encoding: 'utf8',
    env: userEnv({ HANDBOOK_TODAY: '2026-11-24', ...env }),
  });
  if (result.status !== 0) throw new Error(`astro build failed:\n${result.stdout}\n${result.stderr}`);
  return outDir;
}

/** The run's one build of the example handbook, kept on the process: every project that needs it runs this setup. */
const shared = globalThis as { handbookSiteDir?: string };

/**
 * Vitest global setup of the site and browser projects: one build of the example handbook for
 * both. A run of the unit project alone never builds.
 */
export default function setup(project: TestProject): () => void {
  const dir = (shared.handbookSiteDir ??= buildSite());
  project.provide('siteDir', dir);
  return () => {
    rmSync(join(dir, '..'), { recursive: true, force: true });
    delete shared.handbookSiteDir;
  };
}
