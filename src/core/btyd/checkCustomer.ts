import { AnalyticsError } from '../errors';
import type { BtydCustomer } from './types';

/**
 * Checks one customer's BTYD summary before a prediction (DOMAIN §7.2): x is a whole number ≥ 0 and
 * 0 ≤ t_x ≤ T; a customer with repeat purchases has t_x > 0, and one without has t_x = 0 (t_x is the time of
 * the last repeat purchase). Inconsistent input would otherwise give a confident, meaningless probability.
 * Cost O(1).
 * @throws AnalyticsError BAD_NUMBER / OUT_OF_RANGE naming x, t_x or T.
 * @example
 * checkCustomer({ x: 2, tx: 30, T: 40 }) // => undefined
 */
export function checkCustomer(customer: BtydCustomer): void {
  const { x, tx, T } = customer;
  if (!Number.isInteger(x) || x < 0) {
    throw new AnalyticsError('BAD_NUMBER', `x (repeat purchases) must be a whole number ≥ 0, got ${x}.`, {
      argument: 'x',
    });
  }
  if (!Number.isFinite(tx) || !Number.isFinite(T) || tx < 0 || T < 0) {
    throw new AnalyticsError('BAD_NUMBER', `t_x and T must be numbers ≥ 0, got t_x = ${tx} and T = ${T}.`, {
      argument: 't_x',
    });
  }
  if (tx > T) throw new AnalyticsError('OUT_OF_RANGE', `t_x (${tx}) cannot exceed T (${T}).`, { argument: 't_x' });
  if (x > 0 && tx === 0) {
    throw new AnalyticsError('OUT_OF_RANGE', 'A customer with repeat purchases (x > 0) needs t_x > 0.', {
      argument: 't_x',
    });
  }
  if (x === 0 && tx > 0) {
    throw new AnalyticsError(
      'OUT_OF_RANGE',
      `A customer without repeat purchases (x = 0) has t_x = 0, got t_x = ${tx}: t_x is the time of the last repeat purchase.`,
      { argument: 't_x' },
    );
  }
}
