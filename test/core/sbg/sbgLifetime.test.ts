import { fitSbg, sbgClv, sbgLifetime, sbgSurvival } from '../../../src/core';
import { errorOf } from '../../analyticsErrors';

const HIGH_END_SERIES = [1000, 869, 743, 653, 593, 551, 517, 491];
const ROUNDED = { alpha: 0.668, beta: 3.806 };

/** Σ S(t)/S(n−1)/(1+d)^(t−n) for t = n … n+terms−1, summed directly from the survival function. */
function directSum(params: typeof ROUNDED, discount: number, n: number, terms: number): number {
  let sum = 0;
  const base = sbgSurvival(params, n - 1);
  for (let t = n; t < n + terms; t++) sum += sbgSurvival(params, t) / base / (1 + discount) ** (t - n);
  return sum;
}

describe('sbgLifetime', () => {
  test('DERL(d = 10 %, n = 8) on the fitted high-end segment is 7.53 (Fader & Hardie 2010)', () => {
    const model = fitSbg([HIGH_END_SERIES]);
    const derl = sbgLifetime(model.params, { discount: 0.1, renewals: 7 });
    expect(derl.value).toBeCloseTo(7.53, 2);
    expect(derl).toMatchObject({ measure: 'DERL', boundedBy: 'discount' });
  });

  test('closed forms equal SciPy hyp2f1 and the direct sums of discounted survival', () => {
    const del = sbgLifetime(ROUNDED, { discount: 0.1 });
    expect(del.value).toBeCloseTo(5.922596407612753, 9);
    expect(del.measure).toBe('DEL');
    expect(sbgLifetime(ROUNDED, { discount: 0.1, renewals: 7 }).value).toBeCloseTo(7.529949530910963, 9);
    // DEL = 1 + DERL(n = 1)/(1+d): the first payment at t = 0, then the residual lifetime valued a period later.
    expect(del.value).toBeCloseTo(1 + directSum(ROUNDED, 0.1, 1, 600) / 1.1, 9);
    expect(sbgLifetime(ROUNDED, { discount: 0.05, renewals: 3 }).value).toBeCloseTo(
      directSum(ROUNDED, 0.05, 4, 1500),
      8,
    );
  });

  test('a horizon counts that many payments, also without discounting', () => {
    const derl = sbgLifetime(ROUNDED, { discount: 0.1, renewals: 2, horizon: 5 });
    expect(derl.value).toBeCloseTo(directSum(ROUNDED, 0.1, 3, 5), 12);
    expect(derl.boundedBy).toBe('horizon');
    const del = sbgLifetime(ROUNDED, { discount: 0, horizon: 3 });
    expect(del.value).toBeCloseTo(1 + sbgSurvival(ROUNDED, 1) + sbgSurvival(ROUNDED, 2), 12);
  });

  test('an undiscounted lifetime without horizon is refused (infinite when α ≤ 1)', () => {
    const error = errorOf(() => sbgLifetime(ROUNDED, { discount: 0 }));
    expect([error.code, error.message]).toEqual(['OUT_OF_RANGE', expect.stringMatching(/horizon/)]);
    expect(errorOf(() => sbgLifetime(ROUNDED, { discount: -0.1 })).code).toBe('OUT_OF_RANGE');
    expect(errorOf(() => sbgLifetime(ROUNDED, { discount: 0.1, renewals: -1 })).code).toBe('OUT_OF_RANGE');
    expect(errorOf(() => sbgLifetime(ROUNDED, { discount: 0.1, horizon: 0 })).code).toBe('OUT_OF_RANGE');
  });
});

describe('sbgClv', () => {
  test('margin × DERL beside the constant-r Gupta–Lehmann multiple × (1+d), m·r(1+d)/(1+d−r) with r = r(n)', () => {
    const result = sbgClv(ROUNDED, { margin: 100, discount: 0.1, renewals: 7 });
    expect(result.clv).toBeCloseTo(752.994953091096, 6);
    const r = (3.806 + 7) / (0.668 + 3.806 + 7);
    expect(result.constantRetention).toBeCloseTo(r, 12);
    expect(result.constantRetentionClv).toBeCloseTo((100 * r * 1.1) / (1.1 - r), 9);
    // Retention rising with tenure makes the customer worth more than one constant r says.
    expect(result.clv).toBeGreaterThan(result.constantRetentionClv);
  });

  test('a new customer: margin × DEL beside m(1+d)/(1+d−r(1)), the seed formula × (1+d)', () => {
    const result = sbgClv(ROUNDED, { margin: 50, discount: 0.1 });
    expect(result.clv).toBeCloseTo(50 * 5.922596407612753, 8);
    const r = 3.806 / 4.474;
    expect(result.constantRetentionClv).toBeCloseTo((50 * 1.1) / (1.1 - r), 9);
  });

  test('with a horizon both values sum that many payments', () => {
    const result = sbgClv(ROUNDED, { margin: 10, discount: 0.1, renewals: 0, horizon: 3 });
    const r = 3.806 / 4.474;
    expect(result.constantRetentionClv).toBeCloseTo(10 * (r + r ** 2 / 1.1 + r ** 3 / 1.21), 12);
    expect(result.clv).toBeCloseTo(10 * directSum(ROUNDED, 0.1, 1, 3), 12);
  });

  test('a margin that is not a number is refused', () => {
    expect(errorOf(() => sbgClv(ROUNDED, { margin: NaN, discount: 0.1 })).code).toBe('OUT_OF_RANGE');
  });
});
