import { AnalyticsError } from './errors';
import type { Label, SegmentKey } from './labels';

/**
 * The default R × F map of DOMAIN §7.4, rows R = 5 … 1, columns F = 1 … 5.
 */
const DEFAULT_MAP: readonly (readonly SegmentKey[])[] = [
  ['newCustomers', 'potentialLoyalists', 'potentialLoyalists', 'champions', 'champions'],
  ['promising', 'potentialLoyalists', 'potentialLoyalists', 'loyalCustomers', 'loyalCustomers'],
  ['aboutToSleep', 'aboutToSleep', 'needAttention', 'loyalCustomers', 'loyalCustomers'],
  ['hibernating', 'hibernating', 'atRisk', 'atRisk', 'cantLoseThem'],
  ['hibernating', 'hibernating', 'atRisk', 'atRisk', 'cantLoseThem'],
];

/** A score on `bins` levels brought to the 5 levels of the default map: ceil(score × 5 / bins). */
function toFiveLevels(score: number, bins: number): number {
  return Math.min(5, Math.max(1, Math.ceil((score * 5) / bins)));
}

function checkScore(name: string, score: number, bins: number): void {
  if (!Number.isInteger(score) || score < 1 || score > bins) {
    throw new AnalyticsError('OUT_OF_RANGE', `The ${name} must be a whole number from 1 to ${bins}, got ${score}.`, {
      argument: name,
    });
  }
}

/**
 * The segment of a customer by the default R × F map of DOMAIN §7.4. Scores on other than 5 bins are first
 * brought to 5 levels with ceil(score × 5 / bins), so 10 bins map 9–10 → 5, 7–8 → 4 and so on.
 *
 * Cost O(1).
 * @throws AnalyticsError OUT_OF_RANGE when a score is outside 1 … bins.
 * @example
 * defaultSegment(5, 4) // => 'champions'
 */
export function defaultSegment(recencyScore: number, frequencyScore: number, bins = 5): SegmentKey {
  checkScore('recency score', recencyScore, bins);
  checkScore('frequency score', frequencyScore, bins);
  const row = DEFAULT_MAP[5 - toFiveLevels(recencyScore, bins)] as readonly SegmentKey[];
  return row[toFiveLevels(frequencyScore, bins) - 1] as SegmentKey;
}

/** One rule of a range grid: inclusive [low, high] ranges on R, F and M scores (a missing range matches all). */
export interface SegmentRule {
  key: string;
  label?: Label;
  recency?: readonly [number, number];
  frequency?: readonly [number, number];
  monetary?: readonly [number, number];
}

/**
 * The grid of the R package `rfm` (Aravind Hebbali; the example of `rfm_segment()`), on 5-level scores: ranges on
 * R, F and M, the first matching rule wins, else "Others".
 */
export const RFM_PACKAGE_GRID: readonly SegmentRule[] = Object.freeze([
  { key: 'champions', recency: [4, 5], frequency: [4, 5], monetary: [4, 5] },
  { key: 'loyalCustomers', recency: [2, 5], frequency: [3, 5], monetary: [3, 5] },
  { key: 'potentialLoyalists', recency: [3, 5], frequency: [1, 3], monetary: [1, 3] },
  { key: 'newCustomers', recency: [4, 5], frequency: [1, 1], monetary: [1, 1] },
  { key: 'promising', recency: [3, 4], frequency: [1, 1], monetary: [1, 1] },
  { key: 'needAttention', recency: [2, 3], frequency: [2, 3], monetary: [2, 3] },
  { key: 'aboutToSleep', recency: [2, 3], frequency: [1, 2], monetary: [1, 2] },
  { key: 'atRisk', recency: [1, 2], frequency: [2, 5], monetary: [2, 5] },
  { key: 'cantLoseThem', recency: [1, 1], frequency: [4, 5], monetary: [4, 5] },
  { key: 'lost', recency: [1, 2], frequency: [1, 2], monetary: [1, 2] },
] satisfies SegmentRule[]);

function inRange(score: number, range: readonly [number, number] | undefined): boolean {
  return range === undefined || (score >= range[0] && score <= range[1]);
}

/**
 * The first rule whose R, F and M ranges all contain the scores, or "others" (in the style of the R package
 * `rfm`). Use {@link RFM_PACKAGE_GRID} or your own rules; rule ranges are inclusive.
 *
 * Cost O(rules).
 * @example
 * gridSegment(5, 5, 5, RFM_PACKAGE_GRID) // => 'champions'
 * gridSegment(1, 3, 1, RFM_PACKAGE_GRID) // => 'others'
 */
export function gridSegment(
  recencyScore: number,
  frequencyScore: number,
  monetaryScore: number,
  rules: readonly SegmentRule[] = RFM_PACKAGE_GRID,
): string {
  for (const rule of rules) {
    if (
      inRange(recencyScore, rule.recency) &&
      inRange(frequencyScore, rule.frequency) &&
      inRange(monetaryScore, rule.monetary)
    ) {
      return rule.key;
    }
  }
  return 'others';
}
