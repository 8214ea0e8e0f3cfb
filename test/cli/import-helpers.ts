import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { toString } from 'mdast-util-to-string';
import { parse } from 'yaml';
import { DECISION_HEADINGS } from '../../src/import/decisions.ts';
import { planImport, writeImport, type Format, type ImportPlan } from '../../src/import/plan.ts';
import { sourceMarkdown } from '../../src/import/markdown.ts';
import { POSTMORTEM_HEADINGS } from '../../src/import/postmortems.ts';

export const TODAY = '2026-11-24';
export const CORPORA_DIR = 'test/fixtures/import/corpora';

/** A corpus to import: a folder and the format it is read as. */
export interface Corpus {
  name: string;
  format: Format;
  /** The folder, relative to the corpus copy, that is passed as SOURCE_DIR. */
  source: string;
  dir: string;
}

/** The committed corpora, written in the layouts of public ADR and postmortem collections. */
export const CORPORA: Corpus[] = [
  { name: 'adr-tools', format: 'adr-tools', source: '.', dir: join(CORPORA_DIR, 'adr-tools') },
  { name: 'madr', format: 'madr', source: '.', dir: join(CORPORA_DIR, 'madr') },
  { name: 'log4brains', format: 'log4brains', source: '.', dir: join(CORPORA_DIR, 'log4brains') },
  { name: 'sre-book', format: 'sre-postmortem', source: '.', dir: join(CORPORA_DIR, 'sre-book') },
  { name: 'sre-incident-reports', format: 'sre-postmortem', source: '.', dir: join(CORPORA_DIR, 'sre-incident-reports') },
];

/**
 * Corpora kept outside the repository, for a run against collections as their teams wrote
 * them: `HANDBOOK_IMPORT_CORPORA` names a folder with one `<format>--<name>` folder per corpus
 * (a git clone, or a copy of its records folder).
 */
export function externalCorpora(): Corpus[] {
  const root = process.env['HANDBOOK_IMPORT_CORPORA'];
  if (root === undefined || !existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name.includes('--'))
    .map((entry) => {
      const [format, name] = entry.name.split('--') as [Format, string];
      const hint = join(root, entry.name, '.import-source');
      const source = existsSync(hint) ? readFileSync(hint, 'utf8').trim() : '.';
      return { name, format, source, dir: join(root, entry.name) };
    });
}

/** A fresh temporary folder. */
export const temporary = (prefix = 'handbook-import-'): string => mkdtempSync(join(tmpdir(), prefix));

/** A temporary copy of the minimal handbook (decision 0001, people ana and ben, team core). */
export function handbookCopy(): string {
  const dir = join(temporary(), 'content');
  cpSync('test/fixtures/minimal', dir, { recursive: true });
  return dir;
}

/** A corpus copied out of this repository, so git knows nothing of it (dates come from the files alone). */
export function corpusCopy(corpus: Corpus): string {
  if (process.env['HANDBOOK_IMPORT_CORPORA'] !== undefined && corpus.dir.startsWith(process.env['HANDBOOK_IMPORT_CORPORA'])) return join(corpus.dir, corpus.source);
  const dir = join(temporary(), corpus.name);
  cpSync(corpus.dir, dir, { recursive: true });
  return join(dir, corpus.source);
}

/** Imports a corpus into a handbook folder, in process. */
export function importCorpus(corpus: Corpus, into: string, owner = 'ana', source = corpusCopy(corpus)): { plan: ImportPlan; source: string } {
  const plan = planImport({ format: corpus.format, source, into, owner, today: TODAY });
  writeImport(plan, into);
  return { plan, source };
}

/** A record file's frontmatter and body. */
export function readRecord(dir: string, path: string): { data: Record<string, unknown>; body: string; text: string } {
  const text = readFileSync(join(dir, path), 'utf8');
  const [, yaml, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text)!;
  return { data: parse(yaml!) as Record<string, unknown>, body: body!, text };
}

/** Every file under a folder, relative to it with `/` separators, symlinks included and not followed. */
export function filesUnder(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && !entry.isSymbolicLink()) walk(path);
      else found.push(relative(root, path).split(sep).join('/'));
    }
  };
  walk(root);
  return found.sort();
}

/** Headings the model renames (`Context and Problem Statement` → `## Context`): their words are the one thing an import may drop. */
const RENAMED = new Set([...Object.keys(DECISION_HEADINGS), ...Object.keys(POSTMORTEM_HEADINGS)]);

const token = (word: string): string => (/^\d+$/.test(word) ? String(Number(word)) : word.toLowerCase());
const tokens = (text: string): string[] => (text.match(/[\p{L}\p{N}]+/gu) ?? []).map(token);

function yamlValues(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(yamlValues);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(yamlValues);
  return value === null || value === undefined ? [] : [String(value)];
}

/**
 * The words a Markdown file says, as a reader sees them: its text (link text and image
 * descriptions, not addresses), its frontmatter values, numbers without leading zeros. With
 * `dropRenamed`, the names of headings the model renames are left out.
 */
export function wordsOf(text: string, dropRenamed = false): Set<string> {
  const tree = sourceMarkdown.parse(text.replace(/^\uFEFF/, ''));
  const words: string[] = [];
  for (const node of tree.children) {
    if (node.type === 'yaml') {
      words.push(...yamlValues(parse(node.value)).flatMap(tokens));
      continue;
    }
    if (dropRenamed && node.type === 'heading' && RENAMED.has(toString(node).toLowerCase().replace(/\s+/g, ' ').replace(/[:?]$/, '').trim())) continue;
    words.push(...tokens(toString(node)));
  }
  return new Set(words);
}

/** The source's words none of the outputs has. */
export function lostWords(source: string, ...outputs: string[]): string[] {
  const kept = new Set(outputs.flatMap((output) => [...wordsOf(output)]));
  return [...wordsOf(source, true)].filter((word) => !kept.has(word));
}
