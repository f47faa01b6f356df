import { AnalyticsError } from './errors';

/** One experience factor of the gap analysis (DOMAIN §5), scores e.g. on 1–10. */
export interface ExperienceFactor {
  name: string;
  experience: number;
  expectation?: number;
  importance?: number;
  ideal?: number;
}

/** The analysis of one factor; a measure is null when its input score was not given. */
export interface ExperienceFactorResult {
  name: string;
  /** experience − expectation (满意度 = 体验 − 期望). */
  satisfaction: number | null;
  /** importance × satisfaction. */
  weightedSatisfaction: number | null;
  /** experience − ideal (体验差距). */
  gap: number | null;
}

/**
 * Customer-experience gap analysis (seed 001, DOMAIN §5): per factor, satisfaction = experience −
 * expectation, weighted satisfaction = importance × satisfaction, and experience gap = experience − ideal;
 * the key experience is the factor with the highest importance.
 *
 * Cost O(factors).
 * @throws AnalyticsError BAD_NUMBER for a non-numeric score; EMPTY_INPUT without factors.
 * @example
 * experienceGap([{ name: 'convenience', experience: 5, expectation: 7, importance: 9, ideal: 10 }]).factors[0].gap
 * // => -5
 */
export function experienceGap(factors: readonly ExperienceFactor[]): {
  factors: ExperienceFactorResult[];
  keyExperience: string | null;
} {
  if (factors.length === 0) throw new AnalyticsError('EMPTY_INPUT', 'Give at least one experience factor.');
  let keyExperience: string | null = null;
  let highestImportance = -Infinity;
  const results = factors.map((factor, index) => {
    for (const field of ['experience', 'expectation', 'importance', 'ideal'] as const) {
      const value = factor[field];
      if (value !== undefined && !Number.isFinite(value)) {
        throw new AnalyticsError('BAD_NUMBER', `The ${field} of "${factor.name}" is not a number.`, {
          row: index + 1,
          column: field,
        });
      }
    }
    const satisfaction = factor.expectation === undefined ? null : factor.experience - factor.expectation;
    if (factor.importance !== undefined && factor.importance > highestImportance) {
      highestImportance = factor.importance;
      keyExperience = factor.name;
    }
    return {
      name: factor.name,
      satisfaction,
      weightedSatisfaction:
        satisfaction === null || factor.importance === undefined ? null : factor.importance * satisfaction,
      gap: factor.ideal === undefined ? null : factor.experience - factor.ideal,
    };
  });
  return { factors: results, keyExperience };
}

/**
 * Customer delivered value (Kotler; DOMAIN §1): total customer value minus total customer cost
 * (`'difference'`, TCDV = TCV − TCC) or their ratio (`'ratio'`, TCV / TCC).
 *
 * Cost O(1).
 * @throws AnalyticsError BAD_NUMBER for non-numbers; OUT_OF_RANGE for a ratio with TCC ≤ 0.
 * @example
 * deliveredValue(120, 80) // => 40
 * deliveredValue(120, 80, 'ratio') // => 1.5
 */
export function deliveredValue(
  totalCustomerValue: number,
  totalCustomerCost: number,
  mode: 'difference' | 'ratio' = 'difference',
): number {
  if (!Number.isFinite(totalCustomerValue) || !Number.isFinite(totalCustomerCost)) {
    throw new AnalyticsError('BAD_NUMBER', 'Total customer value and cost must be numbers.');
  }
  if (mode === 'difference') return totalCustomerValue - totalCustomerCost;
  if (totalCustomerCost <= 0) {
    throw new AnalyticsError('OUT_OF_RANGE', 'The ratio needs a total customer cost > 0.', {
      argument: 'totalCustomerCost',
    });
  }
  return totalCustomerValue / totalCustomerCost;
}
