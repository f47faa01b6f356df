/*
 * When nobody drops out, the BG/NBD likelihood rises towards its NBD limit (a → 0 or b → ∞). That is a
 * legitimate answer with finite forecasts, so the fit returns there with a warning instead of failing.
 */
import { bgnbdConditionalExpected, bgnbdPAlive } from '../../../src/core/btyd/bgnbdPredictions';
import { fitBgNbd } from '../../../src/core/btyd/fitBgNbd';
import { mulberry32, simulateParetoNbd } from './simulate';
import { englishWarnings } from '../../messages/englishWarnings';

describe('fitBgNbd on data where nobody drops out (Pareto/NBD simulation with s = 0, i.e. the NBD)', () => {
  // Seeds whose samples show no dropout at all (others, e.g. 3, show a little by chance and have an interior MLE).
  for (const seed of [2, 4, 5]) {
    test(`seed ${seed}: returns the NBD limit with a warning, and its forecasts are the NBD's (r + x) t / (α + T)`, () => {
      const customers = simulateParetoNbd(mulberry32(seed), 3000, { r: 0.7, alpha: 9, s: 0, beta: 1 }, 1, 30);
      const model = fitBgNbd(customers, { unit: 'weeks' });
      const { r, alpha, a, b } = model.params;
      // Every customer's dropout probability p ~ Beta(a, b) has mean a / (a + b) ≈ 0.
      expect(a / (a + b)).toBeLessThan(1e-4);
      expect(englishWarnings(model.warnings).join(' ')).toMatch(
        /almost no dropout \(mean dropout probability per purchase a\/\(a\+b\) = /,
      );
      // The purchase-rate part still estimates the truth (Gamma(0.7, 9)) from 3,000 customers.
      expect(r).toBeGreaterThan(0.5);
      expect(r).toBeLessThan(0.9);
      expect(r / alpha).toBeCloseTo(0.7 / 9, 1);
      for (const customer of customers.slice(0, 200)) {
        expect(bgnbdPAlive(model, customer)).toBeGreaterThan(0.99);
        // NBD conditional expectation (Fader, Hardie & Lee 2005, the p → 0 limit of equation 10).
        const nbd = ((r + customer.x) * 26) / (alpha + customer.T);
        expect(bgnbdConditionalExpected(model, { value: 26, unit: 'weeks' }, customer)).toBeCloseTo(nbd, 1);
      }
    });
  }
});
