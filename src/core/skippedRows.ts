/** Why a row was left out of the analysis. */
export type SkipReason = 'blankCustomer' | 'badDate' | 'badAmount' | 'afterAsOf' | 'returnsOnly' | 'errorValue';

/**
 * How many rows were skipped, per reason, with the first few row numbers so the user can look at them, and for
 * bad dates and amounts the value of the first of them (what the user has to change).
 */
export interface SkippedRows {
  total: number;
  reasons: Partial<Record<SkipReason, { count: number; firstRows: number[]; firstValue?: string }>>;
}
