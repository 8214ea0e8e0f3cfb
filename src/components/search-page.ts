import { statusTone } from '../lib/labels.ts';

/**
 * The search page, on Pagefind's JavaScript API: the header's search box is the query, the
 * server-rendered facet form the filters, and both live in the URL (`?q=kafka&kind=decisions`),
 * so a search can be linked, reloaded and walked back. Records that still hold rank before
 * superseded, deprecated, rejected and dropped ones, each group in Pagefind's order.
 */

interface PagefindData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}

interface PagefindResult {
  id: string;
  data: () => Promise<PagefindData>;
}

type FilterCounts = Record<string, Record<string, number>>;
type Filters = Record<string, { any: string[] } | string>;

interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  filters: () => Promise<FilterCounts>;
  search: (term: string | null, options?: { filters?: Filters }) => Promise<{ results: PagefindResult[]; filters: FilterCounts } | null>;
}

const PAGE_SIZE = 20;
const TYPING_PAUSE_MS = 150;

const root = document.getElementById('search');
const input = document.querySelector<HTMLInputElement>('[data-search-input]');
const form = document.querySelector<HTMLFormElement>('#search-filters');
const facets = document.querySelector<HTMLDetailsElement>('#search-facets');
const summary = document.querySelector<HTMLElement>('[data-search-summary]');
const list = document.querySelector<HTMLOListElement>('[data-search-results]');
const more = document.querySelector<HTMLButtonElement>('[data-search-more]');
const activeCount = document.querySelector<HTMLElement>('[data-active-filters]');

const names = (): string[] => [...new Set([...(form?.querySelectorAll<HTMLInputElement>('input[type="checkbox"]') ?? [])].map((box) => box.name))];
const boxes = (name?: string): HTMLInputElement[] => [...(form?.querySelectorAll<HTMLInputElement>(`input[type="checkbox"]${name ? `[name="${name}"]` : ''}`) ?? [])];

/** The chosen values of each facet. */
function chosen(): Map<string, string[]> {
  return new Map(names().map((name) => [name, boxes(name).filter((b) => b.checked).map((b) => b.value)]));
}

function toFilters(selection: Map<string, string[]>, without?: string): Filters {
  const filters: Filters = {};
  for (const [name, values] of selection) if (name !== without && values.length > 0) filters[name] = { any: values };
  return filters;
}

/** Restores the query and the facets from the URL. */
function readUrl(): void {
  const params = new URLSearchParams(location.search);
  if (input) input.value = params.get('q') ?? '';
  for (const box of boxes()) box.checked = params.getAll(box.name).includes(box.value);
  for (const folded of form?.querySelectorAll<HTMLDetailsElement>('details.facet') ?? []) if (folded.querySelector('input:checked')) folded.open = true;
}

function writeUrl(): void {
  const params = new URLSearchParams();
  const query = input?.value.trim() ?? '';
  if (query) params.set('q', query);
  for (const [name, values] of chosen()) for (const value of values) params.append(name, value);
  const search = params.toString();
  history.replaceState(null, '', `${location.pathname}${search ? `?${search}` : ''}`);
}

/**
 * Shows each kind's own values only while that kind is chosen (or none is), and hides values
 * no result has: the status facet never lists a decision status for outcomes, or a "(0)".
 */
function showFacets(counts: FilterCounts, selection: Map<string, string[]>): void {
  const kinds = selection.get('kind') ?? [];
  for (const element of form?.querySelectorAll<HTMLElement>('[data-kind]') ?? []) {
    const belongs = kinds.length === 0 || kinds.includes(element.dataset['kind'] ?? '');
    element.hidden = !belongs;
    if (!belongs) for (const box of element.querySelectorAll<HTMLInputElement>('input:checked')) box.checked = false;
  }
  for (const label of form?.querySelectorAll<HTMLLabelElement>('.facet-option') ?? []) {
    const box = label.querySelector('input');
    if (!box) continue;
    const count = counts[box.name]?.[box.value] ?? 0;
    const number = label.querySelector('.facet-count');
    if (number) number.textContent = String(count);
    if (label.dataset['kind'] === undefined || !label.hidden) label.hidden = count === 0 && !box.checked;
  }
  for (const group of form?.querySelectorAll<HTMLElement>('.facet-kind') ?? []) {
    if (!group.hidden) group.hidden = [...group.querySelectorAll<HTMLElement>('.facet-option')].every((o) => o.hidden);
  }
  for (const facet of form?.querySelectorAll<HTMLElement>('[data-facet]') ?? []) {
    facet.hidden = [...facet.querySelectorAll<HTMLElement>('.facet-option')].every((o) => o.hidden || o.closest('[hidden]') !== null);
  }
  const active = [...selection.values()].reduce((n, values) => n + values.length, 0);
  if (activeCount) activeCount.textContent = active > 0 ? `(${active} chosen)` : '';
}

/** Pagefind's excerpt is HTML with `<mark>`: only the text and the marks are kept. */
function excerpt(html: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  for (const node of parsed.body.childNodes) {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      fragment.append(mark);
    } else {
      fragment.append(node.textContent ?? '');
    }
  }
  return fragment;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
}

function resultItem(data: PagefindData, setAside: boolean): HTMLLIElement {
  const { meta } = data;
  const status = meta['status'] ?? '';
  const badge = element('span', `badge ${statusTone(status)}`, status);
  const link = element('a', '', meta['title'] ?? data.url);
  link.href = data.url;
  const when = element('time', '', meta['when'] ?? '');
  when.dateTime = meta['date'] ?? '';
  return element(
    'li',
    `result${setAside ? ' set-aside' : ''}`,
    element('p', 'kicker', element('span', '', meta['kind'] ?? ''), badge),
    element('h3', '', link),
    element('p', 'excerpt', excerpt(data.excerpt)),
    element('p', 'result-meta', meta['owner'] ?? '', ' · ', when),
  );
}

/** "12 results for “kafka”." and how they are ordered, or that nothing matched. */
function describe(count: number, term: string | null, anySetAside: boolean): string {
  const what = term === null ? 'these filters' : `“${term}”`;
  if (count === 0) return `No record matches ${what}.`;
  const found = `${count} ${count === 1 ? 'record matches' : 'records match'} ${what}.`;
  return anySetAside ? `${found} Records that still hold come first; superseded, deprecated, rejected and dropped ones follow.` : found;
}

async function start(pagefind: Pagefind): Promise<void> {
  // Loads every filter's index, so each search reports the counts of every facet.
  await pagefind.filters();
  const setAside = pagefind.search(null, { filters: { standing: 'set-aside' } }).then((found) => new Set(found?.results.map((r) => r.id) ?? []));
  let generation = 0;
  let ordered: { result: PagefindResult; setAside: boolean }[] = [];
  let shown = 0;

  const showMore = async (): Promise<void> => {
    const mine = generation;
    const page = ordered.slice(shown, shown + PAGE_SIZE);
    const items = await Promise.all(page.map(async ({ result, setAside: aside }) => resultItem(await result.data(), aside)));
    if (mine !== generation) return;
    list?.append(...items);
    shown += page.length;
    if (more) more.hidden = shown >= ordered.length;
  };

  const run = async (): Promise<void> => {
    const mine = ++generation;
    writeUrl();
    const term = input?.value.trim() || null;
    const selection = chosen();
    const filtering = [...selection.values()].some((values) => values.length > 0);
    if (term === null && !filtering) {
      const all = await pagefind.search(null, { filters: {} });
      if (mine !== generation) return;
      showFacets(all?.filters ?? {}, selection);
      list?.replaceChildren();
      if (more) more.hidden = true;
      if (summary) summary.textContent = 'Type in the search box, or choose a filter.';
      return;
    }
    const found = await pagefind.search(term, { filters: toFilters(selection) });
    // Each facet counts what choosing one more of its values would add, so its own choice is left out.
    const counts: FilterCounts = { ...found?.filters };
    await Promise.all(
      [...selection]
        .filter(([, values]) => values.length > 0)
        .map(async ([name]) => {
          const others = await pagefind.search(term, { filters: toFilters(selection, name) });
          counts[name] = others?.filters[name] ?? {};
        }),
    );
    const aside = await setAside;
    if (mine !== generation) return;
    const results = found?.results ?? [];
    ordered = [...results.filter((r) => !aside.has(r.id)), ...results.filter((r) => aside.has(r.id))].map((result) => ({ result, setAside: aside.has(result.id) }));
    shown = 0;
    list?.replaceChildren();
    showFacets(counts, selection);
    if (summary) summary.textContent = describe(results.length, term, ordered.some((o) => o.setAside));
    await showMore();
  };

  let timer: number | undefined;
  input?.addEventListener('input', () => {
    clearTimeout(timer);
    timer = window.setTimeout(run, TYPING_PAUSE_MS);
  });
  input?.form?.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void run();
  });
  form?.addEventListener('change', () => void run());
  more?.addEventListener('click', () => void showMore());
  addEventListener('popstate', () => {
    readUrl();
    void run();
  });
  readUrl();
  await run();
}

if (root && input && form) {
  // Filters are open beside the results on wide screens and folded on phones, where they
  // would push the first result a screen down.
  if (facets) facets.open = matchMedia('(min-width: 48rem)').matches;
  input.focus();
  const bundle = root.dataset['bundle'] ?? '/pagefind/';
  import(/* @vite-ignore */ `${bundle}pagefind.js`)
    .then(async (pagefind: Pagefind) => {
      await pagefind.options({ baseUrl: root.dataset['base'] ?? '/', excerptLength: 24 });
      await start(pagefind);
    })
    .catch(() => {
      if (summary) summary.textContent = 'Search could not load. The registers list every record.';
    });
}
