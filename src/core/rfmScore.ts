import { AnalyticsError } from './errors';

/** Which way is better: more (frequency, money) or less (recency in days). */
export type ScoreDirection = 'higherIsBetter' | 'lowerIsBetter';

/**
 * Rounds money to 6 decimal places so that equal totals summed in another order still tie (DOMAIN §7.3).
 *
 * @example
 * roundMoney(0.1 + 0.2) // => 0.3
 */
export function roundMoney(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/**
 * Checks a bin count: an integer from 2 to 10.
 *
 * @throws AnalyticsError OUT_OF_RANGE
 */
export function checkBins(bins: number): number {
  if (!Number.isInteger(bins) || bins < 2 || bins > 10) {
    throw new AnalyticsError('OUT_OF_RANGE', `bins must be a whole number from 2 to 10, got ${bins}.`, {
      argument: 'bins',
    });
  }
  return bins;
}

/** First index in an ascending array whose element is ≥ value (binary search). */
function lowerBound(sorted: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as number) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** First index in an ascending array whose element is > value (binary search). */
function upperBound(sorted: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as number) <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Scores one value against a population sorted ascending, with the COUNTIF rule of DOMAIN §7.3:
 * `1 + floor(bins × L / N)`, L = number of population members strictly worse than the value. Use it when
 * many single values are scored against the same population (a custom function called once per row): sort
 * once, then each call is a binary search. The population must already be rounded the same way as the value.
 * A value better than every member (L = N, possible only for a value outside the population) scores `bins`:
 * the rule would give bins + 1, which is not a score.
 *
 * Cost O(log N).
 * @throws AnalyticsError EMPTY_INPUT for an empty population.
 * @example
 * scoreAgainstSorted(30, Float64Array.of(10, 20, 30, 40, 50), 5, 'higherIsBetter') // => 3
 */
export function scoreAgainstSorted(
  value: number,
  sortedPopulation: ArrayLike<number>,
  bins: number,
  direction: ScoreDirection,
): number {
  const count = sortedPopulation.length;
  if (count === 0) throw new AnalyticsError('EMPTY_INPUT', 'The population to score against is empty.');
  const worse =
    direction === 'higherIsBetter' ? lowerBound(sortedPopulation, value) : count - upperBound(sortedPopulation, value);
  return Math.min(bins, 1 + Math.floor((bins * worse) / count));
}

/** Scores of a population and the cut points that produced them. */
export interface ScoreResult {
  scores: Int32Array;
  /**
   * cutPoints[s − 2] = the least favourable value in the data that still scores ≥ s (s = 2 … bins), or null
   * when no customer reaches s. For 'higherIsBetter' the smallest such value, for 'lowerIsBetter' the largest.
   */
  cutPoints: (number | null)[];
}

/**
 * Scores every value of a population into 1 … bins by the COUNTIF rule of DOMAIN §7.3, so ties share a
 * score and row order never matters: `score = 1 + floor(bins × L / N)` with L the number of values strictly
 * worse (smaller when higher is better, larger when lower is better). Equivalent Excel:
 * `=1+INT(5*COUNTIF(M_range,"<"&M)/COUNT(M_range))`. Round money with {@link roundMoney} first.
 *
 * Cost O(N log N) (one sort, one binary search per value).
 * @throws AnalyticsError OUT_OF_RANGE for bins outside 2 … 10; BAD_NUMBER for a non-finite value.
 * @example
 * Array.from(rfmScores([10, 20, 20, 40], 5, 'higherIsBetter').scores) // => [1, 2, 2, 4]
 */
export function rfmScores(values: ArrayLike<number>, bins: number, direction: ScoreDirection): ScoreResult {
  checkBins(bins);
  const count = values.length;
  const sorted = new Float64Array(count);
  for (let index = 0; index < count; index++) {
    const value = values[index] as number;
    if (!Number.isFinite(value)) {
      throw new AnalyticsError('BAD_NUMBER', `Value ${index + 1} is not a finite number: ${value}.`, {
        row: index + 1,
      });
    }
    sorted[index] = value;
  }
  sorted.sort();
  const scores = new Int32Array(count);
  for (let index = 0; index < count; index++) {
    scores[index] = scoreAgainstSorted(values[index] as number, sorted, bins, direction);
  }
  const cutPoints: (number | null)[] = [];
  for (let score = 2; score <= bins; score++) {
    // Smallest L with 1 + floor(bins·L/N) ≥ score is L = ceil((score − 1)·N / bins).
    const worse = Math.ceil(((score - 1) * count) / bins);
    if (worse >= count) {
      cutPoints.push(null);
      continue;
    }
    // The least favourable value with at least `worse` values strictly worse than it.
    const candidate =
      direction === 'higherIsBetter' ? (sorted[worse] as number) : (sorted[count - 1 - worse] as number);
    const reached = scoreAgainstSorted(candidate, sorted, bins, direction) >= score;
    let cut: number | null = reached ? candidate : null;
    if (!reached) {
      // The value sits in a tie that starts below `worse`: the next distinct value reaches the score.
      const next = direction === 'higherIsBetter' ? upperBound(sorted, candidate) : lowerBound(sorted, candidate) - 1;
      cut = next >= 0 && next < count ? (sorted[next] as number) : null;
    }
    cutPoints.push(cut);
  }
  return { scores, cutPoints };
}

/**
 * Scores a value against fixed business thresholds instead of the data's own distribution. `thresholds` are
 * ascending, `bins − 1` of them. When higher is better the score is 1 + the number of thresholds ≤ value
 * (frequency thresholds [2, 3, 5, 10]: 1 purchase → 1, 2 → 2, 12 → 5); when lower is better it is 1 + the
 * number of thresholds ≥ value (recency thresholds [30, 90, 180, 365] days: 20 days → 5, 400 → 1).
 *
 * Cost O(thresholds).
 * @throws AnalyticsError BAD_ARGUMENT when thresholds are not ascending numbers or not 1 … 9 of them.
 * @example
 * fixedThresholdScore(45, [30, 90, 180, 365], 'lowerIsBetter') // => 4
 */
export function fixedThresholdScore(value: number, thresholds: readonly number[], direction: ScoreDirection): number {
  if (thresholds.length < 1 || thresholds.length > 9) {
    throw new AnalyticsError('BAD_ARGUMENT', `Give 1 to 9 thresholds (bins − 1), got ${thresholds.length}.`, {
      argument: 'thresholds',
    });
  }
  for (let index = 0; index < thresholds.length; index++) {
    const threshold = thresholds[index] as number;
    if (!Number.isFinite(threshold) || (index > 0 && threshold <= (thresholds[index - 1] as number))) {
      throw new AnalyticsError('BAD_ARGUMENT', 'Thresholds must be numbers in strictly ascending order.', {
        argument: 'thresholds',
      });
    }
  }
  let score = 1;
  for (const threshold of thresholds) {
    if (direction === 'higherIsBetter' ? threshold <= value : threshold >= value) score += 1;
  }
  return score;
}

/**
 * The RFM code `100R + 10F + M` (DOMAIN §7.3).
 *
 * @example
 * rfmCode(5, 4, 5) // => 545
 */
export function rfmCode(recencyScore: number, frequencyScore: number, monetaryScore: number): number {
  return 100 * recencyScore + 10 * frequencyScore + monetaryScore;
}
