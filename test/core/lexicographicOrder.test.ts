import { lexicographicOrder } from '../../src/core/lexicographicOrder';

describe('lexicographicOrder(keys, start, end)', () => {
  test('orders by the first column, ties by the next; equal rows keep their order', () => {
    const days = [3, 1, 3, 1, 2];
    const amounts = [5, 7, 4, 7, 9];
    expect(lexicographicOrder([days, amounts], 0, 5)).toEqual([1, 3, 4, 2, 0]);
  });
  test('only the positions from start to end, for a slice of longer columns', () => {
    expect(lexicographicOrder([Float64Array.from([9, 8, 2, 1, 0])], 1, 4)).toEqual([3, 2, 1]);
    expect(lexicographicOrder([[1]], 0, 0)).toEqual([]);
  });
});
