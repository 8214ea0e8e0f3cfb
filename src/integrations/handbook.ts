import type { AstroIntegration } from 'astro';
import { resolve } from 'node:path';
import { checkHandbook, countErrors, localToday } from '../check/index.ts';
import { formatPretty } from '../check/report.ts';
import { indexSite } from './pagefind.ts';

export interface HandbookOptions {
  /** Site title shown in the header and the page titles. */
  title: string;
  /** The repository the content lives in, for "Edit this record" links; omit to hide them. */
  repository?: string | undefined;
  /** The branch edit links point at. */
  branch?: string | undefined;
  /** The folder of records, people.yaml and teams.yaml, relative to the project. */
  content?: string | undefined;
  /** `YYYY-MM-DD` that overdue marks are judged against; defaults to the build date. */
  today?: string | undefined;
}

/** What pages read through `virtual:handbook/config`. */
export interface HandbookConfig {
  title: string;
  repository: string | undefined;
  branch: string;
  content: string;
  today: string;
}

const VIRTUAL = 'virtual:handbook/config';

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
 * The handbook's Astro integration: refuses to build content that `handbook check`
 * rejects (before anything is written to dist/), and hands the configuration to pages.
 */
export default function handbook(options: HandbookOptions): AstroIntegration {
  const config: HandbookConfig = {
    title: options.title,
    repository: options.repository,
    branch: options.branch ?? 'main',
    content: options.content ?? 'content',
    today: options.today ?? localToday(),
  };
  return {
    name: 'handbook',
    hooks: {
      'astro:config:setup': ({ config: astroConfig, command, updateConfig, logger }) => {
        const dir = resolve(new URL('.', astroConfig.root).pathname, config.content);
        if (command === 'build') {
          const { problems, records } = checkHandbook(dir, { today: config.today });
          if (countErrors(problems).errors > 0) {
            process.stderr.write(formatPretty(problems, records, { colour: process.stderr.isTTY === true }));
            logger.error('The handbook has content errors; nothing was built. Fix them (see above) and build again.');
            // `handbook build` catches this and exits on its own terms; a bare `astro build`
            // has no such caller, so it exits here rather than print a stack trace.
            if (process.env[GATE_THROWS] === '1') throw new ContentErrors();
            process.exit(1);
          }
        }
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'handbook-config',
                resolveId: (id: string) => (id === VIRTUAL ? `\0${VIRTUAL}` : undefined),
                load: (id: string) => (id === `\0${VIRTUAL}` ? `export default ${JSON.stringify({ ...config, content: dir })};` : undefined),
              },
            ],
          },
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const { pages } = await indexSite(dir.pathname);
        logger.info(`Search index: ${pages} record pages`);
      },
    },
  };
}
