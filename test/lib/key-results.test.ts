import { describe, expect, it } from 'vitest';
import { lowerIsBetter, meetsTarget, progress, standing, trend } from '../../src/lib/key-results.ts';

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

describe('key-result standing and trend from check-ins', () => {
  const kr = { metric: 'checkout p99 latency', baseline: 820, target: 300 };
  const checkins = [
    { date: '2026-02-09', values: { 'checkout p99 latency': 690, 'card authorisation rate': 91.4 } },
    { date: '2026-03-16', values: { 'card authorisation rate': 91.3 } },
    { date: '2026-04-20', values: { 'checkout p99 latency': 560 } },
  ];

  it('stands at the latest check-in that measured the metric, with its date, so progress runs the right way', () => {
    const now = standing(kr, checkins);
    expect(now).toEqual({ ...kr, actual: 560, asOf: '2026-04-20' });
    expect(progress(now)).toBe(0.5);
    expect(meetsTarget(now)).toBe(false);
  });

  it('stands at the actual once there is one, and nowhere without a reading', () => {
    expect(standing({ ...kr, actual: 265 }, checkins)).toEqual({ ...kr, actual: 265 });
    expect(standing(kr, [{ date: '2026-02-09', values: { 'card authorisation rate': 91.4 } }])).toEqual(kr);
    expect(progress(standing(kr))).toBeUndefined();
  });

  it('traces the baseline at creation, each check-in of the metric and the actual at closing, oldest first', () => {
    expect(trend({ ...kr, actual: 265 }, checkins, { created: '2026-01-12', closed: '2026-07-03' })).toEqual([
      { date: '2026-01-12', value: 820 },
      { date: '2026-02-09', value: 690 },
      { date: '2026-04-20', value: 560 },
      { date: '2026-07-03', value: 265 },
    ]);
    expect(trend(kr, [])).toEqual([]);
  });
});
