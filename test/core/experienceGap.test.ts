import { deliveredValue, experienceGap } from '../../src/core';

describe("experienceGap(factors) — the seed's retail example (DOMAIN §5)", () => {
  const result = experienceGap([
    { name: 'price', experience: 7, expectation: 7 },
    { name: 'brand', experience: 7, expectation: 7 },
    { name: 'service', experience: 6 },
    { name: 'product', experience: 6, expectation: 7 },
    { name: 'convenience', experience: 5, expectation: 7, importance: 9, ideal: 10 },
    { name: 'relationship', experience: 4 },
  ]);
  test('convenience is the key experience and its gap is −5', () => {
    expect(result.keyExperience).toBe('convenience');
    expect(result.factors[4]).toEqual({ name: 'convenience', satisfaction: -2, weightedSatisfaction: -18, gap: -5 });
  });
  test('satisfaction = experience − expectation; missing scores give null', () => {
    expect(result.factors.map((factor) => factor.satisfaction)).toEqual([0, 0, null, -1, -2, null]);
    expect(result.factors[0]?.gap).toBeNull();
  });
  test('no factors is EMPTY_INPUT; a non-number is BAD_NUMBER', () => {
    expect(() => experienceGap([])).toThrow(expect.objectContaining({ code: 'EMPTY_INPUT' }));
    expect(() => experienceGap([{ name: 'x', experience: Number.NaN }])).toThrow(
      expect.objectContaining({ code: 'BAD_NUMBER' }),
    );
  });
});

describe('deliveredValue(TCV, TCC, mode)', () => {
  test('difference and ratio', () => {
    expect(deliveredValue(120, 80)).toBe(40);
    expect(deliveredValue(120, 80, 'ratio')).toBe(1.5);
  });
  test('a ratio with TCC ≤ 0 is OUT_OF_RANGE', () => {
    expect(() => deliveredValue(1, 0, 'ratio')).toThrow(expect.objectContaining({ code: 'OUT_OF_RANGE' }));
  });
});
