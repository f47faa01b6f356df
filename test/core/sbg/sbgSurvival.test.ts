import { sbgChurnProbability, sbgRetention, sbgSurvival } from '../../../src/core';
import { errorOf } from '../../analyticsErrors';

const HIGH_END = { alpha: 0.668, beta: 3.806 };

describe('sbgSurvival, sbgRetention, sbgChurnProbability', () => {
  test('sbgSurvival equals B(α, β+t)/B(α, β) (values from SciPy betaln)', () => {
    expect(sbgSurvival(HIGH_END, 0)).toBe(1);
    expect(sbgSurvival(HIGH_END, 1)).toBeCloseTo(0.8506928922664282, 12);
    expect(sbgSurvival(HIGH_END, 7)).toBeCloseTo(0.4889446208937267, 12);
    expect(sbgSurvival(HIGH_END, 20)).toBeCloseTo(0.286884608624183, 12);
  });

  test('sbgRetention rises with tenure and is S(t)/S(t−1)', () => {
    const rates = [1, 2, 3, 8, 50].map((t) => sbgRetention(HIGH_END, t));
    for (let i = 1; i < rates.length; i++) expect(rates[i]!).toBeGreaterThan(rates[i - 1]!);
    expect(sbgRetention(HIGH_END, 8)).toBeCloseTo(sbgSurvival(HIGH_END, 8) / sbgSurvival(HIGH_END, 7), 12);
    expect(sbgRetention(HIGH_END, 8)).toBeCloseTo(10.806 / 11.474, 12);
  });

  test('sbgChurnProbability is B(α+1, β+t−1)/B(α, β) and the churn probabilities sum with S(t) to 1', () => {
    expect(sbgChurnProbability(HIGH_END, 3)).toBeCloseTo(0.0770647093834792, 12);
    let total = sbgSurvival(HIGH_END, 10);
    for (let t = 1; t <= 10; t++) total += sbgChurnProbability(HIGH_END, t);
    expect(total).toBeCloseTo(1, 12);
  });

  test('bad parameters and periods are refused with OUT_OF_RANGE', () => {
    expect(errorOf(() => sbgSurvival({ alpha: 0, beta: 1 }, 1)).code).toBe('OUT_OF_RANGE');
    expect(errorOf(() => sbgSurvival(HIGH_END, -1)).code).toBe('OUT_OF_RANGE');
    expect(errorOf(() => sbgSurvival(HIGH_END, 1.5)).code).toBe('OUT_OF_RANGE');
    expect(errorOf(() => sbgRetention(HIGH_END, 0)).code).toBe('OUT_OF_RANGE');
    expect(errorOf(() => sbgChurnProbability({ alpha: 1, beta: NaN }, 1)).code).toBe('OUT_OF_RANGE');
  });
});
