import fc from 'fast-check';

/**
 * Markdown as a hostile or careless writer produces it, for property tests: every block and
 * inline construct CommonMark and GFM have, in the combinations that make parsers disagree
 * (HTML in headings, code spans that never close, fences of every length inside list items,
 * definitions inside block quotes and lists, entity-encoded schemes, lazy lines).
 */

/** Words the rules look for, and text in scripts and shapes that trip up scanners. */
const WORD = fc.constantFrom(
  'alpha',
  'the pool',
  'TODO',
  'tbd',
  'FIXME',
  'lorem ipsum',
  'Lorem',
  'ipsum',
  'Ana broke',
  'Ana Lima forgot',
  "Ben's fault",
  'should have known',
  '[[decisions/0001-cache-tokens]]',
  '[[decisions/missing]]',
  '[[outcomes/faster-checkout]]',
  '[[a/b',
  '{{prompt}}',
  '{{ a',
  'p99 < 300 ms',
  'a > b',
  '1.5',
  '-5',
  '+1',
  '#hash',
  'x|y',
  '漢字',
  'Zoë',
  '👩🏽‍💻',
  '!',
  ':',
  '"quoted"',
  "it's",
  '--',
  '...',
);

const URL = fc.constantFrom(
  'https://example.com/a',
  'http://example.com',
  './chart.svg',
  '../decisions/0001-cache-tokens.md',
  '/assets/x.png',
  '#anchor',
  'mailto:a@example.com',
  'javascript:alert(1)',
  'JavaScript:alert(1)',
  '&#106;avascript:alert(1)',
  'javascript&colon;alert(1)',
  'java&#x09;script:alert(1)',
  'javascript\\:alert(1)',
  'data:text/html;base64,PHNjcmlwdD4=',
  'vbscript:msgbox',
  'x_y.png',
  'a*b',
  '<https://example.com/with space>',
  '<javascript:alert(1)>',
  'a(b)c',
  '',
);

const TITLE = fc.constantFrom('', ' "t"', " 't'", ' (t)', '\n"t"');

const codeSpan = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.constantFrom('x', '<b>', '`', ' a ', '``', '&amp;', '\\', '[[decisions/x]]', 'TODO', '|', '*a*', 'a\nb'), fc.integer({ min: 0, max: 3 }))
  .map(([open, inside, close]) => `${'`'.repeat(open)}${inside}${'`'.repeat(close)}`);

const inline: fc.Arbitrary<string> = fc.oneof(
  { weight: 12, arbitrary: WORD },
  { weight: 4, arbitrary: codeSpan },
  { weight: 1, arbitrary: fc.constantFrom('\\`', '\\<', '\\*', '\\[', '\\\\', '\\|', '\\') },
  { weight: 1, arbitrary: fc.constantFrom('&lt;', '&amp;', '&#106;', '&colon;', '&lt;script&gt;', '&', '&#x3C;b>') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '<b>',
      '</i>',
      '<img src=x onerror=alert(1)>',
      '<script>alert(1)</script>',
      '<!-- note -->',
      '<What goes here>',
      '<a href="javascript:alert(1)">',
      '<?php x ?>',
      '<!DOCTYPE html>',
      '<![CDATA[x]]>',
      '<svg onload=alert(1)>',
    ),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom('', '!'), fc.constantFrom('text', '', 'a b', '`c`', 'TODO', '[[decisions/x]]', '*e*', '<b>'), URL, TITLE)
      .map(([bang, text, url, title]) => `${bang}[${text}](${url}${title})`),
  },
  { weight: 1, arbitrary: fc.constantFrom('<https://example.com>', '<javascript:alert(1)>', '<a@example.com>', 'https://example.com/x', 'www.example.com', 'a@example.com', 'mailto:a@b.co') },
  { weight: 2, arbitrary: fc.constantFrom('*em*', '_em_', '**strong**', '__strong__', '~~del~~', '~del~', '*', '_', '~', 'snake_case', '**') },
  { weight: 2, arbitrary: fc.constantFrom('[', ']', '[x]', '[x][]', '[x][y]', '![', '[^1]', '[]', '](', '[ref]') },
  { weight: 1, arbitrary: fc.constantFrom('  \n', '\n', '\\\n', ' \n', '\t') },
);

/** A run of inline content on one or more lines. */
export const inlineText: fc.Arbitrary<string> = fc.array(fc.tuple(inline, fc.constantFrom(' ', '', ' ', '\n')), { minLength: 1, maxLength: 7 }).map((parts) =>
  parts
    .map(([part, gap]) => part + gap)
    .join('')
    .trim(),
);

/** Inline content within one line. */
const lineText = inlineText.map((text) => text.replaceAll('\n', ' ').trim() || 'word');

const fenceOf = fc.tuple(fc.constantFrom('`', '~'), fc.integer({ min: 3, max: 5 })).map(([char, length]) => char.repeat(length));

const fenced = fc
  .tuple(
    fenceOf,
    fc.constantFrom('', 'js', 'console', 'html', 'ts', 'js" onload="x', 'a`b'),
    fc.array(fc.oneof(lineText, fenceOf, fc.constantFrom('## Not a heading', '<script>alert(1)</script>', '<meta http-equiv="refresh" content="0">', '    indented', '[r]: javascript:alert(1)')), {
      maxLength: 3,
    }),
    fc.constantFrom('same', 'longer', 'shorter', 'other', 'none'),
  )
  .map(([fence, info, lines, close]) => {
    const closing = { same: fence, longer: `${fence}${fence[0]}`, shorter: fence.slice(1), other: (fence[0] === '`' ? '~' : '`').repeat(fence.length), none: '' }[close];
    return [`${fence}${info}`, ...lines, closing].join('\n');
  });

const heading = fc
  .tuple(fc.integer({ min: 1, max: 7 }), fc.constantFrom('', ' ', '  ', '   '), lineText, fc.constantFrom('', ' #', ' ##', '#'))
  .map(([level, indent, text, close]) => `${indent}${'#'.repeat(level)} ${text}${close}`);

const setext = fc.tuple(fc.array(lineText, { minLength: 1, maxLength: 2 }), fc.constantFrom('===', '---', '-', '= =', '  ---  ')).map(([lines, underline]) => [...lines, underline].join('\n'));

const definition = fc
  .tuple(fc.constantFrom('', '> ', '- ', '  ', '> > '), fc.constantFrom('ref', 'x', 'a b'), URL, fc.constantFrom(':', ':\n'), TITLE)
  .map(([prefix, label, url, colon, title]) => `${prefix}[${label}]${colon} ${url}${title}\n\n[${label}] and [text][${label}]`);

const table = fc
  .tuple(
    fc.array(lineText, { minLength: 1, maxLength: 3 }),
    fc.array(fc.array(fc.oneof(lineText, codeSpan), { minLength: 1, maxLength: 4 }), { maxLength: 3 }),
    fc.boolean(),
    fc.constantFrom('---', ':--', '--:', ':-:'),
  )
  .map(([header, rows, outer, delimiter]) => {
    const row = (cells: string[]) => (outer ? `| ${cells.join(' | ')} |` : cells.join(' | '));
    return [row(header.map((c) => c.replaceAll('|', '/'))), row(header.map(() => delimiter)), ...rows.map(row)].join('\n');
  });

const html = fc.constantFrom(
  '<div>\n<script>alert(1)</script>\n</div>',
  '<!-- a comment -->',
  '<!-- a -->\n<script>alert(1)</script>',
  '<details><summary>x</summary>',
  '<iframe src="https://example.com"></iframe>',
  '<style>body{}</style>',
  '<What changes for whom>',
);

const leaf: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: inlineText },
  { weight: 3, arbitrary: heading },
  { weight: 2, arbitrary: setext },
  { weight: 3, arbitrary: fenced },
  { weight: 2, arbitrary: table },
  { weight: 1, arbitrary: html },
  { weight: 1, arbitrary: definition },
  { weight: 1, arbitrary: fc.constantFrom('---', '***', '- - -', '___', '    indented code <b>', '\t\ttabbed') },
);

/** Block structure nested a few levels: block quotes, list items (with fences and lazy lines inside), and leaves. */
const { block } = fc.letrec<{ block: string; quote: string; list: string }>((tie) => ({
  block: fc.oneof({ depthSize: 'small', withCrossShrink: true }, { weight: 6, arbitrary: leaf }, { weight: 1, arbitrary: tie('quote') }, { weight: 2, arbitrary: tie('list') }),
  quote: tie('block').map((inner) =>
    inner
      .split('\n')
      .map((line) => `> ${line}`)
      .join('\n'),
  ),
  list: fc
    .tuple(fc.constantFrom('- ', '+ ', '* ', '1. ', '2) ', '-   ', '10. '), fc.array(fc.tuple(tie('block'), fc.constantFrom('\n', '\n\n')), { minLength: 1, maxLength: 3 }))
    .map(([marker, items]) =>
      items
        .map(([item, gap]) => {
          const [first = '', ...rest] = item.split('\n');
          return `${marker}${first}${rest.map((line) => `\n${line === '' ? '' : ' '.repeat(marker.length)}${line}`).join('')}${gap}`;
        })
        .join('')
        .trimEnd(),
    ),
}));

/** A Markdown body of a few blocks, joined closely enough for them to interact. */
export const markdownBody: fc.Arbitrary<string> = fc
  .array(fc.tuple(block, fc.constantFrom('\n\n', '\n', '\n\n\n')), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.map(([b, gap]) => b + gap).join(''));

/** Plain Markdown the scanner must read itself: headings, paragraphs, lists, tables, fences, code spans, simple links. */
const plainWord = fc.constantFrom(
  'alpha',
  'the pool',
  'TODO',
  'lorem ipsum',
  'Ana broke',
  "Ben's fault",
  '[[decisions/0001-cache-tokens]]',
  '[[decisions/missing]]',
  '{{prompt}}',
  'p99 is 300 ms',
  '漢字',
  'a-b',
  '1.5',
  '#tag',
  'x|y',
);
const plainInline = fc.oneof(
  { weight: 6, arbitrary: plainWord },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 2 }), fc.constantFrom('x', '<b>', '&amp;', 'TODO', '*a*', 'a | b')).map(([n, inside]) => `${'`'.repeat(n)}${inside}${'`'.repeat(n)}`) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('', '!'), fc.constantFrom('text', 'a b', ''), fc.constantFrom('https://example.com/a', './chart.svg', 'x_y.png', '../a.md#b'))
      .map(([bang, text, url]) => `${bang}[${text}](${url})`),
  },
);
const plainLine = fc.array(plainInline, { minLength: 1, maxLength: 5 }).map((parts) => parts.join(' '));
const plainBlock = fc.oneof(
  fc.array(plainLine, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n')),
  fc.tuple(fc.integer({ min: 1, max: 6 }), plainLine).map(([level, text]) => `${'#'.repeat(level)} ${text}`),
  plainLine.map((text) => `${text}\n---`),
  fc.array(plainLine, { minLength: 1, maxLength: 3 }).map((items) => items.map((item) => `- ${item}`).join('\n')),
  fc.array(plainLine, { minLength: 1, maxLength: 3 }).map((items) => items.map((item, i) => `${i + 1}. ${item}\n   more ${i}`).join('\n')),
  plainLine.map((text) => `- ${text}\n  - nested ${text}`),
  fc.array(plainLine, { minLength: 1, maxLength: 2 }).map((rows) => ['| a | b |', '| --- | :-: |', ...rows.map((r) => `| ${r.replaceAll('|', '/')} | c |`)].join('\n')),
  fc.tuple(fenceOf, plainLine).map(([fence, text]) => `${fence}js\n<script>${text}</script>\n## in code\n${fence}`),
);

/** A body of plain blocks, each separated by a blank line. */
export const plainBody: fc.Arbitrary<string> = fc.array(plainBlock, { minLength: 1, maxLength: 6 }).map((blocks) => blocks.join('\n\n'));
