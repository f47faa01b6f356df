import type { CustomerResult } from '../core';

const MONEY: ReadonlySet<string> = new Set([
  'monetary',
  'monetaryAvg',
  'monetaryRepeatAvg',
  'returnsValue',
  'historicValue',
  'clv',
  'expectedAvgValue',
  'predictedClv',
]);
const DATES: ReadonlySet<string> = new Set(['firstPurchase', 'lastPurchase']);
const DECIMALS: ReadonlySet<string> = new Set(['x', 'tx', 'T', 'expectedPurchases']);

/** Whether an output column holds an ISO date that the adapter writes as an Excel date serial. */
export function isDateColumn(key: keyof CustomerResult): boolean {
  return DATES.has(key);
}

/**
 * The Excel number format for one output column of core's result.
 *
 * Why text ('@') for ids: "00001" written to a General cell becomes the number 1; ids must stay text.
 * @example
 * numberFormatFor('clv') // => '#,##0.00'
 */
export function numberFormatFor(key: keyof CustomerResult): string {
  if (key === 'customerId') return '@';
  if (MONEY.has(key)) return '#,##0.00';
  if (DATES.has(key)) return 'yyyy-mm-dd';
  if (key === 'pAlive') return '0.0%';
  if (DECIMALS.has(key)) return '0.00';
  return 'General';
}
