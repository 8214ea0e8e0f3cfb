import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The parts of a V8 CPU profile (`node --cpu-prof`) this summary reads. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a share of the time went, with its self time. */
export interface Hotspot {
  where: string;
  ms: number;
  percent: number;
}

export interface ProfileSummary {
  totalMs: number;
  /** Self time by package (node_modules), by file of this repository, or by Node or V8 itself. */
  byModule: Hotspot[];
  /** Self time by function, named with its file and line. */
  byFunction: Hotspot[];
}

/**
 * Names a frame by what owns it: an npm package, a file of this repository, Node's
 * built-ins, or V8 itself (`(garbage collector)`, `(program)`, `(idle)`, native code).
 */
function owner({ url, functionName }: CpuProfile['nodes'][number]['callFrame'], root: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node: built-ins';
  if (url.startsWith('wasm:')) return 'WebAssembly';
  const path = url.startsWith('file:') ? fileURLToPath(url) : url;
  // Astro bundles the site's own code (src/lib, src/routes) into chunks it prerenders from.
  const chunk = /\/\.prerender\/(.*)$/.exec(path);
  if (chunk) return `the built site's code: ${chunk[1]}`;
  const inPackage = /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (inPackage) return inPackage[1]!;
  return path.startsWith(root) ? relative(root, path) : path;
}

/**
 * Sums the self time of every `.cpuprofile` in `dir` (the main thread and any workers of
 * one command) by owner and by function, largest first, `top` of each.
 */
export function summariseProfiles(dir: string, root: string, top = 12): ProfileSummary {
  const byModule = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(join(dir, name), 'utf8')) as CpuProfile;
    const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
    profile.samples.forEach((id, i) => {
      const frame = frames.get(id)!;
      const us = profile.timeDeltas[i] ?? 0;
      const where = owner(frame, root);
      const fn = frame.url === '' ? frame.functionName : `${frame.functionName || '(anonymous)'} ${where}:${frame.lineNumber + 1}`;
      byModule.set(where, (byModule.get(where) ?? 0) + us);
      byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
      total += us;
    });
  }
  const rank = (map: Map<string, number>): Hotspot[] =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([where, us]) => ({ where, ms: Math.round(us / 1000), percent: Math.round((us / Math.max(total, 1)) * 1000) / 10 }));
  return { totalMs: Math.round(total / 1000), byModule: rank(byModule), byFunction: rank(byFunction) };
}
