import { describe, expect, it } from 'vitest';
import { linkBodyRefs } from '../../src/lib/body-links.ts';

const published: Record<string, { url: string; title: string }> = {
  'decisions/0001-cache': { url: '/decisions/0001-cache/', title: 'Cache <tokens> & keys' },
};

describe('[[...]] links in rendered bodies', () => {
  it('become links titled with the record, escaped', () => {
    expect(linkBodyRefs('<p>See [[decisions/0001-cache]].</p>', (ref) => published[ref])).toBe(
      '<p>See <a href="/decisions/0001-cache/" class="record-link">Cache &lt;tokens&gt; &amp; keys</a>.</p>',
    );
  });

  it('stay as written inside code, and for records that are not published', () => {
    const html = '<p>[[decisions/0404-draft]]</p><pre><code>[[decisions/0001-cache]]</code></pre><p><code>[[decisions/0001-cache]]</code></p>';
    expect(linkBodyRefs(html, (ref) => published[ref])).toBe(html);
  });
});
