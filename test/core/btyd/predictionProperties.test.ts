import fc from 'fast-check';
import { bgnbdConditionalExpected, bgnbdPAlive } from '../../../src/core/btyd/bgnbdPredictions';
import { fitBgNbd } from '../../../src/core/btyd/fitBgNbd';
import { fitGammaGamma } from '../../../src/core/btyd/fitGammaGamma';
import { paretoConditionalExpected, paretoPAlive } from '../../../src/core/btyd/paretoPredictions';
import { predictCustomerValues } from '../../../src/core/btyd/predictCustomerValues';
import type { ParetoNbdModel } from '../../../src/core/btyd/types';
import { readCdnowSample } from './cdnowSample';

const cdnow = readCdnowSample();
const bgnbd = fitBgNbd(cdnow, { unit: 'weeks' });
const pareto: ParetoNbdModel = {
  kind: 'pareto',
  unit: 'weeks',
  params: { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 },
  logLikelihood: -9594.98,
  converged: true,
  iterations: 0,
  standardErrors: null,
  customers: 2357,
  penalty: 0,
  warnings: [],
};
const SEED = 424242;

const customer = fc
  .record({
    x: fc.integer({ min: 0, max: 60 }),
    T: fc.double({ min: 0.5, max: 300, noNaN: true }),
    // A repeat buyer's last repeat purchase is after the first purchase: t_x > 0 (checkCustomer refuses t_x = 0).
    share: fc.double({ min: 1e-6, max: 1, noNaN: true }),
  })
  .map(({ x, T, share }) => ({ x, T, tx: x === 0 ? 0 : share * T }));

describe('prediction invariants (fast-check, seed printed)', () => {
  test(`P(alive) is in [0, 1] and expected purchases grow with the horizon (seed ${SEED})`, () => {
    fc.assert(
      fc.property(customer, fc.double({ min: 0.1, max: 500, noNaN: true }), (c, t) => {
        for (const [alive, expected] of [
          [bgnbdPAlive(bgnbd, c), (h: number) => bgnbdConditionalExpected(bgnbd, { value: h, unit: 'weeks' }, c)],
          [paretoPAlive(pareto, c), (h: number) => paretoConditionalExpected(pareto, { value: h, unit: 'weeks' }, c)],
        ] as const) {
          if (!(alive >= 0 && alive <= 1)) return false;
          const short = expected(t);
          const long = expected(t * 2);
          if (!(short >= 0 && long >= short - 1e-9)) return false;
        }
        return true;
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe('inputs are never mutated', () => {
  test('fitGammaGamma and predictCustomerValues accept frozen input', () => {
    const frozen = Object.freeze(
      cdnow.slice(0, 500).map((c) => Object.freeze({ x: c.x, tx: c.tx, T: c.T, meanSpend: c.meanSpend })),
    );
    const copy = JSON.stringify(frozen);
    expect(() => fitGammaGamma(frozen)).not.toThrow();
    expect(() =>
      predictCustomerValues(frozen, { unit: 'weeks', horizonMonths: 3, monthlyDiscount: 0, margin: 1 }),
    ).not.toThrow();
    expect(JSON.stringify(frozen)).toBe(copy);
  });
});
