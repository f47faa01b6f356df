import gammaln from '@stdlib/math-base-special-gammaln';
import { collapseCustomers } from '../../../src/core/btyd/collapseCustomers';
import { fitParetoNbd, paretoLogLikelihoodOfCustomer, paretoObjective } from '../../../src/core/btyd/fitParetoNbd';
import { logHypergeometric2F1 } from '../../../src/core/btyd/hypergeometric2F1';
import {
  paretoConditionalExpected,
  paretoExpectedPurchases,
  paretoPAlive,
} from '../../../src/core/btyd/paretoPredictions';
import type { ParetoNbdModel } from '../../../src/core/btyd/types';
import { AnalyticsError } from '../../../src/core/errors';
import { readCdnowSample } from './cdnowSample';
import { mulberry32, simulateParetoNbd } from './simulate';
import { errorOf } from '../../analyticsErrors';
import { englishWarnings } from '../../messages/englishWarnings';

const cdnow = readCdnowSample();

/**
 * The per-customer log-likelihood as Fader & Hardie's note writes it (2005, eq. 22, A₀ from eq. 19–21), with
 * A₀ a difference of two Gauss series: the implementation before the quadrature, kept as a reference.
 */
function hypergeometricLogLikelihood(
  r: number,
  alpha: number,
  s: number,
  beta: number,
  x: number,
  tx: number,
  T: number,
) {
  const rsx = r + s + x;
  const high = Math.max(alpha, beta);
  const c = alpha >= beta ? s + 1 : r + x;
  const gap = Math.abs(alpha - beta);
  const term = (t: number) => logHypergeometric2F1(rsx, c, rsx + 1, gap / (high + t)) - rsx * Math.log(high + t);
  const logA0 = term(tx) + Math.log1p(-Math.exp(term(T) - term(tx)));
  const front = gammaln(r + x) - gammaln(r) + r * Math.log(alpha) + s * Math.log(beta);
  const alive = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
  const dead = Math.log(s / rsx) + logA0;
  const top = Math.max(alive, dead);
  return front + top + Math.log(Math.exp(alive - top) + Math.exp(dead - top));
}

/**
 * The Pareto/NBD likelihood of one customer by direct numerical integration over the death time τ
 * (Schmittlein et al. 1987): alive at T with probability (β/(β+T))^s, else death at τ ∈ (t_x, T] with density
 * s β^s/(β+τ)^(s+1); purchases are NBD given the time alive. Independent of the hypergeometric route.
 */
function integratedLikelihood(r: number, alpha: number, s: number, beta: number, x: number, tx: number, T: number) {
  const nbd = (time: number) =>
    Math.exp(gammaln(r + x) - gammaln(r) + r * Math.log(alpha) - (r + x) * Math.log(alpha + time));
  let total = nbd(T) * (beta / (beta + T)) ** s;
  const steps = 20_000;
  const width = (T - tx) / steps;
  for (let i = 0; i < steps; i++) {
    const tau = tx + (i + 0.5) * width;
    total += nbd(tau) * ((s * beta ** s) / (beta + tau) ** (s + 1)) * width;
  }
  return Math.log(total);
}

describe('fitParetoNbd', () => {
  const model = fitParetoNbd(cdnow, { unit: 'weeks' });

  test('fitParetoNbd(CDNOW sample) matches Schmittlein et al. (1987) as fitted by BTYD: LL −9594.98', () => {
    expect(Math.abs(model.logLikelihood - -9594.98)).toBeLessThan(0.01);
    expect(model.params.r).toBeCloseTo(0.553, 2);
    expect(model.params.alpha).toBeCloseTo(10.578, 1);
    expect(model.params.s).toBeCloseTo(0.606, 1);
    expect(model.converged).toBe(true);
    expect(model.unit).toBe('weeks');
  });

  test('the likelihood equals direct integration over the lifetime (both α > β and α < β)', () => {
    for (const [r, alpha, s, beta] of [
      [0.55, 10.58, 0.61, 11.67],
      [0.55, 12, 0.61, 4],
      [2, 3, 1.5, 30],
    ] as const) {
      for (const [x, tx, T] of [
        [0, 0, 30],
        [2, 10.5, 30],
        [26, 30.85714, 31],
      ] as const) {
        expect(paretoLogLikelihoodOfCustomer([r, alpha, s, beta], x, tx, T)).toBeCloseTo(
          integratedLikelihood(r, alpha, s, beta, x, tx, T),
          5,
        );
      }
    }
  });

  test('paretoLogLikelihoodOfCustomer equals the ₂F₁ form of Fader & Hardie (2005) to 1e-12 on every CDNOW customer', () => {
    for (const [r, alpha, s, beta] of [
      [0.553, 10.578, 0.606, 11.669],
      [0.3, 4, 2, 60],
      [2, 40, 0.2, 3],
    ] as const) {
      for (const { x, tx, T } of cdnow) {
        if (T - tx < 0.2) continue; // the series form loses digits to cancellation when t_x is close to T
        const expected = hypergeometricLogLikelihood(r, alpha, s, beta, x, tx, T);
        expect(Math.abs(paretoLogLikelihoodOfCustomer([r, alpha, s, beta], x, tx, T) - expected)).toBeLessThan(1e-12);
      }
    }
  });

  test('the analytic gradient equals central differences of the summed per-customer log-likelihood', () => {
    const data = collapseCustomers(cdnow);
    const objective = paretoObjective(data);
    const meanNegative = (logParams: readonly number[]) => {
      const params = logParams.map(Math.exp) as [number, number, number, number];
      let sum = 0;
      for (let i = 0; i < data.x.length; i++) {
        sum += data.weight[i]! * paretoLogLikelihoodOfCustomer(params, data.x[i]!, data.tx[i]!, data.T[i]!);
      }
      return -sum / data.total;
    };
    for (const params of [
      [0.553, 10.578, 0.606, 11.669],
      [0.2, 3, 1e-3, 500],
      [2, 30, 4, 0.5],
    ]) {
      const point = params.map(Math.log);
      const gradient = [0, 0, 0, 0];
      expect(objective(point, gradient)).toBeCloseTo(meanNegative(point), 12);
      const h = 1e-5;
      point.forEach((_, j) => {
        const plus = point.slice();
        const minus = point.slice();
        plus[j]! += h;
        minus[j]! -= h;
        expect(gradient[j]).toBeCloseTo((meanNegative(plus) - meanNegative(minus)) / (2 * h), 7);
      });
    }
  });

  test('paretoPAlive is below 1 for one-time buyers and near 1 for a frequent recent buyer', () => {
    const once = paretoPAlive(model, { x: 0, tx: 0, T: 38 });
    expect(once).toBeGreaterThan(0);
    expect(once).toBeLessThan(1);
    expect(paretoPAlive(model, { x: 26, tx: 30.85714, T: 31 })).toBeGreaterThan(0.9);
    expect(paretoPAlive(model, { x: 5, tx: 1, T: 38 })).toBeLessThan(paretoPAlive(model, { x: 5, tx: 37, T: 38 }));
  });

  test('paretoConditionalExpected of a new customer (x = t_x = T = 0) is the unconditional E[X(t)]', () => {
    const t = { value: 39, unit: 'weeks' as const };
    expect(paretoConditionalExpected(model, t, { x: 0, tx: 0, T: 0 })).toBeCloseTo(
      paretoExpectedPurchases(model, t),
      10,
    );
  });
});

describe('Pareto/NBD predictions at the degenerate Online Retail optimum (s ≈ 8e-7, β ≈ 17,709)', () => {
  // What the old fit returned, after 8 minutes, for Online Retail through 2011-06-30 in weeks. There the
  // ₂F₁ argument is 0.9995 and each prediction summed thousands of series terms.
  const degenerate: ParetoNbdModel = {
    kind: 'pareto',
    unit: 'weeks',
    params: { r: 0.7444261391, alpha: 9.048052443, s: 8.295861384e-7, beta: 17708.91683 },
    logLikelihood: -15328.30648,
    converged: true,
    iterations: 109,
    standardErrors: null,
    customers: 2960,
    penalty: 0,
    warnings: [],
  };
  const customers = [
    { x: 0, tx: 0, T: 30.14 },
    { x: 1, tx: 0.14, T: 30 },
    { x: 5, tx: 12, T: 30 },
    { x: 59, tx: 29, T: 30.14 },
  ];

  test('P(alive) is finite and within 1e-6 of 1: almost nobody drops out', () => {
    for (const customer of customers) {
      const alive = paretoPAlive(degenerate, customer);
      expect(alive).toBeLessThanOrEqual(1);
      expect(alive).toBeGreaterThan(1 - 1e-6);
    }
  });

  test('conditional expectations tend to the NBD (r+x) t / (α+T), as s/β → 0 they must', () => {
    const { r, alpha } = degenerate.params;
    for (const customer of customers) {
      const nbd = ((r + customer.x) * 26) / (alpha + customer.T);
      const expected = paretoConditionalExpected(degenerate, { value: 26, unit: 'weeks' }, customer);
      expect(Math.abs(expected - nbd) / nbd).toBeLessThan(1e-5);
    }
  });

  test('10,000 predictions take well under a second', () => {
    const start = performance.now();
    for (let i = 0; i < 2500; i++) {
      for (const customer of customers) paretoConditionalExpected(degenerate, { value: 26, unit: 'weeks' }, customer);
    }
    expect(performance.now() - start).toBeLessThan(1000);
  });
});

describe('fitParetoNbd on simulated data', () => {
  const truth = { r: 0.55, alpha: 10.5, s: 0.6, beta: 11.7 };

  for (const seed of [20240601, 11]) {
    test(`seed ${seed}: 4,000 simulated Pareto/NBD customers, each parameter within 3 standard errors`, () => {
      const model = fitParetoNbd(simulateParetoNbd(mulberry32(seed), 4000, truth, 20, 52), { unit: 'weeks' });
      expect(model.converged).toBe(true);
      const se = model.standardErrors;
      expect(se).not.toBeNull();
      if (se === null) return;
      for (const name of ['r', 'alpha', 's', 'beta'] as const) {
        expect(Math.abs(model.params[name] - truth[name])).toBeLessThan(3 * se[name]);
      }
    });
  }

  test('nobody drops out (NBD data, seeds 2–5): FLAT_LIKELIHOOD that says so and does not suggest a penalty', () => {
    // Like the Online Retail data through 2011-06-30: the likelihood rises towards the NBD's as s/β → 0.
    for (const seed of [2, 3, 4, 5]) {
      const customers = simulateParetoNbd(mulberry32(seed), 3000, { r: 0.7, alpha: 9, s: 0, beta: 1 }, 1, 30);
      const error = errorOf(() => fitParetoNbd(customers, { unit: 'weeks' }));
      expect(error.code).toBe('FLAT_LIKELIHOOD');
      expect(error.message).toMatch(/Hardly any customer seems to stop buying/);
      expect(error.message).not.toMatch(/penalty/);
    }
  });

  test('maxEvaluations bounds the fit: NOT_CONVERGED far from the optimum, converged: false with a warning near it', () => {
    const outcomes = new Set<string>();
    for (let budget = 5; budget <= 40; budget++) {
      try {
        const model = fitParetoNbd(cdnow, { unit: 'weeks', maxEvaluations: budget });
        if (model.converged) {
          expect(englishWarnings(model.warnings)).toEqual([]);
          expect(Math.abs(model.logLikelihood - -9594.98)).toBeLessThan(0.01);
          outcomes.add('converged');
        } else {
          expect(englishWarnings(model.warnings).join(' ')).toMatch(
            new RegExp(`budget of ${budget} likelihood evaluations`),
          );
          outcomes.add('warned');
        }
      } catch (error) {
        expect(error).toBeInstanceOf(AnalyticsError);
        expect((error as AnalyticsError).code).toBe('NOT_CONVERGED');
        expect((error as AnalyticsError).message).toMatch(new RegExp(`budget of ${budget} likelihood evaluations`));
        outcomes.add('not converged');
      }
    }
    expect([...outcomes].sort()).toEqual(['converged', 'not converged', 'warned']);
  });

  test('a maxEvaluations that is not a whole number ≥ 1 is OUT_OF_RANGE', () => {
    for (const bad of [0, 2.5, Number.NaN]) {
      expect(errorOf(() => fitParetoNbd(cdnow, { unit: 'weeks', maxEvaluations: bad })).code).toBe('OUT_OF_RANGE');
    }
  });
});
