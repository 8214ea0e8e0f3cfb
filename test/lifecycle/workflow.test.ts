import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { userEnv } from '../support/built-site.ts';

interface Job {
  if?: string;
  permissions?: Record<string, string>;
  steps: { name?: string; run?: string; env?: Record<string, string> }[];
}

const workflow = parse(readFileSync('.github/workflows/handbook.yml', 'utf8')) as { on: Record<string, unknown>; jobs: Record<string, Job> };
const job = workflow.jobs['loops']!;
const step = job.steps.find((s) => s.name === 'Update the "Open loops" issue')!;

/**
 * Runs the workflow step as a runner would, with a stand-in `gh` that logs its arguments and
 * answers `issue list` with `existing` (an issue number, or nothing).
 */
function runStep(existing: string): { calls: string[]; body: string } {
  const root = mkdtempSync(join(tmpdir(), 'handbook-loops-'));
  const log = join(root, 'gh.log');
  const gh = join(root, 'gh');
  writeFileSync(gh, `#!/bin/sh\nprintf '%s\\n' "$*" >> "${log}"\nif [ "$1 $2" = "issue list" ]; then printf '%s' "${existing}"; fi\n`);
  chmodSync(gh, 0o755);
  const result = spawnSync('bash', ['-e', '-c', step.run!], {
    encoding: 'utf8',
    env: userEnv({
      PATH: `${root}:${join(process.cwd(), 'node_modules/.bin')}:${process.env['PATH']}`,
      RUNNER_TEMP: root,
      GITHUB_REPOSITORY_OWNER: 'tillwave',
      GITHUB_REPOSITORY: 'tillwave/handbook',
      HANDBOOK_SITE: '',
      HANDBOOK_TODAY: '2026-11-24',
      GH_TOKEN: 'token',
    }),
  });
  expect(result.status, result.stderr).toBe(0);
  return { calls: readFileSync(log, 'utf8').trim().split('\n'), body: readFileSync(join(root, 'loops.md'), 'utf8') };
}

describe('the "Open loops" job of the team workflow', () => {
  it('runs every morning and by hand, on main, and may write issues', () => {
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['schedule', 'workflow_dispatch']));
    expect(job.if).toBe("github.ref == 'refs/heads/main' && (github.event_name == 'schedule' || github.event_name == 'workflow_dispatch')");
    expect(job.permissions).toEqual({ contents: 'read', issues: 'write' });
    // biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub Actions expressions, as the workflow writes them.
    expect(step.env).toEqual({ GH_TOKEN: '${{ github.token }}', HANDBOOK_SITE: '${{ vars.HANDBOOK_SITE }}' });
  });

  it('opens the issue when there is none, with the loops linked to the Pages site', () => {
    const { calls, body } = runStep('');
    expect(calls[0]).toBe('issue list --state open --search in:title "Open loops" --json number,title --jq map(select(.title == "Open loops")) | first | .number // empty');
    expect(calls[1]).toMatch(/^issue create --title Open loops --body-file .*\/loops\.md$/);
    expect(calls).toHaveLength(2);
    expect(body).toContain('### @praman (Priya Raman)');
    expect(body).toContain('(https://tillwave.github.io/handbook/outcomes/2026-q3-on-call-load/)');
  });

  it('edits the open issue when there is one', () => {
    const { calls } = runStep('7');
    expect(calls[1]).toMatch(/^issue edit 7 --body-file .*\/loops\.md$/);
    expect(calls).toHaveLength(2);
  });
});
