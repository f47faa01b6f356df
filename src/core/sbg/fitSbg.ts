import digamma from '@stdlib/math-base-special-digamma';
import gammaln from '@stdlib/math-base-special-gammaln';
import { fitByMaximumLikelihood } from '../btyd/fitByMaximumLikelihood';
import type { ObjectiveWithGradient } from '../btyd/minimizeBfgs';
import { AnalyticsError } from '../errors';
import type { SbgModel } from './types';
import { coreWarning, NO_PARAMS, type CoreWarning } from '../warnings';

/**
 * The pooled counts of a set of survivor series: `lost[t]` customers churned at period t (t = 1…n) and `censored[t]`
 * customers still alive when their cohort's observation ended at age t. Cohorts of different ages pool into these
 * two columns because their likelihoods add (Fader & Hardie 2007, §4; DOMAIN §7.8).
 */
interface PooledCounts {
  lost: Float64Array;
  censored: Float64Array;
  customers: number;
  periods: number;
}

function cohortName(index: number, count: number): string {
  return count === 1 ? 'The survivor series' : `Cohort ${index + 1}`;
}

function poolCohorts(cohorts: readonly (readonly number[])[]): PooledCounts {
  if (cohorts.length === 0) {
    throw new AnalyticsError('EMPTY_INPUT', 'Give at least one survivor series: customers alive at periods 0, 1, 2, …');
  }
  let periods = 0;
  for (const cohort of cohorts) periods = Math.max(periods, cohort.length - 1);
  const lost = new Float64Array(periods + 1);
  const censored = new Float64Array(periods + 1);
  let customers = 0;
  cohorts.forEach((cohort, index) => {
    const name = cohortName(index, cohorts.length);
    cohort.forEach((alive, t) => {
      if (!Number.isFinite(alive) || alive < 0) {
        throw new AnalyticsError('BAD_NUMBER', `${name}: period ${t} has ${alive} customers; give a count ≥ 0.`, {
          argument: 'survivors',
          row: index + 1,
        });
      }
      const before = cohort[t - 1];
      if (before !== undefined && alive > before) {
        throw new AnalyticsError(
          'OUT_OF_RANGE',
          `${name}: ${alive} customers alive at period ${t} but only ${before} at period ${t - 1}. In a contract ` +
            'setting a lost customer does not come back, so the series cannot rise; use the BG/NBD for retail data.',
          { argument: 'survivors', row: index + 1 },
        );
      }
      if (before !== undefined) lost[t] = (lost[t] as number) + before - alive;
    });
    const size = cohort[0];
    if (size === undefined) return;
    customers += size;
    const age = cohort.length - 1;
    censored[age] = (censored[age] as number) + (cohort[age] as number);
  });
  let informative = 0;
  for (let t = 1; t <= periods; t++) informative += (lost[t] as number) + (censored[t] as number);
  if (customers <= 0 || informative <= 0) {
    throw new AnalyticsError(
      'EMPTY_INPUT',
      'No cohort was observed past period 0: give each survivor series from period 0 (the cohort size) onwards, with at least two periods.',
      { argument: 'survivors' },
    );
  }
  let anyLost = 0;
  for (let t = 1; t <= periods; t++) anyLost += lost[t] as number;
  if (anyLost === 0) {
    throw new AnalyticsError(
      'FLAT_LIKELIHOOD',
      'No customer was lost in any period: the data cannot tell how fast customers churn. Wait for more renewals.',
      { argument: 'survivors' },
    );
  }
  return { lost, censored, customers, periods };
}

/**
 * The mean negative sBG log-likelihood and its analytic gradient in log-parameters (Fader & Hardie 2007, eq. 5):
 * ℓ = Σ_t lost_t · ln P(T = t) + Σ_t censored_t · ln S(t), with ln P(T = t) = lnB(α+1, β+t−1) − lnB(α, β) and
 * ln S(t) = lnB(α, β+t) − lnB(α, β).
 */
function sbgObjective(counts: PooledCounts): ObjectiveWithGradient {
  const { lost, censored, customers, periods } = counts;
  return (logParams, gradient) => {
    const alpha = Math.exp(logParams[0] ?? 0);
    const beta = Math.exp(logParams[1] ?? 0);
    const lnBase = gammaln(alpha + beta) - gammaln(alpha) - gammaln(beta);
    const psiAB = digamma(alpha + beta);
    const psiA = digamma(alpha);
    const psiB = digamma(beta);
    let ll = 0;
    let gAlpha = 0;
    let gBeta = 0;
    for (let t = 1; t <= periods; t++) {
      const l = lost[t] as number;
      const c = censored[t] as number;
      const lnTotal = gammaln(alpha + beta + t);
      const psiTotal = digamma(alpha + beta + t);
      if (l > 0) {
        ll += l * (lnBase + gammaln(alpha + 1) + gammaln(beta + t - 1) - lnTotal);
        gAlpha += l * (digamma(alpha + 1) - psiTotal - psiA + psiAB);
        gBeta += l * (digamma(beta + t - 1) - psiTotal - psiB + psiAB);
      }
      if (c > 0) {
        ll += c * (lnBase + gammaln(alpha) + gammaln(beta + t) - lnTotal);
        gAlpha += c * (psiAB - psiTotal);
        gBeta += c * (digamma(beta + t) - psiTotal - psiB + psiAB);
      }
    }
    gradient[0] = (-alpha * gAlpha) / customers;
    gradient[1] = (-beta * gBeta) / customers;
    return -ll / customers;
  };
}

/**
 * Fits the shifted-beta-geometric (sBG) model of contractual retention by maximum likelihood (Fader & Hardie 2007,
 * "How to project customer retention", J. Interactive Marketing 21(1)). Each survivor series is one cohort: the
 * number of customers alive at periods 0 (the cohort size), 1, 2, … up to its age; a single series is a single
 * cohort, several series of different lengths (the rows of a cohort triangle) are pooled, each right-censored at its
 * own age. Counts, not shares: the standard errors depend on how many customers there are.
 *
 * BFGS on log-parameters from three starts, standard errors from the Hessian by the delta method (as the BTYD
 * models). On the paper's "high end" series 1000, 869, 743, 653, 593, 551, 517, 491 it gives α = 0.668,
 * β = 3.806, LL = −1611.2.
 *
 * Cost O(cells) to pool, then O(longest age) per iteration.
 * @throws AnalyticsError `EMPTY_INPUT` (no series, or none beyond period 0), `BAD_NUMBER` (a count < 0),
 *   `OUT_OF_RANGE` (a series rises: not contractual data), `FLAT_LIKELIHOOD` (nobody lost, or α, β run away),
 *   `NOT_CONVERGED`.
 * @example
 * fitSbg([[1000, 869, 743, 653, 593, 551, 517, 491]]).params; // => { alpha: 0.668, beta: 3.806 }
 */
export function fitSbg(survivors: readonly (readonly number[])[]): SbgModel {
  const counts = poolCohorts(survivors);
  const fit = fitByMaximumLikelihood({
    model: 'sBG',
    names: ['alpha', 'beta'],
    meanNegativeLogLikelihood: sbgObjective(counts),
    total: counts.customers,
    starts: [
      [1, 1],
      [0.5, 3],
      [3, 10],
    ],
    penalty: 0,
    runawayAdvice: (name, upward) =>
      upward
        ? 'Every customer seems to churn at the same rate (no heterogeneity): a constant retention rate describes these data.'
        : `${name} → 0: give more periods or more customers.`,
  });
  const [alpha, beta] = fit.params as [number, number];
  const se = fit.standardErrors;
  const warnings: CoreWarning[] = [];
  if (se === null) warnings.push(coreWarning('hessianNotPositiveDefinite', NO_PARAMS));
  return Object.freeze({
    kind: 'sbg',
    params: Object.freeze({ alpha, beta }),
    logLikelihood: fit.logLikelihood,
    converged: fit.converged,
    iterations: fit.iterations,
    standardErrors: se === null ? null : Object.freeze({ alpha: se[0] ?? NaN, beta: se[1] ?? NaN }),
    customers: counts.customers,
    cohorts: survivors.length,
    periods: counts.periods,
    warnings: Object.freeze(warnings),
  });
}
