import mdx from '@astrojs/mdx';
import type { AstroConfig, AstroIntegration, AstroIntegrationLogger } from 'astro';
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkHandbook, countErrors, localToday } from '../check/index.ts';
import { formatPretty, useColour } from '../check/report.ts';
import { markdownConfig, mdxProcessor } from '../markdown/index.ts';
import { remarkRecordLinks, type RecordLinksOptions } from '../markdown/remark-record-links.ts';
import { unsafeSvgFiles } from '../markdown/svg.ts';
import { watchForDev } from './dev.ts';
import { OVERRIDABLE, parseOptions, type HandbookOptions, type ParsedOptions } from './options.ts';
import { indexSite } from './pagefind.ts';
import { ROUTES } from './routes.ts';
import { securityConfig, writeHeaders } from './security.ts';

export type { HandbookOptions } from './options.ts';

/** What pages read through `virtual:handbook/config`. */
export interface HandbookConfig {
  title: string;
  description: string | undefined;
  repository: string | undefined;
  branch: string;
  /** The handbook folder, absolute. */
  content: string;
  today: string;
  /** Whether drafts are shown: in dev, so writers can preview them; never in a build. */
  drafts: boolean;
  logo: string | undefined;
  favicon: string | undefined;
}

const VIRTUAL = {
  config: 'virtual:handbook/config',
  styles: 'virtual:handbook/styles',
  assets: 'virtual:handbook/assets',
  accent: 'virtual:handbook/accent.css',
  components: 'virtual:handbook/components/',
} as const;

/** Set by `handbook build` in its own process: the gate throws ContentErrors instead of exiting. */
export const GATE_THROWS = 'HANDBOOK_GATE_THROWS';

/** The build gate refused the content; its problems are already printed. */
export class ContentErrors extends Error {
  override name = 'ContentErrors';
  constructor() {
    super('The handbook has content errors');
  }
}

/**
 * Ends the run with a message that is the whole story: no stack trace, since the problem is
 * in the writer's content or configuration, not in the code. `handbook build` catches the
 * error and exits on its own terms; a bare `astro build` or `astro dev` has no such caller.
 */
function stop(logger: AstroIntegrationLogger, message: string): never {
  logger.error(message);
  if (process.env[GATE_THROWS] === '1') throw new ContentErrors();
  process.exit(1);
}

/** A file named in the options, resolved against the project root; refused when it does not exist. */
function projectFile(logger: AstroIntegrationLogger, root: string, option: string, value: string): string {
  const path = isAbsolute(value) ? value : resolve(root, value);
  if (!existsSync(path)) stop(logger, `Unexpected option \`${option}\`: \`${value}\` does not exist, expected a file in the project (paths are relative to ${root}).`);
  return path;
}

/**
 * The handbook's Astro integration: adds every page of a handbook, the Markdown pipeline
 * that renders (and polices) records, the Content-Security-Policy, the search index, and
 * the build gate that refuses content `handbook check` rejects before anything is written.
 */
export default function handbook(input: HandbookOptions): AstroIntegration {
  const parsed = parseOptions(input);
  // Placeholder options keep the hooks typed; the first hook refuses to go on with them.
  const placeholder = parseOptions({ title: 'handbook' });
  const options = (parsed.ok ? parsed.options : placeholder.ok ? placeholder.options : undefined) as ParsedOptions;
  let content = '';
  return {
    name: 'handbook',
    hooks: {
      'astro:config:setup': ({ config: astroConfig, command, updateConfig, injectRoute, logger }) => {
        if (!parsed.ok) {
          stop(logger, `Invalid handbook() options in astro.config.mjs:\n${parsed.messages.map((m) => `  - ${m}`).join('\n')}\nSee "Configuration" in the handbook README for every option.`);
        }
        const root = fileURLToPath(astroConfig.root);
        content = resolve(root, options.content);
        const config: HandbookConfig = {
          title: options.title,
          description: options.description,
          repository: options.repository,
          branch: options.branch,
          content,
          today: options.today ?? localToday(),
          drafts: command === 'dev',
          logo: options.logo && projectFile(logger, root, 'logo', options.logo),
          favicon: options.favicon && projectFile(logger, root, 'favicon', options.favicon),
        };
        if (command === 'build') {
          const { problems, records } = checkHandbook(content, { today: config.today, imageHosts: options.imageHosts });
          if (countErrors(problems).errors > 0) {
            process.stderr.write(formatPretty(problems, records, { colour: useColour(process.stderr) }));
            stop(logger, 'The handbook has content errors; nothing was built. Fix them (see above) and build again.');
          }
        }
        for (const [pattern, file] of ROUTES) injectRoute({ pattern, entrypoint: new URL(`../routes/${file}`, import.meta.url) });
        if (command === 'dev') injectRoute({ pattern: '/_handbook/problems', entrypoint: new URL('../routes/_handbook/problems.astro', import.meta.url) });

        const components = Object.fromEntries(
          OVERRIDABLE.map((name) => {
            const own = options.components[name];
            return [name, own ? projectFile(logger, root, `components.${name}`, own) : fileURLToPath(new URL(`../components/${name}.astro`, import.meta.url))];
          }),
        );
        const customCss = options.customCss.map((file, i) => projectFile(logger, root, `customCss.${i}`, file));
        // light-dark() follows the theme the reader chose with the toggle, not only the system's.
        const accent = options.accent ? `:root{--link:light-dark(${options.accent.light},${options.accent.dark});--accent:var(--link)}\n` : '';

        const links: [typeof remarkRecordLinks, RecordLinksOptions] = [remarkRecordLinks, { content, base: astroConfig.base.endsWith('/') ? astroConfig.base : `${astroConfig.base}/`, drafts: config.drafts }];
        updateConfig({
          trailingSlash: 'always',
          // Pages render while others are written: a quarter less time on a handbook's
          // thousands of pages. A team that sets another concurrency keeps it.
          ...(astroConfig.build.concurrency === 1 ? { build: { concurrency: 4 } } : {}),
          markdown: markdownConfig([links]) as AstroConfig['markdown'],
          integrations: [mdx({ processor: mdxProcessor([links]) })],
          security: securityConfig(options.imageHosts),
          vite: {
            plugins: [
              {
                name: 'handbook-virtual-modules',
                resolveId: (id: string) => {
                  if (id.startsWith(VIRTUAL.components)) return components[id.slice(VIRTUAL.components.length)];
                  if (id === VIRTUAL.config || id === VIRTUAL.styles || id === VIRTUAL.accent || id === VIRTUAL.assets) return `\0${id}`;
                  return undefined;
                },
                load: (id: string) => {
                  if (id === `\0${VIRTUAL.config}`) return `export default ${JSON.stringify(config)};`;
                  if (id === `\0${VIRTUAL.styles}`) return [...customCss.map((file) => `import ${JSON.stringify(file)};`), `import '${VIRTUAL.accent}';`].join('\n');
                  if (id === `\0${VIRTUAL.accent}`) return accent;
                  if (id === `\0${VIRTUAL.assets}`) {
                    const favicon = config.favicon ?? fileURLToPath(new URL('../assets/favicon.svg', import.meta.url));
                    return [
                      `import favicon from ${JSON.stringify(`${favicon}?url`)};`,
                      config.logo ? `import logo from ${JSON.stringify(`${config.logo}?url`)};` : 'const logo = undefined;',
                      'export { favicon, logo };',
                    ].join('\n');
                  }
                  return undefined;
                },
              },
            ],
          },
        });
      },
      'astro:server:setup': ({ server, logger }) => {
        watchForDev(server, logger, content, { today: options.today, imageHosts: options.imageHosts });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        // The gate refuses a record that shows an unsafe SVG; this catches one that reached
        // the output another way (a component, a logo, a custom stylesheet's import).
        const unsafe = unsafeSvgFiles(out);
        if (unsafe.length > 0) {
          stop(logger, `An SVG in the built site could run script on the site's origin, so nothing was published:\n${unsafe.flatMap(({ file, problems }) => problems.map((p) => `  ${file}:${p.line}:${p.column} ${p.message}`)).join('\n')}`);
        }
        writeHeaders(out, options.imageHosts);
        const { pages } = await indexSite(out);
        logger.info(`Search index: ${pages} record pages`);
      },
    },
  };
}
