import gammaln from '@stdlib/math-base-special-gammaln';
import { fitGammaGamma, gammaGammaExpectedSpend } from '../../../src/core/btyd/fitGammaGamma';
import { readCdnowSample } from './cdnowSample';
import { codeOf } from '../../analyticsErrors';
import { englishWarnings } from '../../messages/englishWarnings';

const cdnow = readCdnowSample();

/**
 * The Gamma–Gamma log-likelihood rearranged as a mixture of shares (γ/(γ+xm))^q (xm/(γ+xm))^(px) / m, an
 * algebraically different route from the implementation, as a cross-check.
 */
function directLogLikelihood(p: number, q: number, gamma: number, rows: readonly { x: number; meanSpend: number }[]) {
  let ll = 0;
  for (const { x, meanSpend: m } of rows) {
    if (x === 0) continue;
    const total = gamma + x * m;
    const betaPart = gammaln(p * x + q) - gammaln(p * x) - gammaln(q);
    ll += betaPart + q * Math.log(gamma / total) + p * x * Math.log((x * m) / total) - Math.log(m);
  }
  return ll;
}

describe('fitGammaGamma', () => {
  const model = fitGammaGamma(cdnow);

  test('fitGammaGamma(CDNOW repeaters) matches Fader & Hardie (2013): p 6.25, q 3.74, γ 15.44, LL −4055.92', () => {
    expect(model.customers).toBe(946);
    expect(model.params.p).toBeCloseTo(6.25, 2);
    expect(model.params.q).toBeCloseTo(3.74, 2);
    expect(model.params.gamma).toBeCloseTo(15.44, 2);
    expect(Math.abs(model.logLikelihood - -4055.92)).toBeLessThan(0.01);
    expect(model.converged).toBe(true);
  });

  test('the reported LL equals the likelihood written out independently', () => {
    const { p, q, gamma } = model.params;
    expect(model.logLikelihood).toBeCloseTo(directLogLikelihood(p, q, gamma, cdnow), 6);
  });

  test('gammaGammaExpectedSpend(x = 0) is the population mean pγ/(q−1) ≈ 35.17 (DOMAIN §1.2)', () => {
    expect(gammaGammaExpectedSpend(model, 0, 0)).toBeCloseTo(35.17, 2);
  });

  test('expected spend is a credibility-weighted mean of the population mean and the customer mean', () => {
    const { p, q, gamma } = model.params;
    const population = (p * gamma) / (q - 1);
    const x = 3;
    const m = 80;
    const weight = (p * x) / (p * x + q - 1);
    expect(gammaGammaExpectedSpend(model, x, m)).toBeCloseTo((1 - weight) * population + weight * m, 10);
  });

  test('spend ≤ 0 is excluded and counted; those customers are predicted like new ones', () => {
    const withBad = [...cdnow, { x: 2, meanSpend: 0 }, { x: 1, meanSpend: -5 }];
    const fitted = fitGammaGamma(withBad);
    expect(fitted.customers).toBe(946);
    expect(fitted.excludedNonPositiveSpend).toBe(2);
    expect(englishWarnings(fitted.warnings).join(' ')).toMatch(/2 customers with mean spend ≤ 0/);
    expect(gammaGammaExpectedSpend(fitted, 2, -5)).toBeCloseTo(gammaGammaExpectedSpend(fitted, 0, 0), 10);
  });

  test('warns when frequency and spend are correlated', () => {
    expect(englishWarnings(model.warnings)).toHaveLength(0);
    const correlated = cdnow.filter((c) => c.x > 0).map((c) => ({ x: c.x, meanSpend: c.meanSpend * (1 + c.x) }));
    const fitted = fitGammaGamma(correlated);
    expect(fitted.frequencySpendCorrelation).toBeGreaterThan(0.3);
    expect(englishWarnings(fitted.warnings).join(' ')).toMatch(/correlated/);
  });

  test('errors: nobody repeats, bad numbers', () => {
    expect(codeOf(() => fitGammaGamma([{ x: 0, meanSpend: 0 }]))).toBe('NO_REPEAT_CUSTOMERS');
    expect(codeOf(() => fitGammaGamma([]))).toBe('NO_REPEAT_CUSTOMERS');
    expect(codeOf(() => fitGammaGamma([{ x: 1, meanSpend: NaN }]))).toBe('BAD_NUMBER');
    expect(codeOf(() => gammaGammaExpectedSpend(model, -1, 3))).toBe('BAD_NUMBER');
  });
});
