import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

const dir = inject('siteDir');

describe('what the site asks of browsers and hosts', () => {
  it('forbids frames and plugins in every page’s Content-Security-Policy', () => {
    const html = readFileSync(join(dir, 'decisions/0009-managed-kafka/index.html'), 'utf8');
    const policy = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(policy).toContain("frame-src 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("default-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
  });

  it('writes _headers: no sniffing, no framing, and files under /_astro/ sandboxed when opened on their own', () => {
    const headers = readFileSync(join(dir, '_headers'), 'utf8');
    expect(headers).toMatch(/^\/\*\n {2}X-Content-Type-Options: nosniff\n/);
    expect(headers).toContain("frame-ancestors 'none'");
    expect(headers).toMatch(/\/_astro\/\*\n {2}Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'; sandbox/);
  });
});
