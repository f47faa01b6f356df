import { fitBgNbd } from '../../../src/core/btyd/fitBgNbd';
import { fitGammaGamma } from '../../../src/core/btyd/fitGammaGamma';
import { AnalyticsError } from '../../../src/core/errors';
import { readCdnowSample } from './cdnowSample';
import { mulberry32, sampleGamma, simulateBgNbd } from './simulate';

const truth = { r: 0.5, alpha: 6, a: 0.7, b: 3 };

describe('fitBgNbd recovers known parameters from simulated data', () => {
  for (const seed of [20240601, 7]) {
    test(`seed ${seed}: 6,000 simulated customers, each parameter within 3 standard errors`, () => {
      const customers = simulateBgNbd(mulberry32(seed), 6000, truth, 20, 52);
      const model = fitBgNbd(customers, { unit: 'weeks' });
      expect(model.converged).toBe(true);
      const se = model.standardErrors;
      expect(se).not.toBeNull();
      if (se === null) return;
      for (const name of ['r', 'alpha', 'a', 'b'] as const) {
        expect(Math.abs(model.params[name] - truth[name])).toBeLessThan(3 * se[name]);
      }
    });
  }
});

describe('fitGammaGamma recovers known parameters from simulated data', () => {
  test('seed 99: 3,000 customers, p, q, γ within 3 standard errors', () => {
    const random = mulberry32(99);
    const p = 4;
    const q = 3.5;
    const gamma = 20;
    const customers = Array.from({ length: 3000 }, () => {
      // ν ~ Gamma(q, γ); each of x purchases ~ Gamma(p, ν); x uniform 1..8 independent of spend.
      const nu = sampleGamma(random, q, gamma);
      const x = 1 + Math.floor(random() * 8);
      let total = 0;
      for (let j = 0; j < x; j++) total += sampleGamma(random, p, nu);
      return { x, meanSpend: total / x };
    });
    const model = fitGammaGamma(customers);
    const se = model.standardErrors;
    expect(se).not.toBeNull();
    if (se === null) return;
    expect(Math.abs(model.params.p - p)).toBeLessThan(3 * se.p);
    expect(Math.abs(model.params.q - q)).toBeLessThan(3 * se.q);
    expect(Math.abs(model.params.gamma - gamma)).toBeLessThan(3 * se.gamma);
  });
});

describe('robustness', () => {
  test("a penalty shrinks the parameters towards 0, as lifetimes' penalizer_coef", () => {
    const cdnow = readCdnowSample();
    const plain = fitBgNbd(cdnow, { unit: 'weeks' });
    const penalised = fitBgNbd(cdnow, { unit: 'weeks', penalty: 0.01 });
    const size = (m: typeof plain) => m.params.r ** 2 + m.params.alpha ** 2 + m.params.a ** 2 + m.params.b ** 2;
    expect(size(penalised)).toBeLessThan(size(plain));
    expect(penalised.logLikelihood).toBeLessThan(plain.logLikelihood);
    expect(penalised.penalty).toBe(0.01);
  });

  test('degenerate data (everyone bought twice at once and never again) is FLAT_LIKELIHOOD or fits, never hangs', () => {
    const customers = Array.from({ length: 50 }, (_, i) => ({ x: 1, tx: 1, T: 1 + (i % 5) }));
    let outcome: string;
    try {
      const model = fitBgNbd(customers, { unit: 'weeks' });
      outcome = Number.isFinite(model.logLikelihood) ? 'fitted' : 'not finite';
    } catch (error) {
      outcome = (error as AnalyticsError).code;
    }
    expect(['fitted', 'FLAT_LIKELIHOOD', 'NOT_CONVERGED']).toContain(outcome);
  });

  test('one repeat customer among 20 one-time buyers: FLAT_LIKELIHOOD that says what to try', () => {
    const customers = [{ x: 1, tx: 3, T: 10 }, ...Array.from({ length: 20 }, () => ({ x: 0, tx: 0, T: 10 }))];
    let caught: unknown;
    try {
      fitBgNbd(customers, { unit: 'weeks' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AnalyticsError);
    expect((caught as AnalyticsError).code).toBe('FLAT_LIKELIHOOD');
    expect((caught as AnalyticsError).message).toMatch(/runs to (0|∞).*(more customers|penalty)/);
  });
});
