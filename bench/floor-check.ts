import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';

/**
 * The floor of `handbook check`: the least any checker of this handbook must do. It reads
 * every file of the tree and parses its YAML (a record's frontmatter, people.yaml,
 * teams.yaml) with the parser and schema check uses, and nothing else: no validation, no
 * rules, no report. `node bench/floor-check.ts DIR` prints what it read, so the benchmark
 * can tell that the floor did the whole job.
 */
export function readFloor(dir: string): { records: number; yamlFiles: number } {
  let records = 0;
  let yamlFiles = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const extension = extname(entry.name);
    const text = readFileSync(join(entry.parentPath, entry.name), 'utf8');
    if (extension === '.yaml') {
      load(text, { schema: CORE_SCHEMA });
      yamlFiles++;
    } else if (extension === '.md' || extension === '.mdx') {
      // Records open with a `---` line; the frontmatter ends at the next one.
      const end = text.indexOf('\n---', 3);
      load(text.slice(4, end), { schema: CORE_SCHEMA });
      records++;
    }
  }
  return { records, yamlFiles };
}

if (import.meta.main) {
  const dir = process.argv[2];
  if (dir === undefined) {
    process.stderr.write('Usage: node bench/floor-check.ts DIR\n');
    process.exit(2);
  }
  process.stdout.write(`${JSON.stringify(readFloor(dir))}\n`);
}
