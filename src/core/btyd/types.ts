import type { TimeUnit } from '../dates';
import type { CoreWarning } from '../warnings';

/**
 * One customer's "frequency / recency / T" summary, the only input of the BTYD models.
 * `x` = repeat purchases, `tx` = time from first to last purchase, `T` = time from first purchase to the
 * end of the calibration period, all in the model's time unit (DOMAIN §1.2).
 */
export interface BtydCustomer {
  x: number;
  tx: number;
  T: number;
  /**
   * How many customers this row stands for (default 1): a row of a collapsed table (x, t_x, T, customers),
   * e.g. from `crm-analytics sql --collapsed`. The fit weights the row's likelihood by it, so a collapsed
   * table gives the same fit as the customers themselves.
   */
  count?: number;
}

/** A length of time that always carries its unit, so a weekly model can never be read as daily. */
export interface Horizon {
  value: number;
  unit: TimeUnit;
}

/** Standard errors of the BG/NBD parameters (delta method from the log-parameter Hessian). */
export interface BgNbdStandardErrors {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/**
 * A fitted BG/NBD (Fader, Hardie & Lee 2005) or MBG/NBD (Batislam, Denizel & Filiztekin 2007) model.
 * Plain immutable data: parameters keep the papers' symbols.
 */
export interface BgNbdModel {
  readonly kind: 'bgnbd' | 'mbgnbd';
  readonly unit: TimeUnit;
  readonly params: { readonly r: number; readonly alpha: number; readonly a: number; readonly b: number };
  readonly logLikelihood: number;
  readonly converged: boolean;
  readonly iterations: number;
  /** `null` when the Hessian is not positive definite at the optimum (then the errors are not defined). */
  readonly standardErrors: BgNbdStandardErrors | null;
  readonly customers: number;
  readonly penalty: number;
  readonly warnings: readonly CoreWarning[];
}

/** A fitted Pareto/NBD model (Schmittlein, Morrison & Colombo 1987). */
export interface ParetoNbdModel {
  readonly kind: 'pareto';
  readonly unit: TimeUnit;
  readonly params: { readonly r: number; readonly alpha: number; readonly s: number; readonly beta: number };
  readonly logLikelihood: number;
  readonly converged: boolean;
  readonly iterations: number;
  readonly standardErrors: { r: number; alpha: number; s: number; beta: number } | null;
  readonly customers: number;
  readonly penalty: number;
  readonly warnings: readonly CoreWarning[];
}

/** A fitted Gamma–Gamma spend model (Fader & Hardie 2013, "The Gamma-Gamma model of monetary value"). */
export interface GammaGammaModel {
  readonly kind: 'gammagamma';
  readonly params: { readonly p: number; readonly q: number; readonly gamma: number };
  readonly logLikelihood: number;
  readonly converged: boolean;
  readonly iterations: number;
  readonly standardErrors: { p: number; q: number; gamma: number } | null;
  /** Customers used in the fit (x ≥ 1 and mean spend > 0). */
  readonly customers: number;
  /** Customers with x ≥ 1 left out because their mean spend was ≤ 0. */
  readonly excludedNonPositiveSpend: number;
  /** Pearson correlation of repeat purchases and mean spend among the customers used. */
  readonly frequencySpendCorrelation: number;
  readonly penalty: number;
  readonly warnings: readonly CoreWarning[];
}

/** Any fitted purchase-count model. */
export type PurchaseModel = BgNbdModel | ParetoNbdModel;
