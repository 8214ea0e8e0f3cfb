import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Astro projects the benchmark builds. Each lives in its own folder inside this
 * repository (so it resolves Astro, Pagefind and the handbook from its node_modules) and
 * keeps its caches there, so a cold build never touches the caches of the repository's
 * own site.
 */

/**
 * A team's handbook over `content`: the example's astro.config.mjs and
 * src/content.config.ts, copied unchanged (they are what a team's repository holds), with
 * the content folder given by HANDBOOK_CONTENT.
 */
export function writeHandbookProject(projectDir: string): void {
  mkdirSync(join(projectDir, 'src'), { recursive: true });
  copyFileSync('astro.config.mjs', join(projectDir, 'astro.config.mjs'));
  copyFileSync('src/content.config.ts', join(projectDir, 'src/content.config.ts'));
}

/** How a floor site renders Markdown: the handbook's remark/rehype processor, or Astro's default. */
export type FloorRenderer = 'unified' | 'satteri';

/**
 * The floor of the build: a bare Astro site with one content collection (Astro's glob
 * loader over the same tree) and one page template that renders each published record's
 * body with `render()`, then Pagefind over the output through its Node API, in the same
 * process, as the handbook indexes its site. `unified` renders with the processor and
 * highlighter the handbook uses (remark/rehype, Prism), so it is the floor the handbook is
 * held to; `satteri` is Astro's default pipeline, shown for context.
 */
export function writeFloorProject(projectDir: string, content: string, renderer: FloorRenderer): void {
  mkdirSync(join(projectDir, 'src/pages'), { recursive: true });
  const markdown = renderer === 'unified' ? `\n  markdown: { processor: unified(), syntaxHighlight: 'prism' },` : '';
  writeFileSync(
    join(projectDir, 'astro.config.mjs'),
    `${renderer === 'unified' ? "import { unified } from '@astrojs/markdown-remark';\n" : ''}import { defineConfig } from 'astro/config';
import { close, createIndex } from 'pagefind';

const pagefind = {
  name: 'floor-pagefind',
  hooks: {
    'astro:build:done': async ({ dir }) => {
      const { index } = await createIndex({});
      await index.addDirectory({ path: dir.pathname });
      await index.writeFiles({ outputPath: new URL('pagefind/', dir).pathname });
      await close();
    },
  },
};

export default defineConfig({${markdown}
  integrations: [pagefind],
});
`,
  );
  writeFileSync(
    join(projectDir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

export const collections = {
  records: defineCollection({ loader: glob({ base: ${JSON.stringify(content)}, pattern: '{outcomes,decisions,postmortems}/[^_]*.{md,mdx}' }) }),
};
`,
  );
  writeFileSync(
    join(projectDir, 'src/pages/[...id].astro'),
    `---
import { getCollection, render } from 'astro:content';

export async function getStaticPaths() {
  const records = await getCollection('records', (entry) => entry.data.status !== 'draft');
  return records.map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}

const { entry } = Astro.props;
const { Content } = await render(entry);
---
<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>{entry.data.title}</title></head>
  <body><main><h1>{entry.data.title}</h1><Content /></main></body>
</html>
`,
  );
}

/** Removes a project's build output and every cache Astro and Vite keep, so the next build is cold. */
export function clearBuild(projectDir: string): void {
  for (const path of ['dist', '.astro', 'node_modules/.astro', 'node_modules/.vite']) rmSync(join(projectDir, path), { recursive: true, force: true });
}

/**
 * The CLI as a team's project runs it: `bin/` and the `lib/` that `prepare` compiles, in a
 * `node_modules/handbook` folder under `work`, so bin/handbook.js takes the compiled lib/
 * instead of stripping the types of src/ on every start. Its dependencies resolve from
 * this repository's node_modules. Returns the path of its bin/handbook.js.
 */
export function installCli(work: string): string {
  execFileSync('npm', ['run', '-s', 'prepare'], { stdio: 'inherit' });
  const dir = join(work, 'installed/node_modules/handbook');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const folder of ['bin', 'lib']) cpSync(folder, join(dir, folder), { recursive: true });
  copyFileSync('package.json', join(dir, 'package.json'));
  return join(dir, 'bin/handbook.js');
}
