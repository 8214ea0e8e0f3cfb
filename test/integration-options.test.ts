import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseOptions } from '../src/integrations/options.ts';
import { userEnv } from './support/built-site.ts';
import { MINIMAL } from './support/fixture.ts';

const CONFIG = 'test/fixtures/site-options/astro.config.mjs';

function build(options: Record<string, unknown> = {}): { status: number | null; output: string; out: string } {
  const out = join(mkdtempSync(join(tmpdir(), 'handbook-options-')), 'dist');
  const result = spawnSync('node_modules/.bin/astro', ['build', '--config', CONFIG, '--outDir', out], {
    encoding: 'utf8',
    env: userEnv({ HANDBOOK_CONTENT: MINIMAL, HANDBOOK_TEST_OPTIONS: JSON.stringify(options) }),
  });
  return { status: result.status, output: result.stdout + result.stderr, out };
}

describe('handbook() options', () => {
  it('name each unknown option and bad value in one sentence', () => {
    const parsed = parseOptions({ title: 'Acme', colour: 'red', accent: { light: 'purple', dark: '#000' }, today: '2026-02-30' });
    expect(parsed.ok ? [] : parsed.messages).toMatchInlineSnapshot(`
      [
        "Unexpected value for option \`today\`: expected a calendar date written YYYY-MM-DD",
        "Unexpected value for option \`accent.light\`: expected a CSS colour such as \`#3b5bdb\` or \`oklch(0.55 0.2 265)\`",
        "Unexpected option \`colour\`, expected one of \`title\`, \`description\`, \`repository\`, \`branch\`, \`content\`, \`today\`, \`logo\`, \`favicon\`, \`accent\`, \`customCss\`, \`components\`, \`imageHosts\`",
      ]
    `);
  });

  it('stop the build with those sentences and no stack trace', () => {
    const { status, output, out } = build({ colour: 'red' });
    rmSync(join(out, '..'), { recursive: true, force: true });
    expect(status).toBe(1);
    expect(output).toContain('Unexpected option `colour`, expected one of `title`, `description`');
    expect(output).not.toMatch(/\n\s+at /);
    expect(output).not.toContain('Stack trace');
  });

  it('refuse to publish an SVG that could run script, wherever it came from', () => {
    const { status, output, out } = build({ logo: './test/fixtures/site-options/evil-logo.svg' });
    rmSync(join(out, '..'), { recursive: true, force: true });
    expect(status).toBe(1);
    expect(output).toMatch(/An SVG in the built site could run script on the site's origin, so nothing was published:\n\s+_astro\/evil-logo\.[\w-]+\.svg:1:\d+ Unexpected/);
    expect(output).not.toMatch(/\n\s+at /);
  }, 120_000);

  it("let a team replace a component and add CSS and accent colours without copying the package's source", () => {
    const { status, output, out } = build();
    try {
      expect(status, output).toBe(0);
      expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('Kept by the Platform guild.');
      const css = readdirSync(join(out, '_astro'))
        .filter((file) => file.endsWith('.css'))
        .map((file) => readFileSync(join(out, '_astro', file), 'utf8'))
        .join('\n');
      expect(css).toMatch(/\.site-title\{letter-spacing:\.02em\}/);
      expect(css).toContain('#7b2cbf');
      expect(css).toContain('#c77dff');
    } finally {
      rmSync(join(out, '..'), { recursive: true, force: true });
    }
  }, 120_000);
});
