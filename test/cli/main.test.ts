import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { crashReport, type CommandIO } from '../../src/cli/io.ts';
import { handbook } from '../support/cli.ts';
import { tree } from '../support/fixture.ts';

/** Runs `main` in this process, collecting what it writes. */
async function inProcess(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { main } = await import('../../src/cli/main.ts');
  const out = { stdout: '', stderr: '' };
  const io: CommandIO = { stdout: (text) => void (out.stdout += text), stderr: (text) => void (out.stderr += text), colour: false };
  return { code: await main(argv, io), ...out };
}

afterEach(() => {
  vi.doUnmock('../../src/check/index.ts');
  vi.resetModules();
  vi.unstubAllEnvs();
});

describe('handbook --version and --help', () => {
  it('prints the version from package.json', () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) {
      const { code, stdout } = handbook([flag]);
      expect(code).toBe(0);
      expect(stdout).toBe(`handbook ${version}\n`);
    }
  });

  it('lists the exit codes', () => {
    const { code, stdout } = handbook(['--help']);
    expect(code).toBe(0);
    expect(stdout.slice(stdout.indexOf('Exit codes:'), stdout.indexOf('Run `handbook'))).toMatchInlineSnapshot(`
      "Exit codes:
        0  done, no content errors
        1  the content has errors (check, build), or the command could not do its work (new, import)
        2  a usage error, or a refusal to do something unsafe (such as build --out .)
        3  an internal error; HANDBOOK_DEBUG=1 shows its stack trace

      "
    `);
  });
});

describe('exit codes', () => {
  it('exits 3 with one line and no stack trace when the system refuses, and shows the stack with HANDBOOK_DEBUG=1', () => {
    const file = join(tree(), 'people.yaml');
    const plain = handbook(['schema', '--out', join(file, 'schemas')]);
    expect(plain.code).toBe(3);
    expect(plain.stderr).toBe(`handbook schema: could not finish: ENOTDIR: not a directory, mkdir '${join(file, 'schemas')}'.\nSet HANDBOOK_DEBUG=1 to see the stack trace.\n`);
    const debug = handbook(['schema', '--out', join(file, 'schemas')], { env: { HANDBOOK_DEBUG: '1' } });
    expect(debug.code).toBe(3);
    expect(debug.stderr).toMatch(/^handbook schema: could not finish: ENOTDIR.*\nError: ENOTDIR.*\n\s+at /);
  });

  it('names an internal error by its first line that says something, or by its kind', () => {
    const first = (error: unknown) => crashReport('handbook build', error, {}).split('\n')[0];
    expect(first(new Error('\n  Could not render the page\nmore'))).toBe('handbook build: internal error: Could not render the page. This is a bug in handbook, not in your content; please report it with the command you ran.');
    expect(first(new RangeError(''))).toBe('handbook build: internal error: RangeError. This is a bug in handbook, not in your content; please report it with the command you ran.');
  });

  it('exits 3 and asks for a report when handbook itself fails, never 1 as if the content were wrong', async () => {
    vi.doMock('../../src/check/index.ts', async (original) => ({
      ...(await original<typeof import('../../src/check/index.ts')>()),
      checkHandbook: () => {
        throw new TypeError("Cannot read properties of undefined (reading 'links')");
      },
    }));
    const { code, stdout, stderr } = await inProcess(['check', tree()]);
    expect(code).toBe(3);
    expect(stdout).toBe('');
    expect(stderr).toMatchInlineSnapshot(`
      "handbook check: internal error: Cannot read properties of undefined (reading 'links'). This is a bug in handbook, not in your content; please report it with the command you ran.
      Set HANDBOOK_DEBUG=1 to see the stack trace.
      "
    `);
    vi.stubEnv('HANDBOOK_DEBUG', '1');
    expect((await inProcess(['check', tree()])).stderr).toMatch(/\nTypeError: Cannot read properties of undefined \(reading 'links'\)\n\s+at /);
  });

  it('exits 2 with the usage for an option given an empty value, as an unset variable gives', () => {
    for (const args of [['check', '--today', ''], ['list', '--owner', ''], ['import', 'madr', 'x', '--into=']]) {
      const { code, stderr } = handbook(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr.split('\n')[0]).toMatch(/^handbook \w+: Unexpected empty value for `--(today|owner|into)`, expected a value \(is a shell variable unset\?\)$/);
      expect(stderr).toContain('Usage: handbook');
    }
  });

  it('exits 2 for a --today that is not a real day', () => {
    const dir = tree();
    for (const args of [['check', dir, '--today', '2026-02-30'], ['list', dir, '--today', 'tomorrow'], ['import', 'adr-tools', 'test/fixtures/import/adr-tools', '--into', dir, '--dry-run', '--today', '2026-13-01']]) {
      const { code, stderr } = handbook(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr.split('\n')[0]).toMatch(/Unexpected --today `[^`]+`, expected a date written YYYY-MM-DD$/);
    }
  });

  it('escapes control characters of an unknown command instead of sending them to the terminal', () => {
    const { code, stderr } = handbook(['\u001b]0;owned\u0007']);
    expect(code).toBe(2);
    expect(stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    expect(stderr).toContain('Unexpected command `\\u001b]0;owned\\u0007`');
  });
});
