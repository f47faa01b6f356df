import type { CustomerSummary } from '../summarizeCustomers';
import type { BtydCustomer } from './types';

/** A customer's BTYD summary with the Gamma–Gamma input: the mean value of the repeat purchase days. */
export interface SpendingBtydCustomer extends BtydCustomer {
  meanSpend: number;
}

/**
 * The model inputs of every summarised customer, in the summary's order: x = repeat purchase days,
 * t_x and T in the summary's unit, and the mean repeat spend (DOMAIN §1.2, §7.2). The one place that maps
 * the transform's columns to the models' rows, so the task pane, the CLI and the holdout check agree.
 *
 * Cost: O(customers).
 * @example
 * const fortnightly = parseTransactions({ customer: ['a', 'a', 'a'], date: ['2024-01-01', '2024-01-15', '2024-01-29'], amount: [10, 20, 40] });
 * btydCustomersOf(summarizeCustomers(fortnightly, { unit: 'weeks' }))[0]; // => { x: 2, tx: 4, T: 4.142857, meanSpend: 30 }
 */
export function btydCustomersOf(summary: CustomerSummary): SpendingBtydCustomer[] {
  return Array.from({ length: summary.count }, (_, index) => ({
    x: summary.repeatPurchases[index] as number,
    tx: summary.recencyInUnit[index] as number,
    T: summary.ageInUnit[index] as number,
    meanSpend: summary.monetaryRepeatAvg[index] as number,
  }));
}
