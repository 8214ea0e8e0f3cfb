import { createHash } from 'node:crypto';
import { THEME_KEY } from './theme-key.ts';

/**
 * Runs in `<head>` before the page is painted, so a reader who chose the light or the dark
 * theme never sees the other one flash first. It reads the stored choice and marks the page
 * as scripted (the `js` class shows the toggle); the toggle itself is bundled with the
 * page's other script.
 */
export const THEME_SCRIPT = `var d=document.documentElement;d.classList.add("js");try{var t=localStorage.getItem(${JSON.stringify(THEME_KEY)});if(t==="light"||t==="dark")d.dataset.theme=t}catch(e){}`;

/**
 * The Content-Security-Policy allows inline script only by hash; Astro hashes the scripts it
 * bundles, and the layout adds this one's for the inline script it writes.
 */
export const THEME_SCRIPT_HASH = `sha256-${createHash('sha256').update(THEME_SCRIPT).digest('base64')}` as const;
