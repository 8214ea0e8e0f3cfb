/** Where the reader's choice of theme is remembered, by the head script and the toggle. */
export const THEME_KEY = 'handbook-theme';
