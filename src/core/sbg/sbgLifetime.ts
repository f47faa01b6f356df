import { hypergeometric2F1 } from '../btyd/hypergeometric2F1';
import { AnalyticsError } from '../errors';
import { checkSbgParams } from './sbgSurvival';
import type { SbgParams } from './types';

/** Discounting and horizon of {@link sbgLifetime}. */
export interface SbgLifetimeTerms {
  /** Discount rate d per period, ≥ 0; must be > 0 when there is no horizon. */
  discount: number;
  /**
   * n − 1, the renewals the customer has already made; it is about to decide on renewal n. Omitted: a new customer
   * (DEL). Given: the residual lifetime from renewal n on (DERL). The first payment counted is undiscounted.
   */
  renewals?: number;
  /** Number of payments counted (a finite horizon); omitted: all of them (needs d > 0). */
  horizon?: number;
}

/** A discounted lifetime and how it was bounded, so a caller can say which was used. */
export interface SbgLifetime {
  /** Expected discounted number of payments. */
  value: number;
  /** 'DEL' for a new customer, 'DERL' for one with `renewals` made. */
  measure: 'DEL' | 'DERL';
  /** 'discount' when the infinite sum converges by the discount alone; 'horizon' when a horizon was given. */
  boundedBy: 'discount' | 'horizon';
}

function checkTerms(terms: SbgLifetimeTerms): void {
  const { discount, renewals, horizon } = terms;
  if (!Number.isFinite(discount) || discount < 0) {
    throw new AnalyticsError('OUT_OF_RANGE', `discount_rate must be a number ≥ 0, got ${discount}.`, {
      argument: 'discount_rate',
    });
  }
  if (renewals !== undefined && (!Number.isInteger(renewals) || renewals < 0)) {
    throw new AnalyticsError('OUT_OF_RANGE', `renewals must be a whole number ≥ 0, got ${renewals}.`, {
      argument: 'renewals',
    });
  }
  if (horizon !== undefined && (!Number.isInteger(horizon) || horizon < 1)) {
    throw new AnalyticsError('OUT_OF_RANGE', `horizon must be a whole number of periods ≥ 1, got ${horizon}.`, {
      argument: 'horizon',
    });
  }
  if (horizon === undefined && discount === 0) {
    throw new AnalyticsError(
      'OUT_OF_RANGE',
      'Without discounting the expected lifetime of an sBG customer is infinite whenever alpha ≤ 1: give a discount ' +
        'rate above 0 or a horizon.',
      { argument: 'discount_rate' },
    );
  }
}

/**
 * The expected discounted lifetime of an sBG customer, counted in payments (one per period while alive):
 * DEL = Σ_{t≥0} S(t)/(1+d)^t = ₂F₁(1, β; α+β; 1/(1+d)) for a new customer, and for a customer who has made n − 1
 * renewals DERL = Σ_{t≥n} S(t)/S(n−1) /(1+d)^{t−n} = (β+n−1)/(α+β+n−1) · ₂F₁(1, β+n; α+β+n; 1/(1+d)) (Fader &
 * Hardie 2010, "Customer-base valuation in a contractual setting: the perils of ignoring heterogeneity", Marketing
 * Science 29(1), eqs. 5 and 6). With α ≤ 1 the undiscounted sum diverges, so d > 0 is required unless a horizon
 * (the number of payments counted) is given; then the finite sum is used. Timing as in the paper: the payment of
 * the period being entered counts undiscounted — a new customer's first payment, or the renewal the customer is
 * about to make (DERL is valued just before the n-th renewal decision).
 *
 * Multiply by the margin per period for a value (see {@link sbgClv}).
 *
 * Cost: O(series terms) ≈ O(1/d) for the closed form, O(horizon) with a horizon.
 * @throws AnalyticsError OUT_OF_RANGE for bad parameters, d < 0, d = 0 without horizon, bad renewals or horizon.
 * @example
 * sbgLifetime({ alpha: 0.668, beta: 3.806 }, { discount: 0.1, renewals: 7 }).value; // => 7.53 (DERL, n = 8)
 */
export function sbgLifetime(params: SbgParams, terms: SbgLifetimeTerms): SbgLifetime {
  checkSbgParams(params);
  checkTerms(terms);
  const { alpha, beta } = params;
  const { discount, renewals, horizon } = terms;
  const measure = renewals === undefined ? 'DEL' : 'DERL';
  if (horizon !== undefined) {
    // Finite sum of conditional survival × discount factor, built by the retention recursion.
    const n = renewals === undefined ? 0 : renewals + 1;
    let value = 0;
    let conditional = 1; // S(t) / S(n − 1) for DERL; S(t) for DEL
    let factor = 1;
    for (let k = 0; k < horizon; k++) {
      const t = n + k;
      if (t >= 1) conditional *= (beta + t - 1) / (alpha + beta + t - 1);
      if (k > 0) factor /= 1 + discount;
      value += conditional * factor;
    }
    return { value, measure, boundedBy: 'horizon' };
  }
  const z = 1 / (1 + discount);
  if (renewals === undefined)
    return { value: hypergeometric2F1(1, beta, alpha + beta, z), measure, boundedBy: 'discount' };
  const n = renewals + 1;
  const value = ((beta + n - 1) / (alpha + beta + n - 1)) * hypergeometric2F1(1, beta + n, alpha + beta + n, z);
  return { value, measure, boundedBy: 'discount' };
}
