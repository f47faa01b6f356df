import { bgnbdConditionalExpected, bgnbdPAlive } from './bgnbdPredictions';
import { paretoConditionalExpected, paretoPAlive } from './paretoPredictions';
import type { BtydCustomer, Horizon, PurchaseModel } from './types';

/**
 * Conditional expected purchases in the next `t` for any fitted purchase model (BG/NBD, MBG/NBD, Pareto/NBD).
 * Cost: O(series terms) of ₂F₁ for BG/NBD; a fixed-size quadrature for Pareto/NBD.
 * @example
 * conditionalExpectedPurchases(cdnowModel, { value: 52, unit: 'weeks' }, { x: 26, tx: 30.85714, T: 31 }); // => 25.76
 */
export function conditionalExpectedPurchases(model: PurchaseModel, t: Horizon, customer: BtydCustomer): number {
  return model.kind === 'pareto'
    ? paretoConditionalExpected(model, t, customer)
    : bgnbdConditionalExpected(model, t, customer);
}

/**
 * P(alive) for any fitted purchase model.
 * Cost: O(1) for BG/NBD, a fixed-size quadrature for Pareto/NBD.
 * @example
 * probabilityAlive(cdnowModel, { x: 26, tx: 30.85714, T: 31 }); // => 0.96885
 */
export function probabilityAlive(model: PurchaseModel, customer: BtydCustomer): number {
  return model.kind === 'pareto' ? paretoPAlive(model, customer) : bgnbdPAlive(model, customer);
}
