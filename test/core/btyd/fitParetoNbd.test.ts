import gammaln from '@stdlib/math-base-special-gammaln';
import { fitParetoNbd, paretoLogLikelihoodOfCustomer } from '../../../src/core/btyd/fitParetoNbd';
import {
  paretoConditionalExpected,
  paretoExpectedPurchases,
  paretoPAlive,
} from '../../../src/core/btyd/paretoPredictions';
import { readCdnowSample } from './cdnowSample';

const cdnow = readCdnowSample();

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

  test('the hypergeometric likelihood equals direct integration over the lifetime (both α > β and α < β)', () => {
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
