import { AnalyticsError } from './errors';
import type { TierKey } from './labels';

function checkValues(values: ArrayLike<number>, name: string): void {
  for (let index = 0; index < values.length; index++) {
    if (!Number.isFinite(values[index] as number)) {
      throw new AnalyticsError('BAD_NUMBER', `${name} ${index + 1} is not a finite number.`, { row: index + 1 });
    }
  }
}

/**
 * Customer-pyramid tiers (Zeithaml, Rust & Lemon 2001; DOMAIN §7.7): with s = (customers with a strictly
 * higher value) / N, Platinum if s < 20 %, Gold if s < 50 %, Iron if s < 80 %, else Lead; any value ≤ 0 is
 * Lead. Ties share a tier (the higher one) and row order never matters.
 *
 * Cost O(N log N).
 * @throws AnalyticsError BAD_NUMBER for a non-finite value.
 * @example
 * pyramidTiers([100, 50, 20, 10, 0]) // => ['platinum', 'gold', 'gold', 'iron', 'lead']
 */
export function pyramidTiers(values: ArrayLike<number>): TierKey[] {
  checkValues(values, 'Value');
  const count = values.length;
  const sorted = Float64Array.from(values as ArrayLike<number>).sort();
  const tiers: TierKey[] = new Array<TierKey>(count);
  for (let index = 0; index < count; index++) {
    const value = values[index] as number;
    if (value <= 0) {
      tiers[index] = 'lead';
      continue;
    }
    let low = 0;
    let high = count;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((sorted[middle] as number) <= value) low = middle + 1;
      else high = middle;
    }
    const share = (count - low) / count;
    tiers[index] = share < 0.2 ? 'platinum' : share < 0.5 ? 'gold' : share < 0.8 ? 'iron' : 'lead';
  }
  return tiers;
}

/** The median of a list (mean of the two middle values for an even count). */
export function median(values: ArrayLike<number>): number {
  if (values.length === 0) throw new AnalyticsError('EMPTY_INPUT', 'The median of an empty list is not defined.');
  const sorted = Float64Array.from(values as ArrayLike<number>).sort();
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/**
 * Customer value matrix (DOMAIN §4, §7.7): current value × potential value, each "high" when it is above its
 * threshold (default: its median; strictly above, so with many zeros the zeros are low). High/high Platinum
 * (pursue), low current/high potential Gold (target), high current/low potential Iron (maintain), low/low
 * Lead (give up).
 *
 * Cost O(N log N) for the medians.
 * @throws AnalyticsError SHAPE_MISMATCH when the lists differ in length; BAD_NUMBER for a non-finite value.
 * @example
 * valueMatrixTiers([10, 10, 1, 1], [10, 1, 10, 1]) // => ['platinum', 'iron', 'gold', 'lead']
 */
export function valueMatrixTiers(
  current: ArrayLike<number>,
  potential: ArrayLike<number>,
  thresholds: { current?: number; potential?: number } = {},
): TierKey[] {
  if (current.length !== potential.length) {
    throw new AnalyticsError(
      'SHAPE_MISMATCH',
      `Current values (${current.length}) and potential values (${potential.length}) differ in length.`,
    );
  }
  checkValues(current, 'Current value');
  checkValues(potential, 'Potential value');
  if (current.length === 0) return [];
  const currentCut = thresholds.current ?? median(current);
  const potentialCut = thresholds.potential ?? median(potential);
  const tiers: TierKey[] = [];
  for (let index = 0; index < current.length; index++) {
    const highCurrent = (current[index] as number) > currentCut;
    const highPotential = (potential[index] as number) > potentialCut;
    tiers.push(highCurrent ? (highPotential ? 'platinum' : 'iron') : highPotential ? 'gold' : 'lead');
  }
  return tiers;
}

/**
 * ABC classes (Pareto; DOMAIN §7.7): customers sorted by value descending; A while the cumulative share of
 * value before the customer is < 80 %, B while < 95 %, C for the rest. Tied customers share the class of the
 * first of them, so row order never matters; customers with value ≤ 0 are C. Shares are of the total
 * positive value.
 *
 * Cost O(N log N).
 * @throws AnalyticsError BAD_NUMBER for a non-finite value.
 * @example
 * abcClasses([50, 30, 10, 5, 5]) // => ['A', 'A', 'B', 'B', 'B']
 */
export function abcClasses(values: ArrayLike<number>, limits: { a?: number; b?: number } = {}): TierKey[] {
  checkValues(values, 'Value');
  const limitA = limits.a ?? 0.8;
  const limitB = limits.b ?? 0.95;
  const count = values.length;
  const order = Array.from({ length: count }, (_, index) => index).sort(
    (left, right) => (values[right] as number) - (values[left] as number),
  );
  let total = 0;
  for (let index = 0; index < count; index++) total += Math.max(0, values[index] as number);
  const classes: TierKey[] = new Array<TierKey>(count).fill('C');
  let before = 0;
  let groupClass: TierKey = 'A';
  let previous = Number.NaN;
  for (const index of order) {
    const value = values[index] as number;
    if (value <= 0 || total <= 0) break;
    if (value !== previous) {
      const share = before / total;
      groupClass = share < limitA ? 'A' : share < limitB ? 'B' : 'C';
      previous = value;
    }
    classes[index] = groupClass;
    before += value;
  }
  return classes;
}
