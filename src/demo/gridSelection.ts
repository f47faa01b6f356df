import type { CellRect } from '../standin';

/** A cell of the grid, 0-based. */
export interface CellPosition {
  row: number;
  column: number;
}

/**
 * The rectangle spanned by the anchor (where the selection started) and the focus (where it ends), as a
 * drag or Shift+arrow selection in Excel. O(1).
 * @example
 * spanOf({ row: 3, column: 2 }, { row: 1, column: 0 }) // => { row: 1, column: 0, rowCount: 3, columnCount: 3 }
 */
export function spanOf(anchor: CellPosition, focus: CellPosition): CellRect {
  const row = Math.min(anchor.row, focus.row);
  const column = Math.min(anchor.column, focus.column);
  return {
    row,
    column,
    rowCount: Math.abs(anchor.row - focus.row) + 1,
    columnCount: Math.abs(anchor.column - focus.column) + 1,
  };
}

const MOVES: Readonly<Record<string, CellPosition>> = {
  ArrowUp: { row: -1, column: 0 },
  ArrowDown: { row: 1, column: 0 },
  ArrowLeft: { row: 0, column: -1 },
  ArrowRight: { row: 0, column: 1 },
};

/**
 * Where an arrow key moves the focus cell, kept inside a grid of `rows` × `columns`; null for other keys.
 * @example
 * movedBy('ArrowDown', { row: 0, column: 0 }, 10, 4) // => { row: 1, column: 0 }
 */
export function movedBy(key: string, focus: CellPosition, rows: number, columns: number): CellPosition | null {
  const move = MOVES[key];
  if (move === undefined) return null;
  return {
    row: Math.min(Math.max(0, focus.row + move.row), Math.max(0, rows - 1)),
    column: Math.min(Math.max(0, focus.column + move.column), Math.max(0, columns - 1)),
  };
}

/** Whether a cell lies inside a rectangle. */
export function contains(rect: CellRect, row: number, column: number): boolean {
  return (
    row >= rect.row &&
    row < rect.row + rect.rowCount &&
    column >= rect.column &&
    column < rect.column + rect.columnCount
  );
}
