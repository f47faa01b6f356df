import { contains, movedBy, spanOf } from '../../src/demo/gridSelection';

describe('the demo grid selection', () => {
  test('spanOf(anchor, focus) is the same rectangle whichever corner the drag started from', () => {
    const rect = { row: 1, column: 0, rowCount: 3, columnCount: 3 };
    expect(spanOf({ row: 3, column: 2 }, { row: 1, column: 0 })).toEqual(rect);
    expect(spanOf({ row: 1, column: 0 }, { row: 3, column: 2 })).toEqual(rect);
    expect(spanOf({ row: 1, column: 2 }, { row: 3, column: 0 })).toEqual(rect);
  });

  test('movedBy(key) steps one cell and stops at the edges; other keys do not move', () => {
    expect(movedBy('ArrowUp', { row: 0, column: 0 }, 5, 4)).toEqual({ row: 0, column: 0 });
    expect(movedBy('ArrowRight', { row: 2, column: 3 }, 5, 4)).toEqual({ row: 2, column: 3 });
    expect(movedBy('ArrowDown', { row: 2, column: 3 }, 5, 4)).toEqual({ row: 3, column: 3 });
    expect(movedBy('Enter', { row: 2, column: 3 }, 5, 4)).toBeNull();
  });

  test('contains(rect, row, column) includes the edges and nothing beyond', () => {
    const rect = { row: 1, column: 1, rowCount: 2, columnCount: 2 };
    expect([contains(rect, 1, 1), contains(rect, 2, 2), contains(rect, 3, 2), contains(rect, 0, 1)]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});
