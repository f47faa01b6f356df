import gammaln from '@stdlib/math-base-special-gammaln';
import { bgnbdExpectedPurchases, bgnbdProbabilityOfPurchases } from '../../../src/core/btyd/bgnbdPredictions';
import { fitBgNbd } from '../../../src/core/btyd/fitBgNbd';
import { fitParetoNbd } from '../../../src/core/btyd/fitParetoNbd';
import { frequencyHistogram } from '../../../src/core/btyd/frequencyHistogram';
import { horizonInUnits } from '../../../src/core/btyd/horizonInUnits';
import { paretoPAlive } from '../../../src/core/btyd/paretoPredictions';
import { predictCustomerValues } from '../../../src/core/btyd/predictCustomerValues';
import { AnalyticsError } from '../../../src/core/errors';
import { readCdnowSample } from './cdnowSample';
import { englishWarnings } from '../../messages/englishWarnings';

const cdnow = readCdnowSample();

describe('horizonInUnits', () => {
  test('converts with 7 days a week and 30.4375 days a month (DOMAIN §7.1)', () => {
    expect(horizonInUnits({ value: 14, unit: 'days' }, 'weeks')).toBe(2);
    expect(horizonInUnits({ value: 1, unit: 'months' }, 'days')).toBe(30.4375);
    expect(horizonInUnits({ value: 12, unit: 'months' }, 'weeks')).toBeCloseTo(52.17857, 5);
    expect(() => horizonInUnits({ value: Number.NaN, unit: 'days' }, 'weeks')).toThrow(AnalyticsError);
  });
});

describe('MBG/NBD (Batislam, Denizel & Filiztekin 2007)', () => {
  const model = fitBgNbd(cdnow, { unit: 'weeks', modified: true });

  test('P(X(t) = n) sums to 1 and its mean is E[X(t)]', () => {
    let total = 0;
    let mean = 0;
    for (let n = 0; n < 400; n++) {
      const p = bgnbdProbabilityOfPurchases(model, { value: 39, unit: 'weeks' }, n);
      total += p;
      mean += n * p;
    }
    expect(total).toBeCloseTo(1, 8);
    expect(mean).toBeCloseTo(bgnbdExpectedPurchases(model, { value: 39, unit: 'weeks' }), 4);
  });

  test('fits the CDNOW sample at least as well as BG/NBD (it nests a richer dropout story)', () => {
    expect(model.converged).toBe(true);
    expect(model.logLikelihood).toBeGreaterThan(-9590);
  });
});

describe('paretoPAlive', () => {
  test('equals P(alive | data) by Bayes with the lifetime integrated numerically', () => {
    const model = fitParetoNbd(cdnow.slice(0, 800), { unit: 'weeks' });
    const { r, alpha, s, beta } = model.params;
    for (const [x, tx, T] of [
      [0, 0, 30],
      [3, 12, 30],
      [10, 29, 30],
    ] as const) {
      const nbd = (time: number) =>
        Math.exp(gammaln(r + x) - gammaln(r) + r * Math.log(alpha) - (r + x) * Math.log(alpha + time));
      const alive = nbd(T) * (beta / (beta + T)) ** s;
      let dead = 0;
      const steps = 20_000;
      const width = (T - tx) / steps;
      for (let i = 0; i < steps; i++) {
        const tau = tx + (i + 0.5) * width;
        dead += nbd(tau) * ((s * beta ** s) / (beta + tau) ** (s + 1)) * width;
      }
      expect(paretoPAlive(model, { x, tx, T })).toBeCloseTo(alive / (alive + dead), 6);
    }
  });
});

describe('frequencyHistogram', () => {
  test('counts customers by calibration frequency and the model expectation adds up to the customers', () => {
    const model = fitBgNbd(cdnow, { unit: 'weeks' });
    const rows = frequencyHistogram(model, cdnow);
    expect(rows.map((row) => row.actual)).toEqual([1411, 439, 214, 100, 62, 38, 29, 64]);
    expect(rows.reduce((sum, row) => sum + (row.model ?? 0), 0)).toBeCloseTo(2357, 6);
  });
});

describe('predictCustomerValues with the Pareto/NBD', () => {
  test('gives one-time buyers P(alive) < 1 and no P(alive) = 1 warning', () => {
    const result = predictCustomerValues(cdnow, {
      unit: 'weeks',
      horizonMonths: 6,
      monthlyDiscount: 0.01,
      margin: 1,
      model: 'pareto',
    });
    expect(result.model.kind).toBe('pareto');
    const oneTime = result.perCustomer.filter((_, i) => cdnow[i]!.x === 0);
    expect(oneTime.every((row) => row.pAlive < 1 && row.predictedClv > 0)).toBe(true);
    expect(englishWarnings(result.warnings).join(' ')).not.toMatch(/P\(alive\) = 1/);
  });
});

describe('BG/NBD at the removable singularity a = 1', () => {
  test('bgnbdExpectedPurchases(a = 1) is finite and matches numerical integration over p ~ Beta(1, b)', () => {
    const base = fitBgNbd(cdnow, { unit: 'weeks' });
    const model = { ...base, params: { ...base.params, a: 1 } };
    const { r, alpha, b } = model.params;
    const t = 52;
    // E[X(t) | p] averaged over λ ~ Gamma(r, α): (1 − (α/(α+pt))^r)/p; then over p with density b(1−p)^(b−1).
    const steps = 400_000;
    let integral = 0;
    for (let i = 0; i < steps; i++) {
      const p = (i + 0.5) / steps;
      integral += (b * (1 - p) ** (b - 1) * (1 - (alpha / (alpha + p * t)) ** r)) / p / steps;
    }
    const value = bgnbdExpectedPurchases(model, { value: t, unit: 'weeks' });
    expect(Number.isFinite(value)).toBe(true);
    expect(value).toBeCloseTo(integral, 3);
  });
});

describe('bounded iterations', () => {
  test('a fit that runs out of iterations stops with NOT_CONVERGED and says what to try', () => {
    let caught: unknown;
    try {
      fitBgNbd(cdnow, { unit: 'weeks', maxIterations: 2 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AnalyticsError);
    expect((caught as AnalyticsError).code).toBe('NOT_CONVERGED');
    expect((caught as AnalyticsError).message).toMatch(/Try a longer calibration period/);
    expect((caught as AnalyticsError).where).toEqual({ argument: 'penalty' });
  });
});
