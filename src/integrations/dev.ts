import type { AstroIntegrationLogger } from 'astro';
import { relative, sep } from 'node:path';
import type { ViteDevServer } from 'vite';
import { checkHandbook, countErrors } from '../check/index.ts';
import { formatPretty, summaryLine, useColour } from '../check/report.ts';
import { publishDevState } from '../lib/dev-state.ts';

/**
 * The writer's loop: `astro dev` checks the handbook when it starts and after every change
 * under the content folder, prints every problem with its file, line and column, and
 * hands them to the pages (each shows its own, every page the count) and reloads the
 * browser. A broken record never stops the server.
 */
export function watchForDev(server: ViteDevServer, logger: AstroIntegrationLogger, content: string, settings: { today: string | undefined; imageHosts: readonly string[] }): void {
  let generation = 0;
  let timer: NodeJS.Timeout | undefined;
  const run = (): void => {
    let result: ReturnType<typeof checkHandbook>;
    try {
      result = checkHandbook(content, settings);
    } catch (error) {
      logger.error(`Could not check the handbook: ${(error as Error).message}`);
      return;
    }
    generation += 1;
    publishDevState({ problems: result.problems, generation });
    const { errors, warnings } = countErrors(result.problems);
    if (errors + warnings === 0) logger.info(summaryLine(result.problems, result.records));
    else process.stderr.write(formatPretty(result.problems, result.records, { colour: useColour(process.stderr) }));
  };
  run();
  server.watcher.add(content);
  server.watcher.on('all', (_event, path) => {
    const inside = relative(content, path);
    if (inside.startsWith('..') || inside.split(sep).includes('node_modules')) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      run();
      server.ws.send({ type: 'full-reload' });
    }, 100);
  });
}
