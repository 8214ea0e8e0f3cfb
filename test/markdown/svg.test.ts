import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { svgProblems, unsafeSvgFiles } from '../../src/markdown/svg.ts';

const CLEAN = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">
  <defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient><path id="p" d="M0 0h1"/></defs>
  <style>.bar { fill: url(#g) }</style>
  <rect class="bar" width="10" height="4" style="fill: url('#g')"/>
  <use href="#p"/><use xlink:href="#p"/>
  <image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>
  <a href="https://example.com/docs"><text x="1" y="9">chart</text></a>
</svg>`;

const where = (text: string) => svgProblems(text).map((p) => `${p.line}:${p.column} ${p.found}`);

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('svgProblems: what an SVG could run or load once opened on the site', () => {
  it('finds nothing in a chart that only draws', () => {
    expect(svgProblems(CLEAN)).toEqual([]);
  });

  it('places each script, handler, embedded document and external reference at its line and column', () => {
    const svg = [
      '<?xml-stylesheet href="https://example.com/x.css"?>',
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">',
      '  <script>alert(1)</script>',
      '  <a xlink:href="&#106;avascript:alert(1)"><text>x</text></a>',
      '  <use href="https://example.com/sprite.svg#a"/><use href="other.svg#b"/>',
      '  <svg:script xmlns:svg="http://www.w3.org/2000/svg">alert(1)</svg:script>',
      '  <set attributeName="href" to="javascript:alert(1)"/>',
      '  <foreignObject><iframe src="https://example.com"></iframe></foreignObject>',
      '  <style>@import url(https://example.com/a.css);</style>',
      '  <rect style="fill: url(\'https://example.com/p.svg#x\')" ONCLICK="alert(1)"/>',
      '</svg>',
    ].join('\n');
    expect(where(svg)).toMatchInlineSnapshot(`
      [
        "1:1 external stylesheet \`<?xml-stylesheet?>\`",
        "2:41 \`onload\` event handler",
        "3:3 \`<script>\` element",
        "4:6 \`javascript:\` address in \`xlink:href\`",
        "5:8 external reference \`https://example.com/sprite.svg#a\` in \`href\`",
        "5:54 external reference \`other.svg#b\` in \`href\`",
        "6:3 \`<svg:script>\` element",
        "7:29 \`javascript:\` address in \`to\`",
        "8:3 \`<foreignObject>\` element",
        "8:18 \`<iframe>\` element",
        "9:3 \`@import\` in a style",
        "9:3 external \`url(https://example.com/a.css)\` in a style",
        "10:9 external \`url('https://example.com/p.svg#x')\` in a style",
        "10:58 \`onclick\` event handler",
      ]
    `);
  });

  it('refuses DOCTYPE and ENTITY declarations, which can hide any of those', () => {
    expect(where('<!DOCTYPE svg [\n<!ENTITY s "<script>alert(1)</script>">\n]>\n<svg>&s;</svg>')).toEqual(['1:1 `<!DOCTYPE>` declaration', '2:1 `<!ENTITY>` declaration']);
  });

  it('words each problem as "Unexpected X, expected Y"', () => {
    expect(svgProblems('<svg><script/></svg>')[0]?.message).toMatchInlineSnapshot(`"Unexpected \`<script>\` element, expected an SVG without scripts, event handlers or external references"`);
  });

  it('lists the unsafe SVG files of a built site, and only those', () => {
    const dist = mkdtempSync(join(tmpdir(), 'handbook-svg-'));
    dirs.push(dist);
    mkdirSync(join(dist, '_astro'));
    writeFileSync(join(dist, '_astro', 'chart.a1b2.svg'), '<svg onload="alert(1)"></svg>');
    writeFileSync(join(dist, '_astro', 'clean.c3d4.svg'), CLEAN);
    writeFileSync(join(dist, 'favicon.svg'), '<svg><circle r="1"/></svg>');
    expect(unsafeSvgFiles(dist).map(({ file, problems }) => [file, problems.map((p) => p.found)])).toEqual([['_astro/chart.a1b2.svg', ['`onload` event handler']]]);
  });
});
