/** The numbers of a key result that progress can be computed from. */
export interface Measured {
  baseline?: number | undefined;
  target?: number | undefined;
  actual?: number | undefined;
}

/** Lower is better when the target is below the baseline (latency, error rates). */
export function lowerIsBetter(kr: Measured): boolean {
  return kr.baseline !== undefined && kr.target !== undefined && kr.target < kr.baseline;
}

/** Whether the actual reached the target in the right direction; undefined without numbers. */
export function meetsTarget(kr: Measured): boolean | undefined {
  if (kr.actual === undefined || kr.target === undefined) return undefined;
  return lowerIsBetter(kr) ? kr.actual <= kr.target : kr.actual >= kr.target;
}

/**
 * How far the actual moved from baseline towards target, from 0 to 1 (clamped), whichever
 * the direction. Undefined until there is an actual, or when baseline equals target.
 */
export function progress(kr: Measured): number | undefined {
  if (kr.actual === undefined || kr.baseline === undefined || kr.target === undefined || kr.baseline === kr.target) return undefined;
  const share = (kr.actual - kr.baseline) / (kr.target - kr.baseline);
  return Math.min(1, Math.max(0, share));
}

/** A check-in as progress needs it: when, and the value of each metric measured that day. */
export interface Reading {
  date?: string | undefined;
  values?: Readonly<Record<string, number>> | undefined;
}

/** One point of a key result's history: the baseline at `created`, then each check-in that measured it. */
export interface TrendPoint {
  date: string;
  value: number;
}

/**
 * A key result's values over time: its baseline on the day the outcome was created, then
 * every check-in that measured its metric, oldest first, then its actual once closed.
 */
export function trend(kr: Measured & { metric?: string | undefined }, checkins: readonly Reading[] = [], { created, closed }: { created?: string | undefined; closed?: string | undefined } = {}): TrendPoint[] {
  const points: TrendPoint[] = [];
  if (kr.baseline !== undefined && created !== undefined) points.push({ date: created, value: kr.baseline });
  for (const checkin of checkins) {
    const value = kr.metric === undefined ? undefined : checkin.values?.[kr.metric];
    if (value !== undefined && checkin.date !== undefined) points.push({ date: checkin.date, value });
  }
  if (kr.actual !== undefined && closed !== undefined) points.push({ date: closed, value: kr.actual });
  return points.sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * Where a key result stands: its actual once the outcome is closed, else the value of the
 * latest check-in that measured it (with that check-in's date). Progress and "target met"
 * read from this, so a committed outcome shows how far it has come.
 */
export function standing(kr: Measured & { metric?: string | undefined }, checkins: readonly Reading[] = []): Measured & { asOf?: string | undefined } {
  if (kr.actual !== undefined) return kr;
  const latest = checkins.findLast((checkin) => kr.metric !== undefined && checkin.values?.[kr.metric] !== undefined);
  if (latest === undefined || kr.metric === undefined) return kr;
  return { ...kr, actual: latest.values?.[kr.metric], asOf: latest.date };
}
