import { clvSeed, marginMultiple, retentionClv } from '../../src/core';

/** Excel's NPV(rate, v1..vn) = Σ v_i / (1 + rate)^i, written out independently. */
function excelNpv(rate: number, values: readonly number[]): number {
  return values.reduce((total, value, index) => total + value / Math.pow(1 + rate, index + 1), 0);
}

describe('clvSeed(profit, terms) — DOMAIN §1.1 / §7.5', () => {
  test('with r = 1 and AC = 0 it equals Excel NPV(d, RP_1..RP_T)', () => {
    const profits = [120, -30, 250.5, 80, 80, 0, 15];
    expect(clvSeed(profits, { discount: 0.08 })).toBeCloseTo(excelNpv(0.08, profits), 10);
    expect(clvSeed(100, { discount: 0.1, periods: 3 })).toBeCloseTo(excelNpv(0.1, [100, 100, 100]), 10);
  });
  test('retention weights period t by r^(t−1) and AC is subtracted once', () => {
    const expected = 100 / 1.1 + (100 * 0.8) / 1.1 ** 2 + (100 * 0.64) / 1.1 ** 3 - 50;
    expect(clvSeed(100, { retention: 0.8, discount: 0.1, periods: 3, acquisitionCost: 50 })).toBeCloseTo(expected, 10);
  });
  test('an infinite horizon gives m / (1 + d − r)', () => {
    expect(clvSeed(100, { retention: 0.8, discount: 0.1 })).toBeCloseTo(100 / 0.3, 10);
  });
  test('the finite sum approaches the infinite one', () => {
    expect(clvSeed(100, { retention: 0.8, discount: 0.1, periods: 400 })).toBeCloseTo(100 / 0.3, 6);
  });
  test('r = 1 without a horizon is BAD_ARGUMENT; bad rates are OUT_OF_RANGE', () => {
    expect(() => clvSeed(100, { discount: 0.1 })).toThrow(expect.objectContaining({ code: 'BAD_ARGUMENT' }));
    expect(() => clvSeed(100, { retention: 1.2, discount: 0.1, periods: 2 })).toThrow(
      expect.objectContaining({ code: 'OUT_OF_RANGE' }),
    );
    expect(() => clvSeed(100, { discount: -1, periods: 2 })).toThrow(expect.objectContaining({ code: 'OUT_OF_RANGE' }));
    expect(() => clvSeed([], { discount: 0.1 })).toThrow(expect.objectContaining({ code: 'EMPTY_INPUT' }));
    expect(() => clvSeed([1, Number.NaN], { discount: 0.1 })).toThrow(expect.objectContaining({ code: 'BAD_NUMBER' }));
    expect(() => clvSeed([1, 2], { discount: 0.1, periods: 3 })).toThrow(
      expect.objectContaining({ code: 'SHAPE_MISMATCH' }),
    );
  });
});

describe('marginMultiple(r, d) — Gupta & Lehmann', () => {
  test.each([
    [0.6, 1.2],
    [0.7, 1.75],
    [0.8, 2.67],
    [0.9, 4.5],
  ])('d = 10 %%, r = %p → %p', (retention, expected) => {
    expect(Number(marginMultiple(retention, 0.1).toFixed(2))).toBe(expected);
  });
  test('the finite form is Σ r^t / (1+d)^t', () => {
    expect(marginMultiple(0.8, 0.1, 2)).toBeCloseTo(0.8 / 1.1 + 0.64 / 1.21, 12);
  });
  test('r^t convention: m · multiple = seed CLV with the first margin also retained', () => {
    expect(150 * marginMultiple(0.55, 0.1)).toBeCloseTo(0.55 * clvSeed(150, { retention: 0.55, discount: 0.1 }), 10);
  });
});

test('retentionClv(150, 55 %, 10 %, AC 100) = 50.00', () => {
  expect(retentionClv(150, 0.55, 0.1, { acquisitionCost: 100 }).toFixed(2)).toBe('50.00');
});
