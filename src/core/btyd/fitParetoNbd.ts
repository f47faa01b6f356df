import digamma from '@stdlib/math-base-special-digamma';
import gammaln from '@stdlib/math-base-special-gammaln';
import type { TimeUnit } from '../dates';
import { AnalyticsError } from '../errors';
import { checkPurchaseData, collapseCustomers } from './collapseCustomers';
import type { CollapsedCustomers } from './collapseCustomers';
import { fitByMaximumLikelihood } from './fitByMaximumLikelihood';
import type { ObjectiveWithGradient } from './minimizeBfgs';
import { paretoDropoutIntegral } from './paretoDropoutIntegral';
import type { BtydCustomer, ParetoNbdModel } from './types';
import { coreWarning, NO_PARAMS, type CoreWarning } from '../warnings';

// Module-local copies: hot loops then avoid a global lookup per call (slow in Jest's vm sandbox).
const { exp, log, log1p, max } = Math;

/** Options of {@link fitParetoNbd}. */
export interface ParetoNbdFitOptions {
  unit: TimeUnit;
  /** L2 penalty on (r, α, s, β) as lifetimes' `penalizer_coef`. Default 0. */
  penalty?: number;
  /**
   * Most likelihood-and-gradient evaluations over the whole fit (default 1,000; fits usually need 60–160), so
   * the work is bounded by this × the distinct (x, t_x, T) rows whatever the data: the fit never runs for minutes.
   */
  maxEvaluations?: number;
}

const DEFAULT_MAX_EVALUATIONS = 1000;

/**
 * Below this share of customers dropping out within the longest T, the fit is on the "no dropout" ridge: s → 0
 * or β → ∞ with s/β → 0, where the likelihood rises towards that of the plain NBD without a maximum. Where BFGS
 * stops along the ridge (at s ≈ 1e-6 or past the e^±15 runaway limit) depends on rounding, so the share is what
 * decides; at such stops it is ~1e-9, while one in a million cannot be told from 0 without millions of customers.
 */
const NEGLIGIBLE_DROPOUT = 1e-6;

const NO_DROPOUT_ADVICE =
  'Hardly any customer seems to stop buying within the calibration period, so the Pareto/NBD cannot estimate ' +
  'how they drop out (s and β). Use a longer calibration period, or the BG/NBD model.';

/** 1 − (β/(β+T))^s: the share of customers that a Pareto/NBD drops out within time T. */
function dropoutShare(s: number, beta: number, T: number): number {
  return -Math.expm1(-s * log1p(T / beta));
}

/**
 * ln A₀ of Fader & Hardie's note "A note on deriving the Pareto/NBD model and related expressions" (2005,
 * eq. 19–22), A₀ = ₂F₁(r+s+x, c; r+s+x+1; |α−β|/(M+t_x)) / (M+t_x)^(r+s+x) − (same at T), M = max(α, β).
 *
 * Computed from its integral form A₀ = (r+s+x) ∫_{t_x}^{T} (α+u)^(−(r+x)) (β+u)^(−(s+1)) du
 * ({@link paretoDropoutIntegral}), which costs a bounded number of evaluations where the ₂F₁ series needs up
 * to a million terms as |α−β|/(M+t_x) → 1. −∞ when t_x = T (then A₀ = 0).
 */
export function paretoLogA0(
  r: number,
  alpha: number,
  s: number,
  beta: number,
  x: number,
  tx: number,
  T: number,
): number {
  return log(r + s + x) + paretoDropoutIntegral(r + x, alpha, s + 1, beta, tx, T);
}

/**
 * ln of the Pareto/NBD likelihood of one customer (Schmittlein, Morrison & Colombo 1987; Fader & Hardie 2005
 * note, eq. 22): Γ(r+x) α^r β^s / Γ(r) · [1 / ((α+T)^(r+x) (β+T)^s) + s/(r+s+x) · A₀].
 */
export function paretoLogLikelihoodOfCustomer(
  params: readonly [number, number, number, number],
  x: number,
  tx: number,
  T: number,
): number {
  const [r, alpha, s, beta] = params;
  const front = gammaln(r + x) - gammaln(r) + r * log(alpha) + s * log(beta);
  const alive = -(r + x) * log(alpha + T) - s * log(beta + T);
  const dead = log(s) + paretoDropoutIntegral(r + x, alpha, s + 1, beta, tx, T);
  const top = max(alive, dead);
  return front + top + log(exp(alive - top) + exp(dead - top));
}

/**
 * The mean negative Pareto/NBD log-likelihood and its analytic gradient in log-parameters.
 *
 * Per customer ℓ = lnΓ(r+x) − lnΓ(r) + r ln α + s ln β + ln(E₁ + E₂) with E₁ = (α+T)^(−(r+x)) (β+T)^(−s) (alive
 * at T) and E₂ = s ∫_{t_x}^{T} f(u) du, f(u) = (α+u)^(−(r+x)) (β+u)^(−(s+1)) (died at u, after the last
 * purchase). Differentiating under the integral needs only f-weighted means of ln(α+u), ln(β+u), 1/(α+u) and
 * 1/(β+u), which the same quadrature nodes give; so a gradient costs about one evaluation, not the eight extra
 * evaluations of central differences.
 */
export function paretoObjective(data: CollapsedCustomers): ObjectiveWithGradient {
  const k = data.distinctX.length;
  const lgR = new Float64Array(k);
  const psiR = new Float64Array(k);
  const means = new Float64Array(4);
  return (logParams, gradient) => {
    const r = exp(logParams[0] ?? 0);
    const alpha = exp(logParams[1] ?? 0);
    const s = exp(logParams[2] ?? 0);
    const beta = exp(logParams[3] ?? 0);
    for (let j = 0; j < k; j++) {
      const x = data.distinctX[j] ?? 0;
      lgR[j] = gammaln(r + x);
      psiR[j] = digamma(r + x);
    }
    const logS = log(s);
    let sum = 0;
    let gr = 0;
    let gAlpha = 0;
    let gs = 0;
    let gBeta = 0;
    const n = data.x.length;
    for (let i = 0; i < n; i++) {
      const x = data.x[i] as number;
      const T = data.T[i] as number;
      const w = data.weight[i] as number;
      const j = data.xIndex[i] as number;
      const rx = r + x;
      const logAlphaT = log(alpha + T);
      const logBetaT = log(beta + T);
      const alive = -rx * logAlphaT - s * logBetaT;
      const dead = logS + paretoDropoutIntegral(rx, alpha, s + 1, beta, data.tx[i] as number, T, means);
      // Shares of the two ways to produce the data; `deadShare` = 0 when t_x = T (dead = −∞).
      let mix: number;
      let deadShare: number;
      if (dead > alive) {
        const e = exp(alive - dead);
        mix = dead + log1p(e);
        deadShare = 1 / (1 + e);
      } else {
        const e = exp(dead - alive);
        mix = alive + log1p(e);
        deadShare = e / (1 + e);
      }
      const aliveShare = 1 - deadShare;
      sum += w * ((lgR[j] as number) + mix);
      gr += w * ((psiR[j] as number) - aliveShare * logAlphaT);
      gAlpha -= w * rx * (aliveShare / (alpha + T));
      gs -= w * aliveShare * logBetaT;
      gBeta -= (w * aliveShare * s) / (beta + T);
      if (deadShare > 0) {
        gr -= w * deadShare * (means[0] as number);
        gAlpha -= w * deadShare * rx * (means[2] as number);
        gs += w * deadShare * (1 / s - (means[1] as number));
        gBeta -= w * deadShare * (s + 1) * (means[3] as number);
      }
    }
    const total = data.total;
    const ll = sum + total * (-gammaln(r) + r * log(alpha) + s * log(beta));
    gr += total * (log(alpha) - digamma(r));
    gAlpha += (total * r) / alpha;
    gs += total * log(beta);
    gBeta += (total * s) / beta;
    gradient[0] = (-r * gr) / total;
    gradient[1] = (-alpha * gAlpha) / total;
    gradient[2] = (-s * gs) / total;
    gradient[3] = (-beta * gBeta) / total;
    return -ll / total;
  };
}

/**
 * Fits the Pareto/NBD model (Schmittlein, Morrison & Colombo 1987) by maximum likelihood: purchases
 * Poisson(λ) with λ ~ Gamma(r, α) while alive, exponential lifetimes with rate μ ~ Gamma(s, β).
 *
 * The "died after the last purchase" term of the likelihood is a one-dimensional integral over the time of
 * death, computed by quadrature ({@link paretoDropoutIntegral}) rather than as a difference of Gauss
 * hypergeometric functions, whose series needs up to a million terms when α and β are far apart; the gradient
 * is analytic, from the same quadrature. BFGS runs on log-parameters from two starts. On the CDNOW sample:
 * LL = −9594.98 with r ≈ 0.553, α ≈ 10.58, s ≈ 0.606, β ≈ 11.7 (the likelihood is very flat in s and β together).
 *
 * Cost: O(distinct rows) per evaluation (about 1 µs a row), usually 60–160 evaluations, at most
 * `maxEvaluations`; 0.1 s on the CDNOW sample.
 * @throws AnalyticsError `EMPTY_INPUT`, `BAD_NUMBER`, `NO_REPEAT_CUSTOMERS`; `FLAT_LIKELIHOOD` when a parameter
 *   runs off to 0 or ∞, or the fit has fewer than one customer in a million dropping out within the longest T
 *   (the dropout rate s/β → 0 when hardly anyone stops buying, as on the Online Retail data);
 *   `NOT_CONVERGED` when the evaluation budget runs out far from an optimum.
 * @example
 * fitParetoNbd(cdnowCalibration, { unit: 'weeks' }).logLikelihood; // => -9594.98
 */
export function fitParetoNbd(customers: readonly BtydCustomer[], options: ParetoNbdFitOptions): ParetoNbdModel {
  const penalty = options.penalty ?? 0;
  if (!(penalty >= 0) || !Number.isFinite(penalty)) {
    throw new AnalyticsError('OUT_OF_RANGE', `penalty must be a number ≥ 0, got ${penalty}.`, { argument: 'penalty' });
  }
  const maxEvaluations = options.maxEvaluations ?? DEFAULT_MAX_EVALUATIONS;
  if (!(maxEvaluations >= 1) || !Number.isInteger(maxEvaluations)) {
    throw new AnalyticsError('OUT_OF_RANGE', `maxEvaluations must be a whole number ≥ 1, got ${maxEvaluations}.`, {
      argument: 'maxEvaluations',
    });
  }
  const data = collapseCustomers(customers);
  const { meanT, meanX, longestT } = checkPurchaseData(data);
  const scale = meanT / (meanX + 1);
  const fit = fitByMaximumLikelihood({
    model: 'Pareto/NBD',
    names: ['r', 'alpha', 's', 'beta'],
    meanNegativeLogLikelihood: paretoObjective(data),
    total: data.total,
    starts: [
      [0.5, scale, 0.5, scale],
      [1, scale * 2, 1, scale * 2],
    ],
    penalty,
    maxIterations: 300,
    maxEvaluations,
    // On the no-dropout ridge a penalty cannot hold s back from 0, so the generic "add a penalty" would mislead.
    // (β → ∞ with s → ∞ is another ridge, a dropout rate without heterogeneity, where a penalty does help.)
    runawayAdvice: (_name, _upward, params) =>
      dropoutShare(params[2] ?? NaN, params[3] ?? NaN, longestT) < NEGLIGIBLE_DROPOUT ? NO_DROPOUT_ADVICE : undefined,
  });
  const [r, alpha, s, beta] = fit.params as [number, number, number, number];
  const dropped = dropoutShare(s, beta, longestT);
  if (dropped < NEGLIGIBLE_DROPOUT) {
    throw new AnalyticsError(
      'FLAT_LIKELIHOOD',
      `The Pareto/NBD likelihood keeps rising as the dropout rate s/β goes to 0 (s = ${s.toPrecision(2)}, ` +
        `β = ${beta.toPrecision(2)}: ${dropped.toExponential(0)} of customers drop out within T = ` +
        `${longestT.toPrecision(3)}): the data do not determine s and β. ${NO_DROPOUT_ADVICE}`,
    );
  }
  const se = fit.standardErrors;
  const warnings: CoreWarning[] = [];
  if (!fit.converged) {
    warnings.push(
      fit.exhausted
        ? coreWarning('fitBudgetExhausted', { evaluations: maxEvaluations })
        : coreWarning('fitStoppedEarly', NO_PARAMS),
    );
  }
  if (se === null) {
    warnings.push(coreWarning('hessianNotPositiveDefinite', NO_PARAMS));
  }
  return Object.freeze({
    kind: 'pareto',
    unit: options.unit,
    params: Object.freeze({ r, alpha, s, beta }),
    logLikelihood: fit.logLikelihood,
    converged: fit.converged,
    iterations: fit.iterations,
    standardErrors: se === null ? null : { r: se[0] ?? NaN, alpha: se[1] ?? NaN, s: se[2] ?? NaN, beta: se[3] ?? NaN },
    customers: data.total,
    penalty,
    warnings: Object.freeze(warnings),
  });
}
