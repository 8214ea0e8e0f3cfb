/**
 * Filters and sorts the rows of a table the server rendered in full, from a form of
 * selects, and keeps the choice in the URL so a filtered register can be linked and
 * reloaded. Without JavaScript the complete table is shown.
 *
 * The form names its table in `data-filters`; each select named like a row's `data-*`
 * attribute filters on it, and the select named `sort` holds `<key>-<asc|desc>` of the
 * rows' `data-sort-<key>` attributes. A row matches when every filter is empty or equal.
 */
function byKey(key: string, direction: number) {
  const attribute = `sort${key.charAt(0).toUpperCase()}${key.slice(1)}`;
  return (a: HTMLElement, b: HTMLElement): number => {
    const x = a.dataset[attribute] ?? '';
    const y = b.dataset[attribute] ?? '';
    // Rows without the value (no review date, no severity) go last whichever the direction.
    if (x === '' || y === '') return Number(x === '') - Number(y === '');
    const numeric = /^\d+$/.test(x) && /^\d+$/.test(y);
    return direction * (numeric ? Number(x) - Number(y) : x.localeCompare(y, 'en'));
  };
}

function connect(form: HTMLFormElement): void {
  const table = document.getElementById(form.dataset['filters'] ?? '');
  const body = table?.querySelector('tbody');
  if (!table || !body) return;
  const rows = [...body.querySelectorAll<HTMLTableRowElement>(':scope > tr')];
  const selects = [...form.querySelectorAll('select')];
  const count = form.querySelector<HTMLElement>('[data-filter-count]');
  const empty = document.querySelector<HTMLElement>(`[data-filter-empty="${table.id}"]`);
  const noun = form.dataset['noun'] ?? 'rows';

  const params = new URLSearchParams(location.search);
  for (const select of selects) {
    const wanted = params.get(select.name);
    if (wanted !== null && [...select.options].some((o) => o.value === wanted)) select.value = wanted;
  }

  const apply = (): void => {
    let shown = 0;
    for (const row of rows) {
      const match = selects.every((s) => s.name === 'sort' || s.value === '' || row.dataset[s.name] === s.value);
      row.hidden = !match;
      if (match) shown += 1;
    }
    const sort = selects.find((s) => s.name === 'sort');
    if (sort) {
      const [key = '', direction = 'asc'] = sort.value.split('-');
      body.append(...[...rows].sort(byKey(key, direction === 'desc' ? -1 : 1)));
    }
    if (count) count.textContent = shown === rows.length ? `${rows.length} ${noun}` : `${shown} of ${rows.length} ${noun}`;
    if (empty) empty.hidden = shown > 0;
  };

  form.addEventListener('change', () => {
    apply();
    const next = new URLSearchParams();
    for (const select of selects) {
      const initial = select.querySelector<HTMLOptionElement>('option[data-default]')?.value ?? '';
      if (select.value !== initial) next.set(select.name, select.value);
    }
    const query = next.toString();
    history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
  });
  form.addEventListener('submit', (event) => event.preventDefault());
  apply();
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-filters]')) connect(form);
