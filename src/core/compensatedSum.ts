/**
 * The rounding error lost when `value` is added to `sum`, giving `total` (Neumaier's compensated summation):
 * summing these separately and adding them at the end makes money totals independent of the order of the
 * lines and free of drift over many small amounts. Both summaries (rows and streamed purchase groups) use it,
 * so they agree to the last digit.
 * @example
 * lostInAddition(1e16, 1, 1e16 + 1) // => 1
 */
export function lostInAddition(sum: number, value: number, total: number): number {
  return Math.abs(sum) >= Math.abs(value) ? sum - total + value : value - total + sum;
}
