import { THEME_KEY } from './theme-key.ts';

/**
 * The script every page carries: the light/dark toggle, and the keyboard shortcuts that
 * open search (`/`, and Ctrl-K or Cmd-K). Record pages carry nothing else.
 */
const root = document.documentElement;
const prefersDark = matchMedia('(prefers-color-scheme: dark)');
const theme = (): string => root.dataset['theme'] ?? (prefersDark.matches ? 'dark' : 'light');

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
  const show = (): void => button.setAttribute('aria-pressed', String(theme() === 'dark'));
  button.addEventListener('click', () => {
    const next = theme() === 'dark' ? 'light' : 'dark';
    root.dataset['theme'] = next;
    try {
      localStorage.setItem(THEME_KEY, next);
    } catch {
      // Storage can be switched off; the choice then lasts as long as the page.
    }
    show();
  });
  prefersDark.addEventListener('change', show);
  show();
}

function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

document.addEventListener('keydown', (event) => {
  const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !typing(event.target);
  const commandK = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
  if (!slash && !commandK) return;
  const input = document.querySelector<HTMLInputElement>('[data-search-input]');
  if (input === null) return;
  event.preventDefault();
  // On a phone the header keeps only a link to search; the search page shows the box.
  if (input.getClientRects().length > 0) {
    input.focus();
    input.select();
  } else if (input.form) {
    location.assign(input.form.action);
  }
});
