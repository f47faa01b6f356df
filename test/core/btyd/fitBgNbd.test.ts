import { AnalyticsError } from '../../../src/core/errors';
import { fitBgNbd } from '../../../src/core/btyd/fitBgNbd';
import {
  bgnbdConditionalExpected,
  bgnbdExpectedPurchases,
  bgnbdPAlive,
  bgnbdProbabilityOfPurchases,
} from '../../../src/core/btyd/bgnbdPredictions';
import type { BgNbdModel } from '../../../src/core/btyd/types';
import { readCdnowSample } from './cdnowSample';
import { englishWarnings } from '../../messages/englishWarnings';

const cdnow = readCdnowSample();
const weeks = (value: number) => ({ value, unit: 'weeks' as const });

/** The published point estimates rounded as in the paper, for the individual checks of DOMAIN §1.2. */
function publishedModel(): BgNbdModel {
  return {
    kind: 'bgnbd',
    unit: 'weeks',
    params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
    logLikelihood: -9582.43,
    converged: true,
    iterations: 0,
    standardErrors: null,
    customers: 2357,
    penalty: 0,
    warnings: [],
  };
}

function expectCode(action: () => unknown, code: string): void {
  let caught: unknown;
  try {
    action();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(AnalyticsError);
  expect((caught as AnalyticsError).code).toBe(code);
}

describe('fitBgNbd', () => {
  const model = fitBgNbd(cdnow, { unit: 'weeks' });

  test("the CDNOW sample helper reproduces Hardie's cdnowSummary: 2,357 customers, 946 repeaters, 2,457 repeat purchases", () => {
    expect(cdnow).toHaveLength(2357);
    expect(cdnow.filter((c) => c.x > 0)).toHaveLength(946);
    expect(cdnow.reduce((s, c) => s + c.x, 0)).toBe(2457);
  });

  test('fitBgNbd(CDNOW sample) matches Fader, Hardie & Lee (2005): r, α, a, b to 4 significant digits', () => {
    expect(model.params.r).toBeCloseTo(0.2426, 4);
    expect(model.params.alpha).toBeCloseTo(4.4136, 3);
    expect(model.params.a).toBeCloseTo(0.7929, 4);
    expect(model.params.b).toBeCloseTo(2.4259, 3);
    expect(Math.abs(model.params.alpha - 4.4136)).toBeLessThan(0.00005 * 4.4136 * 2);
    expect(Math.abs(model.params.b - 2.4259)).toBeLessThan(0.00005 * 2.4259 * 2);
  });

  test('fitBgNbd(CDNOW sample) log-likelihood is −9582.43 (Fader, Hardie & Lee 2005) and it converged', () => {
    expect(Math.abs(model.logLikelihood - -9582.43)).toBeLessThan(0.01);
    expect(model.converged).toBe(true);
    expect(model.iterations).toBeGreaterThan(0);
    expect(model.unit).toBe('weeks');
    expect(model.kind).toBe('bgnbd');
  });

  test('standard errors are positive and the parameters are many errors from zero', () => {
    const se = model.standardErrors;
    expect(se).not.toBeNull();
    if (se === null) return;
    // Independent check: curvature of the profile in r by finite differences of the fitted LL is not
    // available here, so check the magnitudes published by BTYD users (se(r) ≈ 0.0126, se(α) ≈ 0.378).
    expect(se.r).toBeGreaterThan(0.005);
    expect(se.r).toBeLessThan(0.03);
    expect(se.alpha).toBeGreaterThan(0.2);
    expect(se.alpha).toBeLessThan(0.6);
    expect(model.params.r / se.r).toBeGreaterThan(10);
  });

  test('the fitted model warns that one-time buyers get P(alive) = 1 and names the MBG/NBD remedy', () => {
    expect(englishWarnings(model.warnings).join(' ')).toMatch(/1411 customers .*P\(alive\) = 1.*MBG\/NBD/);
  });

  test('does not mutate its input', () => {
    const input = Object.freeze(cdnow.slice(0, 200).map((c) => Object.freeze({ x: c.x, tx: c.tx, T: c.T })));
    expect(() => fitBgNbd(input, { unit: 'weeks' })).not.toThrow();
  });

  test('row order does not change the fit', () => {
    const reversed = fitBgNbd(cdnow.slice().reverse(), { unit: 'weeks' });
    expect(reversed.logLikelihood).toBeCloseTo(model.logLikelihood, 6);
    expect(reversed.params.r).toBeCloseTo(model.params.r, 5);
  });

  test('the same data in days gives the same r, a, b and α scaled by 7 (units stay in the model)', () => {
    const days = fitBgNbd(
      cdnow.map((c) => ({ x: c.x, tx: c.tx * 7, T: c.T * 7 })),
      { unit: 'days' },
    );
    expect(days.unit).toBe('days');
    expect(days.params.r).toBeCloseTo(model.params.r, 4);
    expect(days.params.alpha / 7).toBeCloseTo(model.params.alpha, 3);
    expect(days.params.a).toBeCloseTo(model.params.a, 4);
    // The LL differs by the Jacobian of the time change: (Σ x = 2457 repeat purchases) · ln 7.
    expect(days.logLikelihood - model.logLikelihood).toBeCloseTo(-2457 * Math.log(7), 4);
  });

  test('errors: empty input, bad rows, nobody repeats', () => {
    expectCode(() => fitBgNbd([], { unit: 'weeks' }), 'EMPTY_INPUT');
    expectCode(() => fitBgNbd([{ x: 1.5, tx: 1, T: 2 }], { unit: 'weeks' }), 'BAD_NUMBER');
    expectCode(() => fitBgNbd([{ x: 1, tx: 3, T: 2 }], { unit: 'weeks' }), 'BAD_NUMBER');
    expectCode(() => fitBgNbd([{ x: 1, tx: NaN, T: 2 }], { unit: 'weeks' }), 'BAD_NUMBER');
    expectCode(
      () =>
        fitBgNbd(
          [
            { x: 0, tx: 0, T: 5 },
            { x: 0, tx: 0, T: 9 },
          ],
          { unit: 'weeks' },
        ),
      'NO_REPEAT_CUSTOMERS',
    );
    expectCode(() => fitBgNbd(cdnow, { unit: 'weeks', penalty: -1 }), 'OUT_OF_RANGE');
  });

  test('the bad-row error names the row', () => {
    try {
      fitBgNbd(
        [
          { x: 1, tx: 1, T: 2 },
          { x: -1, tx: 0, T: 2 },
        ],
        { unit: 'weeks' },
      );
    } catch (error) {
      expect((error as AnalyticsError).where?.row).toBe(2);
    }
    expect.assertions(1);
  });
});

describe('BG/NBD predictions at the published estimates (DOMAIN §1.2)', () => {
  const published = publishedModel();
  const fitted = fitBgNbd(cdnow, { unit: 'weeks' });
  const customer = { x: 26, tx: 30.85714, T: 31 };

  test('bgnbdConditionalExpected(x=26, t_x=30.86, T=31, 52 weeks) = 25.7566 (Fader, Hardie & Lee 2005)', () => {
    expect(bgnbdConditionalExpected(fitted, weeks(52), customer)).toBeCloseTo(25.7566, 2);
    expect(Math.abs(bgnbdConditionalExpected(fitted, weeks(52), customer) - 25.7566)).toBeLessThan(0.001);
  });

  test('at the rounded published estimates (0.243, 4.414, 0.793, 2.426) the 52-week expectation is 25.7566 to 1e-4', () => {
    expect(Math.abs(bgnbdConditionalExpected(published, weeks(52), customer) - 25.7566)).toBeLessThan(2e-4);
    expect(bgnbdPAlive(published, customer)).toBeCloseTo(0.96885, 5);
  });

  test('bgnbdPAlive(x=26, t_x=30.86, T=31) = 0.96885 (Fader, Hardie & Lee 2005)', () => {
    expect(bgnbdPAlive(fitted, customer)).toBeCloseTo(0.96885, 5);
  });

  test('bgnbdExpectedPurchases(52 weeks) = 1.4440 (Fader, Hardie & Lee 2005)', () => {
    expect(bgnbdExpectedPurchases(fitted, weeks(52))).toBeCloseTo(1.444, 4);
  });

  test('bgnbdProbabilityOfPurchases(39 weeks, 0) = 0.57379 at (0.243, 4.414, 0.793, 2.426)', () => {
    expect(bgnbdProbabilityOfPurchases(published, weeks(39), 0)).toBeCloseTo(0.57379, 5);
  });

  test('P(X(t) = n) sums to 1 over n and its mean is E[X(t)]', () => {
    let total = 0;
    let mean = 0;
    for (let n = 0; n < 400; n++) {
      const p = bgnbdProbabilityOfPurchases(fitted, weeks(52), n);
      total += p;
      mean += n * p;
    }
    expect(total).toBeCloseTo(1, 8);
    expect(mean).toBeCloseTo(bgnbdExpectedPurchases(fitted, weeks(52)), 4);
  });

  test('E[X(t)] agrees with an independent numerical integration over the dropout process', () => {
    // E[X(t)] = E_p E_λ[(1 − (1−p)^... )]: for a given λ, p, the expected count is (1 − e^{−λpt})/p.
    // Average over λ ~ Gamma(r, α) and p ~ Beta(a, b) by a midpoint rule on quantile grids is heavy;
    // instead integrate over p only, using E_λ[(1 − e^{−λpt})] = 1 − (α/(α+pt))^r.
    const { r, alpha, a, b } = fitted.params;
    const t = 52;
    const steps = 200_000;
    let integral = 0;
    let norm = 0;
    for (let i = 0; i < steps; i++) {
      const p = (i + 0.5) / steps;
      const density = p ** (a - 1) * (1 - p) ** (b - 1);
      integral += (density * (1 - (alpha / (alpha + p * t)) ** r)) / p;
      norm += density;
    }
    expect(integral / norm).toBeCloseTo(bgnbdExpectedPurchases(fitted, weeks(t)), 2);
  });

  test('one-time buyers get P(alive) = 1 under BG/NBD but less under MBG/NBD', () => {
    const modified = fitBgNbd(cdnow, { unit: 'weeks', modified: true });
    expect(bgnbdPAlive(fitted, { x: 0, tx: 0, T: 30 })).toBe(1);
    expect(bgnbdPAlive(modified, { x: 0, tx: 0, T: 30 })).toBeLessThan(1);
    expect(modified.kind).toBe('mbgnbd');
    expect(modified.converged).toBe(true);
  });

  test('a horizon in days is converted with the model unit: 364 days = 52 weeks', () => {
    expect(bgnbdExpectedPurchases(fitted, { value: 364, unit: 'days' })).toBeCloseTo(
      bgnbdExpectedPurchases(fitted, weeks(52)),
      12,
    );
    expect(bgnbdConditionalExpected(fitted, { value: 364, unit: 'days' }, customer)).toBeCloseTo(
      bgnbdConditionalExpected(fitted, weeks(52), customer),
      12,
    );
  });

  test('zero horizon predicts nothing; a negative horizon is an error', () => {
    expect(bgnbdExpectedPurchases(fitted, weeks(0))).toBe(0);
    expectCode(() => bgnbdExpectedPurchases(fitted, weeks(-1)), 'OUT_OF_RANGE');
    expectCode(() => bgnbdPAlive(fitted, { x: 2, tx: 5, T: 3 }), 'OUT_OF_RANGE');
    // x = 0 means no repeat purchase, so t_x = 0: anything else is inconsistent input, not a customer.
    expectCode(() => bgnbdPAlive(fitted, { x: 0, tx: 4, T: 30 }), 'OUT_OF_RANGE');
  });
});
