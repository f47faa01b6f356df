import betaln from '@stdlib/math-base-special-betaln';
import gammaln from '@stdlib/math-base-special-gammaln';
import { AnalyticsError } from '../errors';
import { checkCustomer } from './checkCustomer';
import { horizonInUnits } from './horizonInUnits';
import { logHypergeometric2F1 } from './hypergeometric2F1';
import type { BgNbdModel, BtydCustomer, Horizon } from './types';

/**
 * The expectations have the removable singularity 0/0 at a = 1 (the bracket vanishes with a − 1); near it,
 * average the two sides at a = 1 ± 1e-6: the function is smooth in a, so this is accurate to about 1e-10.
 */
function nearOne(a: number, at: (a: number) => number): number {
  const gap = 1e-6;
  if (Math.abs(a - 1) >= gap) return at(a);
  return (at(1 - gap) + at(1 + gap)) / 2;
}

/** ln of the odds "died after the last purchase" : "still alive" (0 odds → −∞). */
function logDeathOdds(model: BgNbdModel, customer: BtydCustomer): number {
  const { r, alpha, a, b } = model.params;
  const { x, tx, T } = customer;
  if (model.kind === 'bgnbd') {
    if (x === 0) return Number.NEGATIVE_INFINITY;
    return Math.log(a / (b + x - 1)) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  }
  return Math.log(a / (b + x)) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
}

/**
 * The probability that a customer with summary (x, t_x, T) is still alive at T.
 *
 * BG/NBD: 1 / (1 + δ_{x>0} · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)) (Fader, Hardie & Lee 2005, eq. 13). Note the
 * model's known trait: a customer with x = 0 gets exactly 1; the MBG/NBD (a/(b+x) without δ) does not.
 *
 * Cost: O(1).
 * @example
 * bgnbdPAlive(cdnowModel, { x: 26, tx: 30.85714, T: 31 }); // => 0.96885
 */
export function bgnbdPAlive(model: BgNbdModel, customer: BtydCustomer): number {
  checkCustomer(customer);
  const odds = logDeathOdds(model, customer);
  return odds > 0 ? Math.exp(-odds) / (1 + Math.exp(-odds)) : 1 / (1 + Math.exp(odds));
}

/**
 * The expected number of purchases in (0, t] of a customer picked at random from the population (not
 * counting the first purchase): E[X(t)] = (a+b−1)/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))]
 * (Fader, Hardie & Lee 2005, eq. 9); MBG/NBD: b/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b+1; a+b; t/(α+t))].
 *
 * Cost: O(series terms).
 * @example
 * bgnbdExpectedPurchases(cdnowModel, { value: 52, unit: 'weeks' }); // => 1.4440
 */
export function bgnbdExpectedPurchases(model: BgNbdModel, t: Horizon): number {
  const time = horizonInUnits(t, model.unit);
  if (time === 0) return 0;
  return nearOne(model.params.a, (a) => expectedPurchasesAt(model, a, time));
}

function expectedPurchasesAt(model: BgNbdModel, a: number, time: number): number {
  const { r, alpha, b } = model.params;
  const z = time / (alpha + time);
  const logPower = r * Math.log(alpha / (alpha + time));
  if (model.kind === 'bgnbd') {
    const h = logHypergeometric2F1(r, b, a + b - 1, z);
    return ((a + b - 1) / (a - 1)) * -Math.expm1(logPower + h);
  }
  const h = logHypergeometric2F1(r, b + 1, a + b, z);
  return (b / (a - 1)) * -Math.expm1(logPower + h);
}

/**
 * The expected number of purchases in the next t time units of a customer with summary (x, t_x, T):
 * (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))] · P(alive)
 * (Fader, Hardie & Lee 2005, eq. 10; MBG/NBD: (a+b+x)/(a−1) and ₂F₁(r+x, b+x+1; a+b+x; ·)).
 *
 * Cost: O(series terms).
 * @example
 * bgnbdConditionalExpected(cdnowModel, { value: 52, unit: 'weeks' }, { x: 26, tx: 30.85714, T: 31 }); // => 25.757 (published 25.7566)
 */
export function bgnbdConditionalExpected(model: BgNbdModel, t: Horizon, customer: BtydCustomer): number {
  checkCustomer(customer);
  const time = horizonInUnits(t, model.unit);
  if (time === 0) return 0;
  return nearOne(model.params.a, (a) => conditionalAt(model, a, time, customer)) * bgnbdPAlive(model, customer);
}

function conditionalAt(model: BgNbdModel, a: number, time: number, customer: BtydCustomer): number {
  const { r, alpha, b } = model.params;
  const { x, T } = customer;
  const z = time / (alpha + T + time);
  const logPower = (r + x) * Math.log((alpha + T) / (alpha + T + time));
  const modified = model.kind === 'mbgnbd';
  const front = modified ? (a + b + x) / (a - 1) : (a + b + x - 1) / (a - 1);
  const h = modified
    ? logHypergeometric2F1(r + x, b + x + 1, a + b + x, z)
    : logHypergeometric2F1(r + x, b + x, a + b + x - 1, z);
  return front * -Math.expm1(logPower + h);
}

/**
 * The probability that a randomly chosen customer makes exactly n purchases in (0, t] (Fader, Hardie & Lee
 * 2005, eq. 8): B(a, b+n)/B(a, b) · Γ(r+n)/(Γ(r) n!) · (α/(α+t))^r (t/(α+t))^n
 * + δ_{n>0} B(a+1, b+n−1)/B(a, b) · [1 − (α/(α+t))^r Σ_{j<n} Γ(r+j)/(Γ(r) j!) (t/(α+t))^j].
 * MBG/NBD (Batislam et al. 2007): B(a, b+n+1) and B(a+1, b+n) with no δ.
 *
 * Cost: O(n).
 * @example
 * bgnbdProbabilityOfPurchases(cdnowModel, { value: 39, unit: 'weeks' }, 0); // => 0.5743 (0.57379 at the rounded estimates)
 */
export function bgnbdProbabilityOfPurchases(model: BgNbdModel, t: Horizon, n: number): number {
  if (!Number.isInteger(n) || n < 0) {
    throw new AnalyticsError('BAD_ARGUMENT', `n must be a whole number ≥ 0, got ${n}.`, { argument: 'n' });
  }
  const time = horizonInUnits(t, model.unit);
  const { r, alpha, a, b } = model.params;
  const modified = model.kind === 'mbgnbd';
  if (time === 0) return n === 0 ? 1 : 0;
  const logStay = Math.log(alpha / (alpha + time));
  const logGo = Math.log(time / (alpha + time));
  const logNbd = (j: number): number => gammaln(r + j) - gammaln(r) - gammaln(j + 1) + r * logStay + j * logGo;
  const first = Math.exp(betaln(a, b + n + (modified ? 1 : 0)) - betaln(a, b) + logNbd(n));
  if (!modified && n === 0) return first;
  let cumulative = 0;
  for (let j = 0; j < n; j++) cumulative += Math.exp(logNbd(j));
  const dead = Math.exp(betaln(a + 1, b + n - (modified ? 0 : 1)) - betaln(a, b));
  return first + dead * Math.max(0, 1 - cumulative);
}
