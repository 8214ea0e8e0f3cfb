import type { AstroConfig } from 'astro';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Content-Security-Policy of every page: scripts only from this site or hashed by
 * Astro, WebAssembly for Pagefind's search, images from this site (and the hosts a team
 * allows), no frames, no plugins. Prism marks code with classes, so no inline styles.
 */
export function securityConfig(imageHosts: readonly string[]): Partial<AstroConfig['security']> {
  return {
    csp: {
      algorithm: 'SHA-256' as const,
      directives: [
        "default-src 'self'",
        `img-src ${["'self'", 'data:', ...imageHosts.map((host) => `https://${host}`)].join(' ')}`,
        "object-src 'none'",
        "frame-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  };
}

/**
 * A `_headers` file, read by Netlify and Cloudflare Pages, for what a `<meta>` policy
 * cannot do: cover non-HTML files (an SVG opened on its own), forbid framing the site, and
 * stop browsers from guessing content types. Other hosts should send the same headers;
 * the README lists them.
 */
export function writeHeaders(dir: string, imageHosts: readonly string[]): void {
  const images = ["'self'", 'data:', ...imageHosts.map((host) => `https://${host}`)].join(' ');
  const lines = [
    '/*',
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    `  Content-Security-Policy: frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'; img-src ${images}`,
    '/_astro/*',
    "  Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'; sandbox",
    '',
  ];
  writeFileSync(join(dir, '_headers'), lines.join('\n'));
}
