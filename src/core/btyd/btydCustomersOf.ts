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
 * btydCustomersOf(summarizeCustomers(transactions, { asOf, unit: 'weeks' }))[0]; // => { x: 2, tx: 30.4, T: 38.9, meanSpend: 12.3 }
 */
export function btydCustomersOf(summary: CustomerSummary): SpendingBtydCustomer[] {
  return Array.from({ length: summary.count }, (_, index) => ({
    x: summary.repeatPurchases[index] as number,
    tx: summary.recencyInUnit[index] as number,
    T: summary.ageInUnit[index] as number,
    meanSpend: summary.monetaryRepeatAvg[index] as number,
  }));
}
