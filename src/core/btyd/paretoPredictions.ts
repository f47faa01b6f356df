import { paretoLogA0 } from './fitParetoNbd';
import { checkCustomer } from './checkCustomer';
import { horizonInUnits } from './horizonInUnits';
import type { BtydCustomer, Horizon, ParetoNbdModel } from './types';

/**
 * The probability that a customer with summary (x, t_x, T) is alive at T under the Pareto/NBD:
 * 1 / (1 + s/(r+s+x) · (α+T)^(r+x) (β+T)^s · A₀) (Fader & Hardie 2005 note, eq. 23), in log space.
 * Unlike the BG/NBD, one-time buyers get P(alive) < 1.
 *
 * Cost: O(1): one quadrature of a few 12-point panels (see `paretoDropoutIntegral`), whatever α and β.
 * @example
 * paretoPAlive(cdnowPareto, { x: 0, tx: 0, T: 38.86 }); // => 0.295 (a one-time buyer of January)
 */
export function paretoPAlive(model: ParetoNbdModel, customer: BtydCustomer): number {
  checkCustomer(customer);
  const { r, alpha, s, beta } = model.params;
  const { x, tx, T } = customer;
  const logOdds =
    Math.log(s / (r + s + x)) +
    (r + x) * Math.log(alpha + T) +
    s * Math.log(beta + T) +
    paretoLogA0(r, alpha, s, beta, x, tx, T);
  return logOdds > 0 ? Math.exp(-logOdds) / (1 + Math.exp(-logOdds)) : 1 / (1 + Math.exp(logOdds));
}

/** (1 − (base/(base+t))^(s−1)) / (s−1), with its limit ln((base+t)/base) at s = 1. */
function lifetimeFactor(s: number, base: number, t: number): number {
  const logRatio = Math.log(base / (base + t));
  if (Math.abs(s - 1) < 1e-10) return -logRatio;
  return -Math.expm1((s - 1) * logRatio) / (s - 1);
}

/**
 * The expected number of purchases in the next t time units of a customer with summary (x, t_x, T):
 * (r+x)(β+T)/(α+T) · [1 − ((β+T)/(β+T+t))^(s−1)] / (s−1) · P(alive) (Schmittlein et al. 1987, eq. 22).
 *
 * Cost: O(1): one quadrature of a few 12-point panels (see `paretoDropoutIntegral`), whatever α and β.
 * @example
 * paretoConditionalExpected(cdnowPareto, { value: 39, unit: 'weeks' }, { x: 2, tx: 30, T: 35 });
 */
export function paretoConditionalExpected(model: ParetoNbdModel, t: Horizon, customer: BtydCustomer): number {
  checkCustomer(customer);
  const time = horizonInUnits(t, model.unit);
  if (time === 0) return 0;
  const { r, alpha, s, beta } = model.params;
  const { x, T } = customer;
  return (((r + x) * (beta + T)) / (alpha + T)) * lifetimeFactor(s, beta + T, time) * paretoPAlive(model, customer);
}

/**
 * The expected number of purchases in (0, t] of a randomly chosen new customer: rβ/α · [1 − (β/(β+t))^(s−1)]/(s−1)
 * (Schmittlein et al. 1987, eq. 17).
 *
 * Cost: O(1).
 * @example
 * paretoExpectedPurchases(cdnowPareto, { value: 52, unit: 'weeks' });
 */
export function paretoExpectedPurchases(model: ParetoNbdModel, t: Horizon): number {
  const time = horizonInUnits(t, model.unit);
  if (time === 0) return 0;
  const { r, alpha, s, beta } = model.params;
  return ((r * beta) / alpha) * lifetimeFactor(s, beta, time);
}
