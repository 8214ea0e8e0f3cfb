import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The Chromium binary the browser tests launch, found once for the whole run. */
    chromium: string;
  }
}

/** Debian's Chromium, used when it is installed. */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

const ENTRY = createRequire(import.meta.url).resolve('@sparticuz/chromium');
const PACKAGE_DIR = join(dirname(ENTRY), '..');

/** The version of the Chromium package, which names the Chromium release it ships (153.0.0 is Chromium 153). */
export const PACKAGED_VERSION = (JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')) as { version: string }).version;

/** Where the packaged Chromium is unpacked: one folder per package version, kept between runs. */
export const PACKAGED_DIR = join(tmpdir(), `handbook-chromium-${PACKAGED_VERSION}`);

/**
 * The Chromium the browser tests drive: CHROMIUM_PATH when set, else the system Chromium,
 * else the build that ships inside the `@sparticuz/chromium` devDependency. Browsers are never
 * downloaded. HANDBOOK_TEST_NO_SYSTEM_CHROMIUM=1 skips the system Chromium, so the fallback can
 * be tried on a machine that has one.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  if (env['CHROMIUM_PATH']) return env['CHROMIUM_PATH'];
  if (!env['HANDBOOK_TEST_NO_SYSTEM_CHROMIUM'] && existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
  return packagedChromium();
}

const runs = (binary: string): boolean => spawnSync(binary, ['--version'], { timeout: 30_000 }).status === 0;

/**
 * Unpacks the packaged Chromium on first use. The package unpacks into the temporary folder it
 * is given, and treats any file already there as finished; so it unpacks into a fresh folder that
 * is renamed into place whole, and a half-written binary from an interrupted run is never used.
 */
function packagedChromium(): string {
  const binary = join(PACKAGED_DIR, 'chromium');
  if (runs(binary)) return binary;
  const staging = mkdtempSync(join(tmpdir(), 'handbook-chromium-'));
  const unpack = spawnSync(process.execPath, ['--input-type=module', '--eval', `await (await import(${JSON.stringify(pathToFileURL(ENTRY).href)})).default.executablePath();`], {
    env: { ...process.env, TMPDIR: staging },
    encoding: 'utf8',
  });
  if (unpack.status !== 0) {
    rmSync(staging, { recursive: true, force: true });
    throw new Error(`Could not unpack the Chromium in @sparticuz/chromium:\n${unpack.stderr}`);
  }
  if (existsSync(PACKAGED_DIR) && runs(binary)) {
    // Another test run unpacked it meanwhile; its copy is as good as this one.
    rmSync(staging, { recursive: true, force: true });
    return binary;
  }
  rmSync(PACKAGED_DIR, { recursive: true, force: true });
  renameSync(staging, PACKAGED_DIR);
  if (!runs(binary)) throw new Error(`The Chromium unpacked to ${binary} does not start.`);
  return binary;
}

/** Vitest global setup of the browser project: finds (and if need be unpacks) Chromium once, before any test file runs. */
export default function setup(project: TestProject): void {
  project.provide('chromium', findChromium());
}
