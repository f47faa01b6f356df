import { fitByMaximumLikelihood } from '../../../src/core/btyd/fitByMaximumLikelihood';
import type { ObjectiveWithGradient } from '../../../src/core/btyd/minimizeBfgs';
import { errorOf } from '../../analyticsErrors';

/** The mean negative log-likelihood of an exponential sample with mean 2, in ln λ: λ̂ = 1/2 (the sample mean's inverse). */
function exponentialSample(counter: { calls: number }): ObjectiveWithGradient {
  return (p, g) => {
    counter.calls++;
    const lambda = Math.exp(p[0] ?? 0);
    g[0] = -1 + 2 * lambda; // d/d ln λ of −ln λ + 2λ
    return -Math.log(lambda) + 2 * lambda;
  };
}

describe('fitByMaximumLikelihood', () => {
  const base = { model: 'Exponential', names: ['lambda'], total: 10, penalty: 0 };

  test('finds the exponential MLE λ = 1/mean and reports the evaluations it used', () => {
    const counter = { calls: 0 };
    const fit = fitByMaximumLikelihood({
      ...base,
      meanNegativeLogLikelihood: exponentialSample(counter),
      starts: [[0.1], [5]],
    });
    expect(fit.params[0]).toBeCloseTo(0.5, 8);
    expect(fit.converged).toBe(true);
    expect(fit.exhausted).toBe(false);
    // The optimiser's calls, then one for the log-likelihood and two per parameter for the Hessian.
    expect(counter.calls).toBe(fit.evaluations + 1 + 2);
  });

  test('maxEvaluations bounds the calls over all starts; far from the optimum that is NOT_CONVERGED naming the budget', () => {
    const counter = { calls: 0 };
    const error = errorOf(() =>
      fitByMaximumLikelihood({
        ...base,
        meanNegativeLogLikelihood: exponentialSample(counter),
        starts: [[1e-4], [1e4]],
        maxEvaluations: 3,
      }),
    );
    expect(error.code).toBe('NOT_CONVERGED');
    expect(error.message).toMatch(/budget of 3 likelihood evaluations/);
    expect(counter.calls).toBeLessThanOrEqual(3);
  });

  test('runawayAdvice replaces the generic advice of FLAT_LIKELIHOOD; without it the generic advice stays', () => {
    // −ln-likelihood e^(−θ) keeps falling as θ = ln λ → ∞.
    const runaway: ObjectiveWithGradient = (p, g) => {
      g[0] = -Math.exp(-(p[0] ?? 0));
      return Math.exp(-(p[0] ?? 0));
    };
    const problem = { ...base, meanNegativeLogLikelihood: runaway, starts: [[1]] };
    const advised = errorOf(() =>
      fitByMaximumLikelihood({
        ...problem,
        runawayAdvice: (name, upward, params) => `advice for ${name} ${upward} ${params[0]! > Math.exp(15)}`,
      }),
    );
    expect(advised.code).toBe('FLAT_LIKELIHOOD');
    expect(advised.message).toMatch(/lambda runs to ∞.*advice for lambda true true$/);
    const generic = errorOf(() => fitByMaximumLikelihood(problem));
    // Core names no option (segment and the pane have no penalty); entry points that have one add it.
    expect(generic.message).not.toMatch(/penalty/);
    expect(generic.where).toEqual({ argument: 'penalty' });
  });
});
