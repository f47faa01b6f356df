import { AnalyticsError } from '../errors';
import { invertPositiveDefinite, minimizeBfgs, numericHessian } from './minimizeBfgs';
import type { ObjectiveWithGradient } from './minimizeBfgs';

/** What {@link fitByMaximumLikelihood} found. */
export interface MaximumLikelihoodFit {
  /** Parameters on the natural scale. */
  params: number[];
  /** Unpenalised total log-likelihood at `params`. */
  logLikelihood: number;
  converged: boolean;
  iterations: number;
  /** Natural-scale standard errors, or `null` when the Hessian is not positive definite. */
  standardErrors: number[] | null;
  /** Calls of the objective by the optimiser, over all starts (the Hessian's are not counted). */
  evaluations: number;
  /** True when the optimiser stopped at `maxEvaluations`. */
  exhausted: boolean;
  /** Parameters that ran to one of the problem's `acceptedLimits`, e.g. `['a → 0']`; empty otherwise. */
  limits: string[];
}

/** Settings for {@link fitByMaximumLikelihood}. */
export interface MaximumLikelihoodProblem {
  model: string;
  names: readonly string[];
  /** Mean negative log-likelihood per customer and its gradient, both in log-parameters. */
  meanNegativeLogLikelihood: ObjectiveWithGradient;
  /** Total weight (number of customers), to turn the mean back into a total. */
  total: number;
  /** Natural-scale starting points; the best end point wins. */
  starts: readonly (readonly number[])[];
  /** L2 penalty on the natural-scale parameters, as lifetimes' `penalizer_coef`. */
  penalty: number;
  maxIterations?: number;
  /** Most objective calls over all starts: a bound on the work of the fit whatever the data. Default unbounded. */
  maxEvaluations?: number;
  /**
   * Model-specific advice for FLAT_LIKELIHOOD when parameter `name` runs to ∞ (`upward`) or 0, given where the
   * fit stopped (natural scale); `undefined` keeps the generic advice.
   */
  runawayAdvice?: (name: string, upward: boolean, params: readonly number[]) => string | undefined;
  /**
   * Directions in which a parameter running away is a limit of the model itself rather than a failure (the
   * BG/NBD's a → 0 or b → ∞ is the NBD model: nobody drops out). The fit then returns where it stopped and
   * names them in `limits`, instead of throwing FLAT_LIKELIHOOD.
   */
  acceptedLimits?: readonly { name: string; upward: boolean }[];
}

// e^±15 ≈ 3·10^±6: no BTYD parameter is that large or small on real data (α in days stays below ~10⁴), so a
// parameter beyond it is running away along a flat ridge of the likelihood.
const LOG_PARAMETER_LIMIT = 15;

/**
 * Maximises a likelihood over positive parameters: log-parameters, BFGS from several starts, and standard
 * errors by the delta method (SE(θ) = θ · SE(log θ)) from the Hessian of the unpenalised log-likelihood.
 *
 * @throws AnalyticsError `NOT_CONVERGED` when no start reaches a finite optimum, or the iterations or the
 *   evaluation budget run out far from one (gradient > 1e-4; nearer, the fit returns with `converged: false`);
 *   `FLAT_LIKELIHOOD` when a parameter runs off to 0 or ∞ (the data do not pin it down).
 */
export function fitByMaximumLikelihood(problem: MaximumLikelihoodProblem): MaximumLikelihoodFit {
  const { names, penalty, total } = problem;
  const penalised: ObjectiveWithGradient = (logParams, gradient) => {
    let value = problem.meanNegativeLogLikelihood(logParams, gradient);
    if (penalty > 0) {
      logParams.forEach((lp, i) => {
        const theta = Math.exp(lp);
        value += penalty * theta * theta;
        gradient[i] = (gradient[i] ?? 0) + 2 * penalty * theta * theta;
      });
    }
    return value;
  };
  let best: ReturnType<typeof minimizeBfgs> | null = null;
  let iterations = 0;
  let evaluations = 0;
  let exhausted = false;
  const maxEvaluations = problem.maxEvaluations ?? Number.POSITIVE_INFINITY;
  let agreeing = 0;
  for (const start of problem.starts) {
    // Two converged starts that reach the same optimum are enough evidence that it is the global one.
    if (agreeing >= 2) break;
    if (evaluations >= maxEvaluations) break;
    const result = minimizeBfgs(
      penalised,
      start.map((v) => Math.log(v)),
      {
        maxIterations: problem.maxIterations ?? 400,
        gradientTolerance: 1e-8,
        ...(problem.maxEvaluations === undefined ? {} : { maxEvaluations: maxEvaluations - evaluations }),
      },
    );
    iterations += result.iterations;
    evaluations += result.evaluations;
    exhausted ||= result.exhausted;
    if (!Number.isFinite(result.value)) continue;
    if (
      result.converged &&
      best !== null &&
      best.converged &&
      Math.abs(result.value - best.value) < 1e-9 * (1 + Math.abs(best.value))
    ) {
      agreeing = Math.max(agreeing, 1) + 1;
    } else if (result.converged && (best === null || result.value < best.value)) {
      agreeing = 1;
    }
    if (
      best === null ||
      result.value < best.value - 1e-12 ||
      (!best.converged && result.converged && result.value <= best.value + 1e-9)
    ) {
      best = result;
    }
  }
  if (best === null) {
    throw new AnalyticsError(
      'NOT_CONVERGED',
      `The ${problem.model} likelihood could not be evaluated from any starting point. ` +
        'Check that the time unit suits the data (try weeks instead of days).',
      // A penalty helps too; each entry point that has one names it (withOptionAdvice).
      { argument: 'penalty' },
    );
  }
  const isAccepted = (lp: number, i: number): boolean =>
    (problem.acceptedLimits ?? []).some((limit) => limit.name === names[i] && limit.upward === lp > 0);
  const limits = best.point.flatMap((lp, i) =>
    Math.abs(lp) > LOG_PARAMETER_LIMIT && isAccepted(lp, i) ? [`${names[i]} → ${lp > 0 ? '∞' : '0'}`] : [],
  );
  const runaway = best.point.findIndex((lp, i) => Math.abs(lp) > LOG_PARAMETER_LIMIT && !isAccepted(lp, i));
  if (runaway >= 0) {
    const upward = (best.point[runaway] ?? 0) > 0;
    // An L2 penalty on the natural scale holds a parameter back from ∞ but not from 0, so advise accordingly.
    const custom = problem.runawayAdvice?.(
      names[runaway] ?? '',
      upward,
      best.point.map((lp) => Math.exp(lp)),
    );
    const advice =
      custom ??
      (upward
        ? 'Use more customers or a longer calibration period.'
        : 'Use more customers, more repeat buyers or a longer calibration period.');
    throw new AnalyticsError(
      'FLAT_LIKELIHOOD',
      `The ${problem.model} likelihood keeps rising as ${names[runaway]} runs to ${upward ? '∞' : '0'}: the data do ` +
        `not determine the parameters. ${advice}`,
      // A penalty holds a parameter back from ∞ (not from 0): entry points with one add it to the advice.
      upward && custom === undefined ? { argument: 'penalty' } : undefined,
    );
  }
  if (!best.converged && best.gradientNorm > 1e-4) {
    const budget = exhausted ? ` (its budget of ${maxEvaluations} likelihood evaluations)` : '';
    throw new AnalyticsError(
      'NOT_CONVERGED',
      `The ${problem.model} fit stopped after ${iterations} iterations${budget} without converging (gradient ${best.gradientNorm.toExponential(2)}). ` +
        'Try a longer calibration period or weeks instead of days.',
      { argument: 'penalty' },
    );
  }
  const params = best.point.map((lp) => Math.exp(lp));
  const scratch = new Array<number>(params.length).fill(0);
  const logLikelihood = -problem.meanNegativeLogLikelihood(best.point, scratch) * total;
  const hessian = numericHessian(problem.meanNegativeLogLikelihood, best.point).map((row) => row.map((h) => h * total));
  const covariance = invertPositiveDefinite(hessian);
  const standardErrors =
    covariance === null ? null : params.map((theta, i) => theta * Math.sqrt(Math.max(0, covariance[i]?.[i] ?? NaN)));
  return {
    params,
    logLikelihood,
    converged: best.converged,
    iterations,
    standardErrors,
    evaluations,
    exhausted,
    limits,
  };
}
