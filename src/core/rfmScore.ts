import { AnalyticsError } from './errors';
import { checkNumberOption } from './optionTable';
import { coreWarning, type CoreWarning } from './warnings';

// Globals read once: the functions runtime may run this in a vm-like context where each global lookup is slow,
// and RFM_SCORE_CUTS calls these per row.
const isFiniteNumber = Number.isFinite;
const round = Math.round;

/** Which way is better: more (frequency, money) or less (recency in days). */
export type ScoreDirection = 'higherIsBetter' | 'lowerIsBetter';

/**
 * Rounds money to 6 decimal places so that equal totals summed in another order still tie (DOMAIN §7.3), half
 * away from zero as SQL's ROUND on decimals does (docs/warehouse.md), so −0.0000005 and 0.0000005 round alike.
 *
 * @example
 * roundMoney(0.1 + 0.2) // => 0.3
 */
export function roundMoney(value: number): number {
  return value < 0 ? -round(-value * 1e6) / 1e6 : round(value * 1e6) / 1e6;
}

/**
 * Checks a bin count: an integer from 2 to 10.
 *
 * @throws AnalyticsError OUT_OF_RANGE
 */
export function checkBins(bins: number): number {
  return checkNumberOption('bins', bins);
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
 * the rule would give bins + 1, which is not a score. When the population has one distinct value (everyone
 * tied, or a single customer), that value scores `bins`: see {@link rfmScores}.
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
  // One distinct value (all tied, or one customer): nobody is worse than anybody, and the rule would rank them
  // all worst. They share the top score instead, as tied customers share the higher value tier (DOMAIN §7.7).
  if (sortedPopulation[0] === sortedPopulation[count - 1] && value === sortedPopulation[0]) return bins;
  const worse =
    direction === 'higherIsBetter' ? lowerBound(sortedPopulation, value) : count - upperBound(sortedPopulation, value);
  return Math.min(bins, 1 + Math.floor((bins * worse) / count));
}

/**
 * The strict cuts that reproduce the COUNTIF rule of DOMAIN §7.3 for any value, in the population or not:
 * `cuts[k − 2]` for each score k = 2 … bins, such that
 *
 * - higher is better (frequency, money): score ≥ k ⟺ value > cuts[k − 2] (cuts ascending);
 * - lower is better (recency days): score ≥ k ⟺ value < cuts[k − 2] (cuts descending).
 *
 * Why it is exact: with N values and m_k = ceil((k − 1)·N / bins), `1 + floor(bins·L/N) ≥ k` ⟺ L ≥ m_k for
 * a whole L. When higher is better L = #{population < value}, and at least m_k values lie below `value` ⟺
 * the m_k-th smallest does: value > sorted[m_k − 1]. When lower is better L = #{population > value} ⟺
 * value < sorted[N − m_k]. Ties need nothing special (a strict comparison with a population value); when
 * N < bins some cuts repeat and some scores are skipped, as in the rule. 1 ≤ m_k ≤ N, so every cut is a
 * population value and never missing. Score a value with {@link scoreAgainstCuts}: O(bins) instead of a
 * search of the population, and the cuts are all a per-row formula needs to carry.
 *
 * Example, N = 8, bins = 5: m = 2, 4, 5, 7. Frequencies 1, 1, 2, 3, 4, 4, 7, 10 (sorted) give the cuts
 * sorted[1, 3, 4, 6] = 1, 3, 4, 7, so frequency 4 scores 1 + #{4 > 1, 4 > 3} = 3, as COUNTIF does:
 * L = 4 values below 4, 1 + INT(5 × 4 / 8) = 3. Recencies 5, 12, 30, 30, 45, 90, 200, 365 give
 * sorted[6, 4, 3, 1] = 200, 45, 30, 12: 30 days scores 1 + #{30 < 200, 30 < 45} = 3.
 *
 * Cost O(bins); the population must be sorted ascending (and money rounded with {@link roundMoney}).
 * @throws AnalyticsError OUT_OF_RANGE for bins outside 2 … 10; EMPTY_INPUT for an empty population;
 *   BAD_ARGUMENT for a population with one distinct value.
 * @example
 * scoreCuts(Float64Array.of(1, 1, 2, 3, 4, 4, 7, 10), 5, 'higherIsBetter') // => [1, 3, 4, 7]
 */
export function scoreCuts(sortedPopulation: ArrayLike<number>, bins: number, direction: ScoreDirection): number[] {
  checkBins(bins);
  const count = sortedPopulation.length;
  if (count === 0) throw new AnalyticsError('EMPTY_INPUT', 'The population to cut is empty.');
  if (sortedPopulation[0] === sortedPopulation[count - 1]) {
    // Strict cuts cannot express "the one value scores bins" (see rfmScores); refuse rather than disagree.
    throw new AnalyticsError(
      'BAD_ARGUMENT',
      `Every value of the population is ${String(sortedPopulation[0])}: one value cannot be cut into scores. ` +
        'Score against the population itself (CRM.RFM_SCORE), where tied customers share the top score.',
    );
  }
  const cuts: number[] = [];
  for (let score = 2; score <= bins; score++) {
    // m_k. Exact: a quotient of whole numbers this small cannot round across a whole number before ceil.
    const worse = Math.ceil(((score - 1) * count) / bins);
    cuts.push(
      (direction === 'higherIsBetter' ? sortedPopulation[worse - 1] : sortedPopulation[count - worse]) as number,
    );
  }
  return cuts;
}

/**
 * Checks cuts before scoring with them: 1 to 9 finite numbers (bins − 1), ascending when higher is better
 * and descending when lower is better (equal neighbours allowed: tied cuts skip a score). `label` names them
 * in the message, e.g. "cuts, frequency column".
 *
 * Cost O(cuts).
 * @throws AnalyticsError BAD_ARGUMENT saying which cut is out of order.
 */
export function checkScoreCuts(cuts: readonly number[], direction: ScoreDirection, label = 'cuts'): void {
  if (cuts.length < 1 || cuts.length > 9) {
    throw new AnalyticsError('BAD_ARGUMENT', `${label}: give 1 to 9 cuts (bins − 1), got ${cuts.length}.`, {
      argument: 'cuts',
    });
  }
  for (let index = 0; index < cuts.length; index++) {
    const cut = cuts[index] as number;
    if (!isFiniteNumber(cut)) {
      throw new AnalyticsError('BAD_ARGUMENT', `${label}: the cut for score ${index + 2} is not a number.`, {
        argument: 'cuts',
      });
    }
    const previous = cuts[index - 1];
    if (previous !== undefined && (direction === 'higherIsBetter' ? cut < previous : cut > previous)) {
      const order = direction === 'higherIsBetter' ? 'must not decrease' : 'must not increase';
      throw new AnalyticsError(
        'BAD_ARGUMENT',
        `${label}: the cut for score ${index + 2} (${cut}) is out of order after ${previous}; they ${order} from score 2 to ${cuts.length + 1}.`,
        { argument: 'cuts' },
      );
    }
  }
}

/**
 * Scores a value with the strict cuts of {@link scoreCuts}: `1 + #{k : value > cut_k}` when higher is
 * better, `1 + #{k : value < cut_k}` when lower is better, so bins = cuts + 1. Equal to
 * {@link scoreAgainstSorted} against the population the cuts came from, for every value. Round money with
 * {@link roundMoney} first, as the cuts were.
 *
 * Cost O(bins).
 * @throws AnalyticsError BAD_ARGUMENT for cuts that {@link checkScoreCuts} refuses (`label` names them).
 * @example
 * scoreAgainstCuts(30, [200, 45, 30, 12], 'lowerIsBetter') // => 3
 */
export function scoreAgainstCuts(
  value: number,
  cuts: readonly number[],
  direction: ScoreDirection,
  label = 'cuts',
): number {
  checkScoreCuts(cuts, direction, label);
  let score = 1;
  for (const cut of cuts) {
    if (direction === 'higherIsBetter' ? value > cut : value < cut) score += 1;
  }
  return score;
}

/** Scores of a population and the cut points that produced them. */
export interface ScoreResult {
  scores: Int32Array;
  /**
   * cutPoints[s − 2] = the least favourable value in the data that still scores ≥ s (s = 2 … bins), or null
   * when no customer reaches s. For 'higherIsBetter' the smallest such value, for 'lowerIsBetter' the largest.
   * These describe the data (the run information shows them); to score values outside it, use the strict
   * cuts of {@link scoreCuts}, which these are derived from.
   */
  cutPoints: (number | null)[];
  /** How many distinct values the population has; fewer than bins means tied customers and unused scores. */
  distinctValues: number;
}

/**
 * Scores every value of a population into 1 … bins by the COUNTIF rule of DOMAIN §7.3, so ties share a
 * score and row order never matters: `score = 1 + floor(bins × L / N)` with L the number of values strictly
 * worse (smaller when higher is better, larger when lower is better). Equivalent Excel:
 * `=1+INT(5*COUNTIF(M_range,"<"&M)/COUNT(M_range))`. Round money with {@link roundMoney} first.
 *
 * Fewer distinct values than bins: tied customers share a score and some scores are not used
 * ({@link tieWarning} says so). One distinct value (everyone tied, or a single customer) is the exception: the
 * rule would rank everyone worst though nobody is worse than anybody, so everyone gets `bins`, the same
 * convention as value tiers, where ties share the higher tier; ten identical customers are then 555 and
 * Platinum, never 111 and Platinum.
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
  if (count === 0) return { scores, cutPoints: new Array<null>(bins - 1).fill(null), distinctValues: 0 };
  let distinctValues = 1;
  for (let index = 1; index < count; index++) if (sorted[index] !== sorted[index - 1]) distinctValues += 1;
  if (distinctValues === 1) {
    // Everyone scores bins: the one value is the least favourable value of every score from 2 up.
    return { scores, cutPoints: new Array<number>(bins - 1).fill(sorted[0] as number), distinctValues };
  }
  // The least favourable value in the data beyond each strict cut: the next distinct value past it.
  const cutPoints = scoreCuts(sorted, bins, direction).map((cut) => {
    const next = direction === 'higherIsBetter' ? upperBound(sorted, cut) : lowerBound(sorted, cut) - 1;
    return next >= 0 && next < count ? (sorted[next] as number) : null;
  });
  return { scores, cutPoints, distinctValues };
}

/**
 * The warning every entry point shows when a dimension cannot use all its scores: fewer distinct values than
 * bins. With one distinct value everyone gets the top score; otherwise tied customers share a score and some
 * scores stay unused. Null when the dimension has at least `bins` distinct values.
 * @example
 * tieWarning('frequency', 1, 5)?.code // => 'scoreTies'
 * tieWarning('frequency', 5, 5) // => null
 */
export function tieWarning(
  dimension: 'recency' | 'frequency' | 'monetary',
  distinctValues: number,
  bins: number,
): CoreWarning | null {
  if (distinctValues === 0 || distinctValues >= bins) return null;
  return coreWarning('scoreTies', { dimension, distinctValues, bins });
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
