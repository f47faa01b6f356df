import { AnalyticsError } from '../../../src/core/errors';
import { hypergeometric2F1, logHypergeometric2F1 } from '../../../src/core/btyd/hypergeometric2F1';

describe('hypergeometric2F1', () => {
  test('2F1(1, 1; 2; z) = −ln(1 − z)/z (Abramowitz & Stegun 15.1.3)', () => {
    for (const z of [0, 0.1, 0.5, 0.9, 0.999]) {
      const expected = z === 0 ? 1 : -Math.log1p(-z) / z;
      expect(hypergeometric2F1(1, 1, 2, z)).toBeCloseTo(expected, 10);
    }
  });

  test('2F1(1/2, 1/2; 3/2; z²) = arcsin(z)/z (Abramowitz & Stegun 15.1.6)', () => {
    for (const z of [0.2, 0.7, 0.95]) {
      expect(hypergeometric2F1(0.5, 0.5, 1.5, z * z)).toBeCloseTo(Math.asin(z) / z, 10);
    }
  });

  test('2F1(a, b; b; z) = (1 − z)^(−a) even where the plain series would need thousands of terms', () => {
    // c − a − b = −a < 0, so the Euler transformation is taken.
    expect(logHypergeometric2F1(30, 2.5, 2.5, 0.99)).toBeCloseTo(-30 * Math.log(0.01), 8);
    expect(hypergeometric2F1(0.7, 3, 3, 0.3)).toBeCloseTo(0.7 ** -0.7, 12);
  });

  test('rejects z outside [0, 1) with OUT_OF_RANGE', () => {
    expect(() => hypergeometric2F1(1, 1, 2, 1)).toThrow(AnalyticsError);
    // In the user's words (no series notation): the horizon is what they can change.
    expect(() => hypergeometric2F1(1, 1, 2, -0.1)).toThrow(/use a shorter horizon/);
  });
});
