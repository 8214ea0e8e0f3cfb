import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateHandbook } from '../../bench/generate.ts';
import { YamlLocator, type PathSegment } from '../../src/records/frontmatter.ts';
import { loadHandbook } from '../../src/records/load.ts';

/** Every path into a parsed value, leaves and containers alike. */
function paths(value: unknown, prefix: PathSegment[] = []): PathSegment[][] {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((v, i) => paths(v, [...prefix, i]))];
  if (value !== null && typeof value === 'object') return [prefix, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...prefix, k]))];
  return [prefix];
}

describe('positions found without parsing', () => {
  const generated = join(mkdtempSync(join(tmpdir(), 'handbook-locate-')), 'content');
  generateHandbook(generated, 100, 7);

  for (const dir of ['content', 'test/fixtures/minimal', generated]) {
    it(`agree with the YAML parser on every field of ${dir === generated ? 'a generated handbook' : dir}`, () => {
      const { records } = loadHandbook(dir);
      let compared = 0;
      for (const record of records) {
        const text = record.locator.text;
        for (const path of paths(record.data).filter((p) => p.length > 0)) {
          for (const key of [false, true]) {
            const quick = new YamlLocator(text, 1).locate(path, { key });
            const parsed = new YamlLocator(text, 1).locate(path, { key, parsed: true });
            expect(quick, `${record.file} ${path.join('.')}${key ? ' (key)' : ''}`).toEqual(parsed);
            compared++;
          }
        }
        for (const missing of [['nope'], ['actions', 99, 'due'], ['options', 0, 'chosen']] as PathSegment[][]) {
          expect(new YamlLocator(text, 1).locate(missing), `${record.file} ${missing.join('.')}`).toEqual(new YamlLocator(text, 1).locate(missing, { parsed: true }));
        }
      }
      expect(compared).toBeGreaterThan(records.length * 10);
    });
  }
});
