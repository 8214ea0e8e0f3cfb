import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isSafeUrl } from '../markdown/policy.ts';
import { type SvgProblem, svgProblems } from '../markdown/svg.ts';
import type { Problem } from '../records/problem.ts';
import { problem, type RecordRule } from './context.ts';

/** SVG problems by file, kept while the file's size and modification time stay the same (dev and watch runs re-check often). */
const svgCache = new Map<string, { stamp: string; problems: SvgProblem[] }>();

function svgProblemsOf(path: string, stamp: string): SvgProblem[] {
  const cached = svgCache.get(path);
  if (cached?.stamp === stamp) return cached.problems;
  const problems = svgProblems(readFileSync(path, 'utf8'));
  svgCache.set(path, { stamp, problems });
  return problems;
}

/** The file a relative image address names, or `undefined` for a site path (`/…`) or an address with a scheme. */
function localPath(url: string, recordFile: string): string | undefined {
  if (url.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(url)) return undefined;
  const path = url.replace(/[?#].*$/s, '');
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // A lone `%` is a character of the file name, as the site's image pipeline reads it.
  }
  return resolve(dirname(recordFile), decoded);
}

/**
 * Images in a record are files of the handbook, checked like the record itself: a missing
 * file is an error at the image; an SVG that could run script (it is served from the site's
 * origin, and opening it runs what it holds) is an error naming its own line; an image from
 * another site is a warning, since the site's Content-Security-Policy only loads images from
 * the site itself (and the hosts the team allows in `imageHosts`).
 */
export const images: RecordRule = (record, context) => {
  const found: Problem[] = [];
  for (const link of record.body.links) {
    if (link.kind !== 'image' || !isSafeUrl(link.url)) continue;
    if (/^(?:https?:)?\/\//i.test(link.url)) {
      const host = hostOf(link.url);
      if (host !== undefined && !(context.imageHosts ?? []).includes(host)) {
        found.push(
          problem(
            record,
            link.position,
            'image-external',
            `Unexpected image from \`${host}\`, expected a file next to the record or under content/assets/: the site's Content-Security-Policy blocks images from other sites (list the host in \`imageHosts\` to allow it)`,
            'warning',
          ),
        );
      }
      continue;
    }
    const path = localPath(link.url, record.file);
    if (path === undefined) continue;
    const stat = fileStat(path);
    if (stat === undefined) {
      found.push(problem(record, link.position, 'image-missing', `Unexpected image \`${link.url}\` that does not exist, expected a file next to the record or under content/assets/`));
      continue;
    }
    if (!path.toLowerCase().endsWith('.svg')) continue;
    for (const svg of svgProblemsOf(path, `${stat.size}:${stat.mtimeMs}`)) {
      found.push(
        problem(
          record,
          link.position,
          'image-svg',
          `Unexpected ${svg.found} in \`${link.url}\` (line ${svg.line}, column ${svg.column}), expected an SVG without scripts, event handlers or external references`,
        ),
      );
    }
  }
  return found;
};

/** The file's size and modification time, or `undefined` when there is no file (or a folder) at the path. */
function fileStat(path: string): { size: number; mtimeMs: number } | undefined {
  try {
    const stat = statSync(path);
    return stat.isFile() ? stat : undefined;
  } catch {
    return undefined;
  }
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url, 'https://handbook.invalid').hostname.toLowerCase();
  } catch {
    return undefined;
  }
}
