import { AnalyticsError } from '../errors';
import type { SbgParams } from './types';

function checkParams(params: SbgParams): void {
  const { alpha, beta } = params;
  if (!(alpha > 0) || !(beta > 0) || !Number.isFinite(alpha) || !Number.isFinite(beta)) {
    throw new AnalyticsError(
      'OUT_OF_RANGE',
      `sBG parameters must be numbers > 0, got alpha = ${alpha}, beta = ${beta}.`,
      {
        argument: 'params',
      },
    );
  }
}

function checkPeriod(t: number, min: number): void {
  if (!Number.isInteger(t) || t < min) {
    throw new AnalyticsError('OUT_OF_RANGE', `t must be a whole number ≥ ${min}, got ${t}.`, { argument: 't' });
  }
}

/**
 * The sBG survival function S(t) = B(α, β + t) / B(α, β): the share of a cohort still a customer after t
 * renewal opportunities (S(0) = 1). Computed by the product S(t) = Π_{i=1..t} r(i), which equals the beta-function
 * ratio and never overflows (Fader & Hardie 2007, eqs. 2–3).
 *
 * Cost O(t).
 * @throws AnalyticsError OUT_OF_RANGE for α or β ≤ 0, or t not a whole number ≥ 0.
 * @example
 * sbgSurvival({ alpha: 0.668, beta: 3.806 }, 1); // => 0.8507 (= 3.806 / 4.474)
 */
export function sbgSurvival(params: SbgParams, t: number): number {
  checkParams(params);
  checkPeriod(t, 0);
  let survival = 1;
  for (let i = 1; i <= t; i++) survival *= retentionAt(params, i);
  return survival;
}

function retentionAt(params: SbgParams, t: number): number {
  return (params.beta + t - 1) / (params.alpha + params.beta + t - 1);
}

/**
 * The sBG retention rate of period t, r(t) = S(t) / S(t − 1) = (β + t − 1) / (α + β + t − 1): the share of the
 * customers alive at t − 1 who renew at t. It rises with t because the customers likely to churn leave first
 * (Fader & Hardie 2007, eq. 4).
 *
 * Cost O(1).
 * @throws AnalyticsError OUT_OF_RANGE for α or β ≤ 0, or t not a whole number ≥ 1.
 * @example
 * sbgRetention({ alpha: 0.668, beta: 3.806 }, 8); // => 0.9418 (= 10.806 / 11.474)
 */
export function sbgRetention(params: SbgParams, t: number): number {
  checkParams(params);
  checkPeriod(t, 1);
  return retentionAt(params, t);
}

/**
 * The sBG probability that a new customer churns at period t, P(T = t) = B(α + 1, β + t − 1) / B(α, β) =
 * S(t − 1) − S(t) (Fader & Hardie 2007, eq. 1).
 *
 * Cost O(t).
 * @throws AnalyticsError OUT_OF_RANGE for α or β ≤ 0, or t not a whole number ≥ 1.
 * @example
 * sbgChurnProbability({ alpha: 0.668, beta: 3.806 }, 1); // => 0.1493 (= 0.668 / 4.474)
 */
export function sbgChurnProbability(params: SbgParams, t: number): number {
  checkParams(params);
  checkPeriod(t, 1);
  // S(t − 1) · (1 − r(t)): a product of positive factors, no cancellation.
  const previous = sbgSurvival(params, t - 1);
  return (previous * params.alpha) / (params.alpha + params.beta + t - 1);
}

export { checkParams as checkSbgParams };
