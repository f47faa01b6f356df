import { dayToIso, excelSerialToDay } from '../core';
import type { CellValue } from '../standin';

/**
 * Shows a cell as Excel would for the few number formats the add-in writes.
 * @example
 * formatCell(35431, 'yyyy-mm-dd') // => '1997-01-01'
 */
export function formatCell(value: CellValue, format: string): string {
  if (typeof value !== 'number') return String(value);
  if (format === 'yyyy-mm-dd') {
    const day = excelSerialToDay(value);
    return day === null ? String(value) : dayToIso(day);
  }
  if (format === '0.0%') return `${(value * 100).toFixed(1)}%`;
  // A percentage with a literal mark, e.g. 0.0%"*" for a projected cell.
  const marked = /^0\.0%"(.+)"$/.exec(format);
  if (marked) return `${(value * 100).toFixed(1)}%${marked[1] ?? ''}`;
  if (format === '0.00%') return `${(value * 100).toFixed(2)}%`;
  if (format === '0.0000') return value.toFixed(4);
  if (format === '0') return value.toFixed(0);
  if (format === '#,##0.00') return value.toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  if (format === '#,##0') return value.toLocaleString('en', { maximumFractionDigits: 0 });
  if (format === '0.00') return value.toFixed(2);
  return String(value);
}
