import type { DateSystem } from '../core';

/**
 * Learns whether the workbook uses the 1900 or the 1904 date system, without a sync of its own.
 *
 * Why this way: @types/office-js exposes no date-system property, but `DATE(1904,1,1)` is 0 in a
 * 1904 workbook and 1462 in a 1900 one, and `workbook.functions` (ExcelApi 1.2) evaluates it.
 * Queue it, sync with other reads, then call the returned function.
 * @example
 * const dateSystem = queueDateSystemProbe(context);
 * await context.sync();
 * dateSystem() // => '1900'
 */
export function queueDateSystemProbe(context: Excel.RequestContext): () => DateSystem {
  const probe = context.workbook.functions.date(1904, 1, 1);
  probe.load('value');
  return () => (Number(probe.value) === 0 ? '1904' : '1900');
}
