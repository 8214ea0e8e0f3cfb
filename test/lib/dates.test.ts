import { describe, expect, it } from 'vitest';
import { clockTime, daysBetween, duration, humanDate, monthOf, relativeDays } from '../../src/lib/dates.ts';

describe('dates as people read them', () => {
  it('count days across month ends, either way', () => {
    expect(daysBetween('2026-01-30', '2026-03-01')).toBe(30);
    expect(daysBetween('2026-03-01', '2026-01-30')).toBe(-30);
    expect(relativeDays('2026-11-24', '2026-11-24')).toBe('today');
    expect(relativeDays('2026-11-25', '2026-11-24')).toBe('in 1 day');
    expect(relativeDays('2026-11-21', '2026-11-24')).toBe('3 days ago');
  });

  it('show the day as written, whatever the offset or the machine', () => {
    expect(humanDate('2026-03-04')).toBe('4 Mar 2026');
    expect(humanDate('2026-03-04T23:30:00+05:00')).toBe('4 Mar 2026');
    expect(clockTime('2026-03-04T23:30:00+05:00')).toBe('23:30');
    expect(monthOf('2026-03-15')).toBe('March 2026');
  });

  it('give incident durations in days, hours and minutes, across offsets', () => {
    expect(duration('2026-03-04T10:00:00Z', '2026-03-04T11:25:00Z')).toBe('1 h 25 min');
    expect(duration('2026-03-04T10:00:00Z', '2026-03-04T10:38:00Z')).toBe('38 min');
    expect(duration('2026-03-04T10:00:00Z', '2026-03-04T12:00:00Z')).toBe('2 h');
    expect(duration('2026-03-04T10:00:00Z', '2026-03-06T13:10:00Z')).toBe('2 d 3 h');
    expect(duration('2026-03-04T10:00:00+01:00', '2026-03-04T10:30:00Z')).toBe('1 h 30 min');
    expect(duration('2026-03-04T10:00:00Z', '2026-03-04T09:00:00Z')).toBeUndefined();
    expect(duration(undefined, '2026-03-04T09:00:00Z')).toBeUndefined();
  });
});
