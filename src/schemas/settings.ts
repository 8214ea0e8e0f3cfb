import { z } from 'astro/zod';

/**
 * Rules a team cannot turn down: what they catch would stop the site from reading a
 * record (files that cannot be read, YAML and MDX that do not parse, fields of the wrong
 * shape, images that are not there), publish something unsafe (raw HTML, script links,
 * scripted SVG), break addresses (file names, duplicate ids), or leave the policy itself
 * unread.
 */
const FIXED = [
  'file-empty',
  'file-encoding',
  'file-binary',
  'line-endings',
  'file-missing',
  'file-too-large',
  'file-folder',
  'file-special',
  'file-symlink',
  'file-unreadable',
  'kind-folder',
  'id-case',
  'frontmatter-missing',
  'frontmatter-unterminated',
  'frontmatter-shape',
  'yaml-syntax',
  'yaml-duplicate-key',
  'yaml-alias',
  'yaml-depth',
  'mdx-syntax',
  'markdown-depth',
  'raw-html',
  'unsafe-link',
  'image-missing',
  'image-svg',
  'unknown-field',
  'invalid-field',
  'file-name',
  'duplicate-id',
  'unknown-rule',
  'fixed-rule',
] as const;

/** Rules whose severity a team may set in handbook.yaml. */
const CHANGEABLE = [
  'required-field',
  'chosen-option',
  'section-missing',
  'section-empty',
  'section-level',
  'placeholder',
  'unknown-reference',
  'broken-link',
  'draft-link',
  'supersession',
  'date-order',
  'duplicate-number',
  'review-overdue',
  'outcome-overdue',
  'action-overdue',
  'results-mismatch',
  'one-way-door',
  'one-way-door-options',
  'one-way-door-review',
  'checkin-order',
  'checkin-value',
  'checkin-stale',
  'review-order',
  'review-next',
  'review-status',
  'review-reversed',
  'review-missed-outcome',
  'blame-language',
  'image-external',
] as const;

/**
 * Every rule id `handbook check` reports, so `handbook.yaml` can name any of them and a
 * misspelt one is caught. A test holds this list to the rules table in the README.
 */
export const RULE_IDS = [...FIXED, ...CHANGEABLE] as const;
export type RuleId = (typeof RULE_IDS)[number];

export const FIXED_RULES: ReadonlySet<string> = new Set<RuleId>(FIXED);

/** What a team can make of a rule: fail the check, only report it, or not check it at all. */
export const SEVERITY_SETTINGS = ['error', 'warning', 'off'] as const;
export type SeveritySetting = (typeof SEVERITY_SETTINGS)[number];

/** A count setting: zod's own `int()` and `min()` messages speak of characters and types, not of what a team meant. */
const whole = (min: number, what: string) => z.number().refine((n) => Number.isInteger(n) && n >= min, { message: `expected a whole number of ${what}, at least ${min}` });

/** The defaults, stated once: the schema, the README and `Policy: defaults` all come from here. */
export const DEFAULT_POLICY = {
  checkinEvery: 30,
  dueSoon: 30,
  oneWayDoor: { deciders: 2, consulted: 1, options: 2, reviewWithin: 12 },
} as const;

export const oneWayDoorSchema = z.strictObject({
  deciders: whole(1, 'people').default(DEFAULT_POLICY.oneWayDoor.deciders).describe('The fewest deciders an accepted one-way door may have (`one-way-door`).'),
  consulted: whole(0, 'people').default(DEFAULT_POLICY.oneWayDoor.consulted).describe('The fewest people consulted on an accepted one-way door (`one-way-door`).'),
  options: whole(2, 'options').default(DEFAULT_POLICY.oneWayDoor.options).describe('The fewest options an accepted one-way door weighs, each rejected one with a `reason` (`one-way-door-options`).'),
  reviewWithin: whole(1, 'months')
    .default(DEFAULT_POLICY.oneWayDoor.reviewWithin)
    .describe('At most this many months from `decided` (or the latest review) to `reviewBy` on an accepted one-way door (`one-way-door-review`).'),
});

export const policySchema = z.strictObject({
  checkinEvery: whole(1, 'days').default(DEFAULT_POLICY.checkinEvery).describe('Days a committed outcome may go without a check-in before `checkin-stale` warns.'),
  dueSoon: whole(0, 'days').default(DEFAULT_POLICY.dueSoon).describe('Days ahead that reviews and due dates count as coming due on /reviews/ and in `handbook loops`.'),
  oneWayDoor: oneWayDoorSchema.prefault({}).describe('What an accepted one-way door must show: hard-to-reverse calls get more people, options and an early review.'),
});

/** `handbook.yaml`, next to people.yaml: the team's thresholds and the severity of each rule. */
export const settingsSchema = z.strictObject({
  policy: policySchema.prefault({}).describe('Thresholds the rules judge by.'),
  rules: z.record(z.string(), z.enum(SEVERITY_SETTINGS)).default({}).describe("Rule id → `error`, `warning` or `off`, replacing the rule's own severity everywhere."),
});

export type Settings = z.output<typeof settingsSchema>;
export type Policy = Settings['policy'];

/** The settings of a handbook without a handbook.yaml. */
export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

/** Removes the value at `path` from a copy of `data`, so the rest of a broken file can still be read. */
function without(data: unknown, path: readonly PropertyKey[]): unknown {
  if (path.length === 0 || data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const [head, ...rest] = path;
  const copy = { ...(data as Record<PropertyKey, unknown>) };
  if (rest.length === 0) delete copy[head as PropertyKey];
  else copy[head as PropertyKey] = without(copy[head as PropertyKey], rest);
  return copy;
}

/**
 * The settings `data` holds, each value that fails validation replaced by its default:
 * `handbook check` reports the failures; everything else the team set still applies.
 */
export function parseSettings(data: unknown): Settings {
  let current = data ?? {};
  // Each pass removes what zod refused, so a pass or two reaches valid settings; the cap only guards the loop.
  for (let pass = 0; pass < 8; pass++) {
    const result = settingsSchema.safeParse(current);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      const paths = issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...issue.path, key]) : [issue.path];
      for (const path of paths) current = without(current, path) ?? {};
    }
  }
  return DEFAULT_SETTINGS;
}

/** The README's reference for handbook.yaml: every threshold with its default and meaning, from the schema. */
export function settingsTable(): string {
  const rows: string[] = ['| setting | default | meaning |', '|---|---|---|'];
  const describe = (schema: z.ZodType): string => (schema.description ?? '').replaceAll('|', '\\|');
  for (const [key, schema] of Object.entries(policySchema.shape)) {
    if (key === 'oneWayDoor') continue;
    rows.push(`| \`policy.${key}\` | ${String(DEFAULT_POLICY[key as 'checkinEvery' | 'dueSoon'])} | ${describe(schema)} |`);
  }
  for (const [key, schema] of Object.entries(oneWayDoorSchema.shape)) {
    rows.push(`| \`policy.oneWayDoor.${key}\` | ${String(DEFAULT_POLICY.oneWayDoor[key as keyof typeof DEFAULT_POLICY.oneWayDoor])} | ${describe(schema)} |`);
  }
  rows.push(`| \`rules.<rule-id>\` | the rule's own | ${describe(settingsSchema.shape.rules)} |`);
  return rows.join('\n');
}
