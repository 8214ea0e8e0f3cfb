import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { isMap, parseDocument, type Document } from 'yaml';
import { analyseBody } from '../records/body.ts';
import { parseFrontmatter } from '../records/frontmatter.ts';
import { loadHandbook, type Handbook, type RecordFile } from '../records/load.ts';
import type { Problem } from '../records/problem.ts';
import { runRules } from '../rules/index.ts';
import { enforcePolicy, readPolicy, type PolicyFile } from '../rules/policy.ts';
import { LifecycleError } from './error.ts';
import { replaceFiles } from './write.ts';

/**
 * How the edited YAML is written back: no folding of long values onto several lines, and
 * flow lists as the example handbook writes them (`[ana, ben]`). With these options every
 * record of the example handbook is written back byte for byte (a test holds this).
 */
const OUTPUT = { lineWidth: 0, flowCollectionPadding: false } as const;

const FENCE = /^---[ \t]*$/;

/**
 * Applies `edit` to the frontmatter of a record's text through the `yaml` package's
 * Document API, so comments, quoting, flow lists and blank lines the writer chose stay as
 * they were; the body, a byte order mark and CRLF line endings are kept too.
 */
export function editFrontmatter(text: string, edit: (doc: Document) => void): string {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const crlf = text.includes('\r\n');
  const lines = text.slice(bom.length).replaceAll('\r\n', '\n').split('\n');
  const close = lines.findIndex((line, i) => i > 0 && FENCE.test(line));
  if (!FENCE.test(lines[0] ?? '') || close === -1) throw new LifecycleError('Unexpected record without a frontmatter block, expected one opened and closed by `---` (run `handbook check`)');
  const doc = parseDocument(lines.slice(1, close).join('\n'), { version: '1.2' });
  if (doc.errors.length > 0 || !isMap(doc.contents)) throw new LifecycleError('Unexpected frontmatter that does not parse as a map of fields, expected a record `handbook check` accepts');
  edit(doc);
  const yaml = doc.toString(OUTPUT).replace(/\n$/, '');
  const edited = [lines[0], yaml, ...lines.slice(close)].join('\n');
  return bom + (crlf ? edited.replaceAll('\n', '\r\n') : edited);
}

/**
 * Sets a top-level field, adding it where the kind's schema lists it (after the fields
 * that come before it), so a new `decided` or `checkins` lands where a writer would look.
 */
export function setField(doc: Document, key: string, value: unknown, order: readonly string[]): void {
  const map = doc.contents;
  if (!isMap(map)) return;
  if (map.has(key)) {
    map.set(key, doc.createNode(value));
    return;
  }
  const rank = order.indexOf(key);
  const later = map.items.findIndex((pair) => order.indexOf(String((pair.key as { value?: unknown } | null)?.value ?? pair.key)) > rank);
  const pair = doc.createPair(key, value);
  if (later === -1) map.items.push(pair);
  else map.items.splice(later, 0, pair);
}

/** A record as it will be once `text` is written: read again by the reader check uses. */
function reread(record: RecordFile, text: string): RecordFile {
  const frontmatter = parseFrontmatter(text);
  if (!frontmatter.ok) throw new LifecycleError(`Unexpected ${frontmatter.problems[0]?.message ?? 'frontmatter'} after the edit, expected a record check can read`);
  const body = analyseBody(text, { isMdx: extname(record.file) === '.mdx', bodyLine: frontmatter.bodyLine, bodyOffset: frontmatter.bodyOffset });
  if (!body.ok) throw new LifecycleError(`Unexpected ${body.message} after the edit, expected a record check can read`);
  return { ...record, data: frontmatter.data as Record<string, unknown>, locator: frontmatter.locator, body: body.body };
}

/** One record to change: the file as read and how its frontmatter changes. */
export interface RecordChange {
  record: RecordFile;
  edit: (doc: Document) => void;
}

/** What a lifecycle command did. */
export interface ChangeResult {
  /** The files written, as check names them. */
  files: string[];
  /** The problems check still finds in them (errors first need fixing; warnings are advice). */
  remaining: Problem[];
}

/** A refusal that lists the check problems the change would have brought. */
export class IncompleteChange extends LifecycleError {
  override name = 'IncompleteChange';
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[]) {
    super(`Unexpected result that check would reject with ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}, expected a record complete for its status; nothing was written:`);
    this.problems = problems;
  }
}

/** A problem as a comparable key: where it is may move when lines are added, what it says does not. */
const key = (p: Problem): string => `${p.file}\0${p.rule}\0${p.message}`;

/** The handbook folder's records, people and policy, read once for a command. */
export interface Workspace {
  dir: string;
  handbook: Handbook;
  policy: PolicyFile;
}

export function openWorkspace(dir: string): Workspace {
  return { dir, handbook: loadHandbook(dir), policy: readPolicy(dir) };
}

function problemsOf(workspace: Workspace, handbook: Handbook, files: ReadonlySet<string>, today: string): Problem[] {
  return enforcePolicy(workspace.policy, runRules(handbook, today, { settings: workspace.policy.settings, only: files })).filter((p) => files.has(p.file));
}

/**
 * Applies changes to records, then runs every check rule on the handbook as it would be.
 * When the change would bring an error check did not report before, nothing is written
 * and IncompleteChange lists what is missing. Otherwise every file is written whole (or,
 * if writing fails, none is), and the problems check still reports in them are returned.
 */
export function applyChanges(workspace: Workspace, changes: readonly RecordChange[], today: string): ChangeResult {
  const texts = new Map(changes.map(({ record }) => [record.file, readFileSync(record.file, 'utf8')]));
  const edited = new Map<string, string>();
  for (const { record, edit } of changes) edited.set(record.file, editFrontmatter(edited.get(record.file) ?? texts.get(record.file)!, edit));
  const replaced = new Map(workspace.handbook.records.map((r) => [r, edited.has(r.file) ? reread(r, edited.get(r.file)!) : r]));
  const records = [...replaced.values()];
  const byRef = new Map<string, RecordFile>();
  for (const record of records) if (!byRef.has(record.ref)) byRef.set(record.ref, record);
  const after: Handbook = { ...workspace.handbook, records, byRef };
  const files = new Set(edited.keys());
  const before = new Set(problemsOf(workspace, workspace.handbook, files, today).map(key));
  const remaining = problemsOf(workspace, after, files, today);
  const introduced = remaining.filter((p) => p.severity === 'error' && !before.has(key(p)));
  if (introduced.length > 0) throw new IncompleteChange(introduced);
  replaceFiles([...edited].map(([path, text]) => ({ path, text, original: texts.get(path)! })));
  return { files: [...files], remaining };
}
