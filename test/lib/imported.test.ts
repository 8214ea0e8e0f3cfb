import { describe, expect, it } from 'vitest';
import { importedNotReviewed } from '../../src/lib/imported.ts';

const provenance = (reviewed: boolean) => ({ format: 'adr-tools', source: 'doc/adr/0002-x.md', hash: `sha256:${'0'.repeat(64)}`, reviewed });

describe('importedNotReviewed', () => {
  it('keeps the imported records whose review is still due, in order, and nothing else', () => {
    const records = [
      { ref: 'decisions/0001-written-here', data: { title: 'Written here' } },
      { ref: 'decisions/0002-imported', data: { imported: provenance(false) } },
      { ref: 'decisions/0003-reviewed', data: { imported: provenance(true) } },
      { ref: 'postmortems/2020-01-01-imported', data: { imported: provenance(false) } },
    ];
    expect(importedNotReviewed(records).map((r) => r.ref)).toEqual(['decisions/0002-imported', 'postmortems/2020-01-01-imported']);
  });

  it('treats a provenance block without `reviewed: true` as not reviewed', () => {
    const { reviewed: _, ...withoutFlag } = provenance(false);
    expect(importedNotReviewed([{ data: { imported: withoutFlag } }, { data: { imported: 'yes' } }])).toHaveLength(1);
  });
});
