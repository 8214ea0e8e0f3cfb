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
