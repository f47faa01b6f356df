/**
 * What core can warn about, as codes with numbers: the sentences live in the message catalogue
 * (src/messages), so every entry point (pane, Excel writer, functions, CLI) words them in the user's
 * language and can add advice about its own options.
 */
export interface WarningParams {
  /** Optimiser stopped where the Hessian is not positive definite. */
  hessianNotPositiveDefinite: Record<string, never>;
  /** BG/NBD: customers without a repeat purchase have P(alive) = 1 by construction. */
  oneTimeBuyersAlive: { customers: number };
  /** BG/NBD at or near its NBD limit (a/(a+b) tiny); `limits` names the parameters that ran off, e.g. "a → 0". */
  nearNbdLimit: { meanDropout: number; limits: readonly string[] };
  /** Pareto/NBD used its whole evaluation budget. */
  fitBudgetExhausted: { evaluations: number };
  /** A fit stopped before its convergence test. */
  fitStoppedEarly: Record<string, never>;
  /** Predictions rest on a fit that did not fully converge. */
  predictionsNotConverged: { model: string };
  /** Gamma–Gamma: repeat purchases and mean spend correlate. */
  spendCorrelated: { correlation: number };
  /** Gamma–Gamma: customers with mean spend ≤ 0 left out. */
  spendExcluded: { customers: number };
  /** Gamma–Gamma: q ≤ 1, the population mean spend does not exist. */
  meanSpendUndefined: Record<string, never>;
  /** Gamma–Gamma refitted with a small penalty because spend hardly varies. */
  spendHardlyVaries: { penalty: number };
  /** A score dimension has fewer distinct values than bins. */
  scoreTies: { dimension: 'recency' | 'frequency' | 'monetary'; distinctValues: number; bins: number };
  /** The value matrix with historic CLV: both axes are the same. */
  matrixWithHistoricClv: Record<string, never>;
  /** Order ids that appear on several days (reused receipt numbers). */
  ordersOnSeveralDays: { orders: number };
  /** The as-of date lies days after the last purchase (day numbers since 1970-01-01). */
  asOfAfterData: { asOfDay: number; lastPurchaseDay: number; days: number };
  /** Customers whose net value is ≤ 0 after returns. */
  nonPositiveValue: { customers: number };
  /** A customer summary without tenure and period columns: no lifecycle stage. */
  summaryWithoutLifecycle: Record<string, never>;
  /** A customer summary cannot give the lifecycle pattern. */
  summaryWithoutPattern: Record<string, never>;
}

export type WarningCode = keyof WarningParams;

/** One warning: a code and the numbers its sentence needs. */
export type CoreWarning = {
  [Code in WarningCode]: { readonly code: Code; readonly params: WarningParams[Code] };
}[WarningCode];

/**
 * Builds a warning, typed by its code.
 * @example
 * coreWarning('ordersOnSeveralDays', { orders: 2 }).params.orders // => 2
 */
export function coreWarning<Code extends WarningCode>(code: Code, params: WarningParams[Code]): CoreWarning {
  return { code, params } as CoreWarning;
}

/** For warnings without numbers. */
export const NO_PARAMS: Record<string, never> = Object.freeze({}) as Record<string, never>;
