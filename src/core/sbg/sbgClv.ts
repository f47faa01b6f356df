import { AnalyticsError } from '../errors';
import { sbgLifetime } from './sbgLifetime';
import type { SbgLifetimeTerms } from './sbgLifetime';
import { sbgRetention } from './sbgSurvival';
import type { SbgParams } from './types';

/** Margin and terms of {@link sbgClv}. */
export interface SbgClvTerms extends SbgLifetimeTerms {
  /** Margin per period while the customer is alive. */
  margin: number;
}

/** The heterogeneous-retention CLV beside the constant-retention one, so the difference is visible. */
export interface SbgClv {
  /** margin × DEL (new customer) or margin × DERL (after `renewals` renewals): retention rising with tenure. */
  clv: number;
  /** The same sum with one constant retention rate r in place of the fitted survival. */
  constantRetentionClv: number;
  /** The constant r used: the retention the customer faces at its next renewal, r(n) = (β+n−1)/(α+β+n−1). */
  constantRetention: number;
  measure: 'DEL' | 'DERL';
  boundedBy: 'discount' | 'horizon';
}

/**
 * Customer lifetime value with heterogeneous retention (Fader & Hardie 2010): margin × DEL for a new customer or
 * margin × DERL for one who has made `renewals` renewals, beside the value of the same payments under one constant
 * retention rate r = r(n), the rate the customer faces at its next renewal — the "one r" the seed formula
 * CLV = Σ m · r^(t−1)/(1+d)^t would be given. Because retention rises with tenure, the constant-r value understates
 * the customer base (the "perils of ignoring heterogeneity").
 *
 * Timing (Fader & Hardie 2010): one payment per period while alive, the first one counted (a new customer's first
 * payment, or the renewal an existing customer is about to make) undiscounted. So for a new customer the constant-r
 * value is m · Σ_{k≥0} r^k/(1+d)^k = m(1+d)/(1+d−r), the seed formula CRM.CLV(m, d, r) × (1 + d); for an existing
 * customer it is m · Σ_{k≥0} r^(k+1)/(1+d)^k = m·r(1+d)/(1+d−r), the Gupta–Lehmann multiple (CRM.RETENTION_CLV) ×
 * (1 + d). With a horizon both sums stop after that many payments.
 *
 * Cost: that of {@link sbgLifetime}.
 * @throws AnalyticsError OUT_OF_RANGE as sbgLifetime, or for a margin that is not a finite number.
 * @example
 * sbgClv({ alpha: 0.668, beta: 3.806 }, { margin: 100, discount: 0.1, renewals: 7 }).clv; // => 752.99
 */
export function sbgClv(params: SbgParams, terms: SbgClvTerms): SbgClv {
  if (!Number.isFinite(terms.margin)) {
    throw new AnalyticsError('OUT_OF_RANGE', `margin must be a number, got ${terms.margin}.`, { argument: 'margin' });
  }
  const lifetime = sbgLifetime(params, terms);
  const n = terms.renewals === undefined ? 1 : terms.renewals + 1;
  const r = sbgRetention(params, n);
  const growth = r / (1 + terms.discount); // ratio of successive discounted constant-r payments
  const isNew = terms.renewals === undefined;
  // Payments counted: k = 0 … horizon − 1 (or ∞); the k-th is worth growth^k for a new customer, r · growth^k else.
  const geometric =
    terms.horizon === undefined
      ? 1 / (1 - growth)
      : growth === 1
        ? terms.horizon
        : (1 - growth ** terms.horizon) / (1 - growth);
  const constantLifetime = isNew ? geometric : r * geometric;
  return {
    clv: terms.margin * lifetime.value,
    constantRetentionClv: terms.margin * constantLifetime,
    constantRetention: r,
    measure: lifetime.measure,
    boundedBy: lifetime.boundedBy,
  };
}
