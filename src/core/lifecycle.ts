import { AnalyticsError } from './errors';
import { checkNumberOption, OPTION_RULES } from './optionTable';
import type { LifecyclePatternKey, LifecycleStageKey } from './labels';
import type { LifecycleOptions } from './segmentTypes';

/** Lifecycle thresholds with every default filled in (DOMAIN §7.6). */
export type ResolvedLifecycleOptions = Required<LifecycleOptions>;

/** The defaults of DOMAIN §7.6: 90-day periods, 365-day churn window, decline 0.3, growth 0.2, 3 occasions. */
export const DEFAULT_LIFECYCLE_OPTIONS: Readonly<ResolvedLifecycleOptions> = Object.freeze({
  periodDays: OPTION_RULES.periodDays.default,
  churnDays: OPTION_RULES.churnDays.default,
  declineThreshold: OPTION_RULES.declineThreshold.default,
  growthThreshold: OPTION_RULES.growthThreshold.default,
  minOccasions: OPTION_RULES.minOccasions.default,
});

const LIFECYCLE_OPTION_NAMES = [
  'periodDays',
  'churnDays',
  'declineThreshold',
  'growthThreshold',
  'minOccasions',
] as const;

/**
 * Fills in and checks lifecycle thresholds.
 *
 * @throws AnalyticsError OUT_OF_RANGE for a period or window < 1 day, a threshold < 0 or minOccasions < 1.
 */
export function resolveLifecycleOptions(options: LifecycleOptions = {}): ResolvedLifecycleOptions {
  const resolved = { ...DEFAULT_LIFECYCLE_OPTIONS, ...options };
  for (const name of LIFECYCLE_OPTION_NAMES) checkNumberOption(name, resolved[name], `lifecycle.${name}`);
  return resolved;
}

/**
 * One customer's history as purchase groups (an order, or a calendar day without order ids), sorted by day
 * ascending: `days[i]` is the group's whole day number, `amounts[i]` its net amount (< 0 = a return, which
 * is not a purchase occasion). `start`/`end` select a slice of shared arrays (default: all of them).
 */
export interface CustomerHistory {
  days: ArrayLike<number>;
  amounts: ArrayLike<number>;
  start?: number;
  end?: number;
}

/**
 * The lifecycle stage of one customer as of day `asOf` (whole day number), by DOMAIN §7.6, using only the
 * groups on or before `asOf`; null when the customer has no purchase occasion by then.
 *
 * 1. Lost: recency_days > churn window C.
 * 2. Exploration: fewer than `minOccasions` purchase occasions, or tenure_days < P.
 * 3. Else with v_k the net amount of period k (D − (k+1)P < day ≤ D − kP) and baseline b = mean(v_1 … v_m),
 *    m = min(3, K − 1), K = floor(tenure / P) + 1: Decline if v_0 < (1 − 0.3)·b; Formation if v_0 > (1 + 0.2)·b
 *    or b ≤ 0 < v_0; else Stability.
 *
 * Cost O(groups up to asOf).
 * @example
 * // Purchases of 100 every 30 days for a year, then 20 in the last quarter → 'decline'
 */
export function lifecycleStageAt(
  history: CustomerHistory,
  asOf: number,
  options: ResolvedLifecycleOptions = DEFAULT_LIFECYCLE_OPTIONS,
): LifecycleStageKey | null {
  const start = history.start ?? 0;
  const end = history.end ?? history.days.length;
  const period = options.periodDays;
  let occasions = 0;
  let first = Infinity;
  let last = -Infinity;
  let stop = start;
  for (; stop < end; stop++) {
    const day = history.days[stop] as number;
    if (day > asOf) break;
    if ((history.amounts[stop] as number) >= 0) {
      occasions += 1;
      if (day < first) first = day;
      if (day > last) last = day;
    }
  }
  if (occasions === 0) return null;
  if (asOf - last > options.churnDays) return 'lost';
  const tenure = asOf - first;
  if (occasions < options.minOccasions || tenure < period) return 'exploration';
  const periods = Math.floor(tenure / period) + 1;
  const baselinePeriods = Math.min(3, periods - 1);
  // v_0 … v_3 in locals: this runs K times per customer, so it allocates nothing.
  let latest = 0;
  let baselineSum = 0;
  for (let index = stop - 1; index >= start; index--) {
    const k = Math.floor((asOf - (history.days[index] as number)) / period);
    if (k > baselinePeriods) break;
    if (k === 0) latest += history.amounts[index] as number;
    else baselineSum += history.amounts[index] as number;
  }
  const baseline = baselineSum / baselinePeriods;
  if (latest < (1 - options.declineThreshold) * baseline) return 'decline';
  if (latest > (1 + options.growthThreshold) * baseline || (baseline <= 0 && latest > 0)) return 'formation';
  return 'stability';
}

/**
 * The stage as of D and the lifecycle pattern (DOMAIN §7.6): the stage is evaluated as of D − j·P for
 * j = K − 1 … 0; with S the stages seen and s the stage as of D: Stability ∈ S and s ∈ {Stability,
 * Formation} → long-term retention; Stability ∈ S and s ∈ {Decline, Lost} → early exit; Formation ∈ S,
 * Stability ∉ S and s ∈ {Decline, Lost} → mid-way break; neither and s ∈ {Decline, Lost} → early abort;
 * otherwise ongoing.
 *
 * Cost O(K × groups).
 * @throws AnalyticsError NOT_FOUND when the customer has no purchase occasion on or before `asOf`.
 */
export function lifecycleOf(
  history: CustomerHistory,
  asOf: number,
  options: ResolvedLifecycleOptions = DEFAULT_LIFECYCLE_OPTIONS,
): { stage: LifecycleStageKey; pattern: LifecyclePatternKey } {
  const stage = lifecycleStageAt(history, asOf, options);
  if (stage === null) {
    throw new AnalyticsError('NOT_FOUND', 'The customer has no purchase on or before the as-of date.');
  }
  const start = history.start ?? 0;
  const end = history.end ?? history.days.length;
  let first = Infinity;
  let occasions = 0;
  for (let index = start; index < end; index++) {
    if ((history.amounts[index] as number) >= 0 && (history.days[index] as number) <= asOf) {
      if (occasions === 0) first = history.days[index] as number;
      occasions += 1;
    }
  }
  const ending = stage === 'decline' || stage === 'lost';
  // With fewer occasions than minOccasions every earlier stage is exploration or lost: skip re-evaluating.
  if (occasions < options.minOccasions) return { stage, pattern: ending ? 'earlyAbort' : 'ongoing' };
  const periods = Math.floor((asOf - first) / options.periodDays) + 1;
  let sawFormation = stage === 'formation';
  let sawStability = stage === 'stability';
  for (let j = periods - 1; j >= 1; j--) {
    const earlier = lifecycleStageAt(history, asOf - j * options.periodDays, options);
    if (earlier === 'formation') sawFormation = true;
    else if (earlier === 'stability') sawStability = true;
  }
  let pattern: LifecyclePatternKey = 'ongoing';
  if (sawStability && (stage === 'stability' || stage === 'formation')) pattern = 'longTermRetention';
  else if (sawStability && ending) pattern = 'earlyExit';
  else if (sawFormation && ending) pattern = 'midwayBreak';
  else if (ending) pattern = 'earlyAbort';
  return { stage, pattern };
}

/**
 * Builds a {@link CustomerHistory} from one customer's raw transaction days and amounts, grouped by
 * calendar day (DOMAIN §7.2 without order ids), for callers that have a single customer's lines.
 *
 * Cost O(n log n).
 * @throws AnalyticsError SHAPE_MISMATCH when the lists differ in length; BAD_NUMBER for non-finite values.
 */
export function historyFromTransactions(days: readonly number[], amounts: readonly number[]): CustomerHistory {
  if (days.length !== amounts.length) {
    throw new AnalyticsError('SHAPE_MISMATCH', `${days.length} dates but ${amounts.length} amounts.`);
  }
  const byDay = new Map<number, number>();
  for (let index = 0; index < days.length; index++) {
    const day = days[index] as number;
    const amount = amounts[index] as number;
    if (!Number.isFinite(day) || !Number.isFinite(amount)) {
      throw new AnalyticsError('BAD_NUMBER', `Row ${index + 1} has a date or amount that is not a number.`, {
        row: index + 1,
      });
    }
    const whole = Math.floor(day);
    byDay.set(whole, (byDay.get(whole) ?? 0) + amount);
  }
  const sortedDays = [...byDay.keys()].sort((left, right) => left - right);
  return { days: sortedDays, amounts: sortedDays.map((day) => byDay.get(day) as number) };
}
