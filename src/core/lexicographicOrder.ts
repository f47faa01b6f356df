/**
 * The positions `start` … `end − 1` ordered by the first key column, ties by the next, and so on: a canonical
 * order for rows held as parallel columns, so sums over them run in one order whatever order the rows came in.
 * Equal rows keep their relative order (Array.prototype.sort is stable). O(n log n) in the positions.
 * @example
 * lexicographicOrder([[2, 1, 2], [5, 9, 4]], 0, 3) // => [1, 2, 0]
 */
export function lexicographicOrder(keys: readonly ArrayLike<number>[], start: number, end: number): number[] {
  const positions = Array.from({ length: Math.max(0, end - start) }, (_, offset) => start + offset);
  return positions.sort((left, right) => {
    for (const key of keys) {
      const difference = (key[left] as number) - (key[right] as number);
      if (difference !== 0) return difference;
    }
    return 0;
  });
}
