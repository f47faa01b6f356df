import type { LifecycleStageKey } from './labels';
import type { ResolvedLifecycleOptions } from './lifecycle';
import { DEFAULT_LIFECYCLE_OPTIONS } from './lifecycle';

/** What the lifecycle stage as of D needs of a customer (DOMAIN §7.6), as a warehouse summary carries it. */
export interface LifecycleFacts {
  recencyDays: number;
  tenureDays: number;
  /** Purchase occasions. */
  occasions: number;
  /** Net amount (returns included) of periods k = 0 … 3 (k = 0 the latest P days up to D). */
  periodNet: readonly number[];
}

/**
 * The lifecycle stage of DOMAIN §7.6 from a customer's summary instead of its transactions: Lost when
 * recency > C; Exploration with fewer than `minOccasions` occasions or tenure < P; else with K = floor(tenure
 * / P) + 1 and m = min(3, K − 1), baseline b = mean(v_1 … v_m): Decline if v_0 < (1 − 0.3)·b, Formation if
 * v_0 > (1 + 0.2)·b or b ≤ 0 < v_0, else Stability. The same rule as {@link lifecycleStageAt}, which sums the
 * periods itself; the pattern needs every earlier period and cannot be had from a summary.
 *
 * Cost O(1).
 * @example
 * lifecycleStageFromPeriods({ recencyDays: 5, tenureDays: 400, occasions: 9, periodNet: [20, 100, 100, 100] })
 * // => 'decline'
 */
export function lifecycleStageFromPeriods(
  facts: LifecycleFacts,
  options: ResolvedLifecycleOptions = DEFAULT_LIFECYCLE_OPTIONS,
): LifecycleStageKey {
  const period = options.periodDays;
  if (facts.recencyDays > options.churnDays) return 'lost';
  if (facts.occasions < options.minOccasions || facts.tenureDays < period) return 'exploration';
  const periods = Math.floor(facts.tenureDays / period) + 1;
  const baselinePeriods = Math.min(3, periods - 1);
  let baselineSum = 0;
  for (let k = 1; k <= baselinePeriods; k++) baselineSum += facts.periodNet[k] ?? 0;
  const baseline = baselineSum / baselinePeriods;
  const latest = facts.periodNet[0] ?? 0;
  if (latest < (1 - options.declineThreshold) * baseline) return 'decline';
  if (latest > (1 + options.growthThreshold) * baseline || (baseline <= 0 && latest > 0)) return 'formation';
  return 'stability';
}
