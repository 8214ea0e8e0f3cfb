import { describe, expect, it } from 'vitest';
import { lowerIsBetter, meetsTarget, progress } from '../../src/lib/key-results.ts';

describe('key-result progress', () => {
  it('runs from baseline to target when higher is better', () => {
    expect(lowerIsBetter({ baseline: 10, target: 20 })).toBe(false);
    expect(progress({ baseline: 10, target: 20, actual: 15 })).toBe(0.5);
    expect(meetsTarget({ baseline: 10, target: 20, actual: 15 })).toBe(false);
    expect(meetsTarget({ baseline: 10, target: 20, actual: 20 })).toBe(true);
  });

  it('runs downwards when the target is below the baseline', () => {
    expect(lowerIsBetter({ baseline: 800, target: 200 })).toBe(true);
    expect(progress({ baseline: 800, target: 200, actual: 500 })).toBe(0.5);
    expect(progress({ baseline: 800, target: 200, actual: 150 })).toBe(1);
    expect(meetsTarget({ baseline: 800, target: 200, actual: 150 })).toBe(true);
    expect(meetsTarget({ baseline: 800, target: 200, actual: 201 })).toBe(false);
  });

  it('is zero when the actual went the wrong way, and unknown without an actual or a distance', () => {
    expect(progress({ baseline: 800, target: 200, actual: 900 })).toBe(0);
    expect(progress({ baseline: 800, target: 200 })).toBeUndefined();
    expect(progress({ baseline: 5, target: 5, actual: 5 })).toBeUndefined();
    expect(meetsTarget({ baseline: 5, target: 5 })).toBeUndefined();
  });
});
