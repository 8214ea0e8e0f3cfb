import { z } from 'astro/zod';
import { isIsoDate } from '../schemas/common.ts';

const colour = z.string().regex(/^#[0-9a-fA-F]{3,8}$|^(?:rgb|hsl|oklch)a?\([^;{}]*\)$/, { message: 'expected a CSS colour such as `#3b5bdb` or `oklch(0.55 0.2 265)`' });
const localFile = z.string().min(1).refine((value) => !/^[a-z][a-z0-9+.-]*:/i.test(value), { message: 'expected a path to a file in the project, e.g. `./src/handbook.css`' });

/** The components of the handbook's pages that a team can replace with its own `.astro` file. */
export const OVERRIDABLE = ['Header', 'Footer', 'Logo'] as const;

/** The options of the `handbook()` integration in a team's astro.config.mjs. */
export const optionsSchema = z.strictObject({
  /** Site title shown in the header and the page titles. */
  title: z.string().min(1, { message: 'expected the site title' }).describe('Site title shown in the header and in page titles.'),
  /** One sentence about the handbook, for search engines and link previews. */
  description: z.string().optional().describe('One sentence about the handbook, for search engines and link previews.'),
  /** The repository the content lives in, for "Edit this record" links. */
  repository: z.url({ protocol: /^https?$/, message: 'expected the repository as an https URL, e.g. https://github.com/acme/handbook' }).optional().describe('The repository the records live in, for "Edit this record" and last-updated links; omit to hide them.'),
  /** The branch edit links point at. */
  branch: z.string().min(1, { message: 'expected a branch name such as `main`' }).default('main').describe('The branch edit links point at.'),
  /** The folder of records, people.yaml and teams.yaml, relative to the project. */
  content: z.string().min(1, { message: 'expected a folder such as `content`' }).default('content').describe('The folder of records, people.yaml and teams.yaml, relative to the project.'),
  /** `YYYY-MM-DD` that overdue marks are judged against; defaults to the day of the build. */
  today: z.string().refine(isIsoDate, { message: 'expected a calendar date written YYYY-MM-DD' }).optional().describe('The day overdue marks are judged against (YYYY-MM-DD); defaults to the day of the build.'),
  /** A logo shown before the title in the header. */
  logo: localFile.optional().describe('An image file shown before the title in the header.'),
  /** The site's icon; defaults to the handbook's own. */
  favicon: localFile.optional().describe("An icon file for browser tabs; defaults to the handbook's own."),
  /** Accent colours for links, buttons and focus rings, in the light and the dark theme. */
  accent: z.strictObject({ light: colour, dark: colour }).optional().describe('Accent colours for links, buttons and focus rings: `{ light, dark }`.'),
  /** CSS files loaded after the handbook's own styles. */
  customCss: z.array(localFile).default([]).describe("CSS files loaded after the handbook's own styles."),
  /** `.astro` files that replace the handbook's own components. */
  components: z.partialRecord(z.enum(OVERRIDABLE), localFile).default({}).describe(`\`.astro\` files that replace the handbook's own components: ${OVERRIDABLE.join(', ')}.`),
  /** Hosts records may show images from; the Content-Security-Policy allows them and check stops warning about them. */
  imageHosts: z.array(z.string().regex(/^[a-z0-9.-]+(?::\d+)?$/i, { message: 'expected a host name such as `images.example.com`' })).default([]).describe('Hosts records may show images from (the Content-Security-Policy allows them).'),
});

export type HandbookOptions = z.input<typeof optionsSchema>;
export type ParsedOptions = z.output<typeof optionsSchema>;

/** The options, or one sentence per problem, each naming the option. */
export function parseOptions(input: unknown): { ok: true; options: ParsedOptions } | { ok: false; messages: string[] } {
  const parsed = optionsSchema.safeParse(input ?? {});
  if (parsed.success) return { ok: true, options: parsed.data };
  return {
    ok: false,
    messages: parsed.error.issues.map((issue) => {
      const path = issue.path.map(String).join('.');
      if (issue.code === 'unrecognized_keys') return `Unexpected option ${issue.keys.map((k) => `\`${k}\``).join(', ')}, expected one of ${Object.keys(optionsSchema.shape).map((k) => `\`${k}\``).join(', ')}`;
      if (issue.code === 'invalid_type' && issue.input === undefined) return `Missing option \`${path}\`, ${issue.message.replace(/^Invalid input: /, '')}`;
      return `Unexpected value for option \`${path}\`: ${issue.message.replace(/^Invalid input: /, '')}`;
    }),
  };
}
