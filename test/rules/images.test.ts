import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkHandbook } from '../../src/check/index.ts';
import { found, MINIMAL, OUTCOME, TODAY, tree } from '../support/fixture.ts';

const ACHIEVED = readFileSync(`${MINIMAL}/${OUTCOME}`, 'utf8');
/** The achieved outcome with `text` added to its Learnings section (line 32 on). */
const withLearning = (text: string): string => `${ACHIEVED.trimEnd()}\n\n${text}\n`;

const CHART = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="4"/></svg>';
const HOSTILE = '<svg xmlns="http://www.w3.org/2000/svg">\n  <script>alert(document.cookie)</script>\n  <rect onclick="alert(1)"/>\n</svg>';

describe('images in records are files of the handbook', () => {
  it('accepts an image next to the record and one under content/assets/, by relative path', () => {
    const dir = tree({
      [OUTCOME]: withLearning('![chart](./chart.svg) ![photo](../assets/photo%20one.png#x) ![site](/favicon.svg)'),
      'outcomes/chart.svg': CHART,
      'assets/photo one.png': 'png',
    });
    expect([...found(dir, 'image-missing'), ...found(dir, 'image-svg'), ...found(dir, 'image-external')]).toEqual([]);
  });

  it('reports an image that does not exist at the image', () => {
    const dir = tree({ [OUTCOME]: withLearning('The trend:\n\n![p99 trend](./p99.png)') });
    expect(found(dir, 'image-missing')).toMatchInlineSnapshot(`
      [
        "outcomes/faster-checkout.md:34:1 Unexpected image \`./p99.png\` that does not exist, expected a file next to the record or under content/assets/",
      ]
    `);
  });

  it("reports an SVG that could run script at the record's image, naming the SVG's own line", () => {
    const dir = tree({ [OUTCOME]: withLearning('See ![chart](./chart.svg).'), 'outcomes/chart.svg': HOSTILE });
    expect(found(dir, 'image-svg')).toMatchInlineSnapshot(`
      [
        "outcomes/faster-checkout.md:32:5 Unexpected \`<script>\` element in \`./chart.svg\` (line 2, column 3), expected an SVG without scripts, event handlers or external references",
        "outcomes/faster-checkout.md:32:5 Unexpected \`onclick\` event handler in \`./chart.svg\` (line 3, column 9), expected an SVG without scripts, event handlers or external references",
      ]
    `);
  });

  it('warns about an image from another site, unless its host is allowed', () => {
    const dir = tree({ [OUTCOME]: withLearning('![graph](https://grafana.example.com/render/p99.png)') });
    expect(found(dir, 'image-external')).toMatchInlineSnapshot(`
      [
        "outcomes/faster-checkout.md:32:1 Unexpected image from \`grafana.example.com\`, expected a file next to the record or under content/assets/: the site's Content-Security-Policy blocks images from other sites (list the host in \`imageHosts\` to allow it)",
      ]
    `);
    const allowed = checkHandbook(dir, { today: TODAY, imageHosts: ['grafana.example.com'] }).problems;
    expect(allowed.filter((p) => p.rule === 'image-external')).toEqual([]);
  });

  it('leaves drafts alone: they are not published', () => {
    const dir = tree({ [OUTCOME]: withLearning('![missing](./nowhere.png)').replace('status: achieved', 'status: draft') });
    expect(found(dir, 'image-missing')).toEqual([]);
  });
});
