import { abcClasses, median, pyramidTiers, valueMatrixTiers } from '../../src/core';

describe('pyramidTiers(values) — DOMAIN §7.7', () => {
  test('share of customers strictly above: < 20 % Platinum, < 50 % Gold, < 80 % Iron, else Lead', () => {
    const values = [100, 90, 80, 70, 60, 50, 40, 30, 20, 10];
    expect(pyramidTiers(values)).toEqual([
      'platinum',
      'platinum',
      'gold',
      'gold',
      'gold',
      'iron',
      'iron',
      'iron',
      'lead',
      'lead',
    ]);
  });
  test('ties share the higher tier; values ≤ 0 are Lead', () => {
    expect(pyramidTiers([5, 5, 5, 5, 5])).toEqual(['platinum', 'platinum', 'platinum', 'platinum', 'platinum']);
    expect(pyramidTiers([-1, 0, 3])).toEqual(['lead', 'lead', 'platinum']);
  });
  test('empty input gives no tiers; NaN is BAD_NUMBER', () => {
    expect(pyramidTiers([])).toEqual([]);
    expect(() => pyramidTiers([1, Number.NaN])).toThrow(expect.objectContaining({ code: 'BAD_NUMBER' }));
  });
});

describe('valueMatrixTiers(current, potential)', () => {
  test('split at the medians: high/high Platinum, low/high Gold, high/low Iron, low/low Lead', () => {
    expect(valueMatrixTiers([10, 10, 1, 1], [10, 1, 10, 1])).toEqual(['platinum', 'iron', 'gold', 'lead']);
  });
  test('given thresholds', () => {
    expect(valueMatrixTiers([5], [5], { current: 4, potential: 6 })).toEqual(['iron']);
  });
  test('lists of different length are SHAPE_MISMATCH', () => {
    expect(() => valueMatrixTiers([1], [1, 2])).toThrow(expect.objectContaining({ code: 'SHAPE_MISMATCH' }));
  });
  test('median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('abcClasses(values)', () => {
  test('A while the cumulative share before is < 80 %, B < 95 %, C the rest', () => {
    // Total 100: shares before 0, 50, 80, 90, 95.
    expect(abcClasses([50, 30, 10, 5, 5])).toEqual(['A', 'A', 'B', 'B', 'B']);
    expect(abcClasses([60, 20, 15, 4, 1])).toEqual(['A', 'A', 'B', 'C', 'C']);
  });
  test('ties share the class of the first of them, whatever the order', () => {
    expect(abcClasses([10, 10, 10, 10, 10, 10, 10, 10, 10, 10])).toEqual(new Array(10).fill('A'));
  });
  test('values ≤ 0 are C', () => {
    expect(abcClasses([10, 0, -5])).toEqual(['A', 'C', 'C']);
  });
});
