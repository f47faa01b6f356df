import { fitSbg, sbgSurvival } from '../../../src/core';
import { errorOf } from '../../analyticsErrors';
import { mulberry32, sampleBeta } from '../btyd/simulate';

// Fader & Hardie (2007), "How to project customer retention", Table 1 "High End": survivors per 1,000 at years 0–7.
const HIGH_END = [1000, 869, 743, 653, 593, 551, 517, 491];
// The same paper's "Regular" segment, Table 1, with its published estimates α = 0.704, β = 1.182.
const REGULAR = [1000, 631, 468, 382, 326, 289, 262, 241];

describe('fitSbg', () => {
  test('fitSbg(high end) matches Fader & Hardie (2007): α = 0.668, β = 3.806, LL = −1611.2', () => {
    const model = fitSbg([HIGH_END]);
    expect(model.params.alpha).toBeCloseTo(0.668, 3);
    expect(model.params.beta).toBeCloseTo(3.806, 3);
    expect(model.logLikelihood).toBeCloseTo(-1611.16, 2);
    expect(model.converged).toBe(true);
    expect(model.customers).toBe(1000);
    expect(model.periods).toBe(7);
  });

  test('fitSbg(regular) matches Fader & Hardie (2007): α = 0.704, β = 1.182', () => {
    const model = fitSbg([REGULAR]);
    expect(model.params.alpha).toBeCloseTo(0.704, 3);
    expect(model.params.beta).toBeCloseTo(1.182, 3);
  });

  test('standard errors equal the inverse observed information by second differences of the log-likelihood', () => {
    const model = fitSbg([HIGH_END]);
    // Independent LL: by the survival products, not the gamma functions of the fit.
    const ll = (alpha: number, beta: number): number => {
      let sum = 0;
      for (let t = 1; t < HIGH_END.length; t++) {
        const lost = HIGH_END[t - 1]! - HIGH_END[t]!;
        sum += lost * Math.log(sbgSurvival({ alpha, beta }, t - 1) - sbgSurvival({ alpha, beta }, t));
      }
      return sum + HIGH_END[HIGH_END.length - 1]! * Math.log(sbgSurvival({ alpha, beta }, HIGH_END.length - 1));
    };
    const { alpha, beta } = model.params;
    expect(ll(alpha, beta)).toBeCloseTo(model.logLikelihood, 6);
    const ha = alpha * 1e-4;
    const hb = beta * 1e-4;
    const haa = (ll(alpha + ha, beta) - 2 * ll(alpha, beta) + ll(alpha - ha, beta)) / (ha * ha);
    const hbb = (ll(alpha, beta + hb) - 2 * ll(alpha, beta) + ll(alpha, beta - hb)) / (hb * hb);
    const hab =
      (ll(alpha + ha, beta + hb) - ll(alpha + ha, beta - hb) - ll(alpha - ha, beta + hb) + ll(alpha - ha, beta - hb)) /
      (4 * ha * hb);
    const det = haa * hbb - hab * hab;
    expect(model.standardErrors!.alpha).toBeCloseTo(Math.sqrt(-hbb / det), 3);
    expect(model.standardErrors!.beta).toBeCloseTo(Math.sqrt(-haa / det), 2);
  });

  test('pooling adds log-likelihoods: two copies of a cohort give the same estimates and twice the LL', () => {
    const pooled = fitSbg([HIGH_END, HIGH_END]);
    const single = fitSbg([HIGH_END]);
    expect(pooled.customers).toBe(2000);
    expect(pooled.cohorts).toBe(2);
    expect(pooled.params.alpha).toBeCloseTo(single.params.alpha, 5);
    expect(pooled.params.beta).toBeCloseTo(single.params.beta, 4);
    expect(pooled.logLikelihood).toBeCloseTo(2 * single.logLikelihood, 4);
    // Twice the customers: standard errors shrink by √2.
    expect(pooled.standardErrors!.alpha * Math.SQRT2).toBeCloseTo(single.standardErrors!.alpha, 4);
  });

  test('recovers simulated cohorts of different ages within two standard errors (seed printed)', () => {
    const seed = 20070115;
    const random = mulberry32(seed);
    const truth = { alpha: 0.8, beta: 2.5 };
    // 12 monthly cohorts of 400 customers, the oldest observed for 12 periods, the newest for 1: a triangle.
    const cohorts: number[][] = [];
    for (let cohort = 0; cohort < 12; cohort++) {
      const age = 12 - cohort;
      const alive = new Array<number>(age + 1).fill(0);
      for (let customer = 0; customer < 400; customer++) {
        const theta = sampleBeta(random, truth.alpha, truth.beta);
        let t = 0;
        alive[0]! += 1;
        while (t < age && random() >= theta) {
          t += 1;
          alive[t]! += 1;
        }
      }
      cohorts.push(alive);
    }
    const model = fitSbg(cohorts);
    const se = model.standardErrors!;
    const message = `seed ${seed}: alpha ${model.params.alpha} ± ${se.alpha}, beta ${model.params.beta} ± ${se.beta}`;
    expect([message, Math.abs(model.params.alpha - truth.alpha) < 2 * se.alpha]).toEqual([message, true]);
    expect([message, Math.abs(model.params.beta - truth.beta) < 2 * se.beta]).toEqual([message, true]);
    expect(model.periods).toBe(12);
  });

  test('fitSbg does not mutate its input', () => {
    const input = Object.freeze([Object.freeze([...HIGH_END])]);
    fitSbg(input);
    expect(input[0]).toEqual(HIGH_END);
  });

  test('fitSbg refuses a rising series (not contractual), an empty input, negative counts and no churn', () => {
    const rising = errorOf(() => fitSbg([[100, 90, 95]]));
    expect([rising.code, rising.message]).toEqual(['OUT_OF_RANGE', expect.stringMatching(/cannot rise/)]);
    expect(errorOf(() => fitSbg([])).code).toBe('EMPTY_INPUT');
    expect(errorOf(() => fitSbg([[100]])).code).toBe('EMPTY_INPUT');
    const negative = errorOf(() => fitSbg([[100, -1]]));
    expect([negative.code, negative.message]).toEqual(['BAD_NUMBER', expect.stringMatching(/period 1/)]);
    expect(errorOf(() => fitSbg([[100, 100, 100]])).code).toBe('FLAT_LIKELIHOOD');
  });
});
