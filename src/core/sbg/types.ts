import type { CoreWarning } from '../warnings';

/** The two parameters of the shifted-beta-geometric model: the churn probability θ ~ Beta(α, β) across customers. */
export interface SbgParams {
  readonly alpha: number;
  readonly beta: number;
}

/**
 * A fitted sBG model (Fader & Hardie 2007, "How to project customer retention"). Plain immutable data; the
 * parameters keep the paper's symbols. One period is whatever the survivor series counts (month, year, renewal).
 */
export interface SbgModel {
  readonly kind: 'sbg';
  readonly params: SbgParams;
  readonly logLikelihood: number;
  readonly converged: boolean;
  readonly iterations: number;
  /** Delta-method standard errors from the Hessian; `null` when it is not positive definite at the optimum. */
  readonly standardErrors: { readonly alpha: number; readonly beta: number } | null;
  /** Customers at age 0 over all cohorts used. */
  readonly customers: number;
  /** Cohorts (survivor series) used. */
  readonly cohorts: number;
  /** The longest age observed: periods 1…periods carry information. */
  readonly periods: number;
  readonly warnings: readonly CoreWarning[];
}
