import type { SkippedRows } from './skippedRows';

/** The closed set of reasons core can refuse a request; one table elsewhere maps them to Excel errors. */
export type AnalyticsErrorCode =
  | 'EMPTY_INPUT'
  | 'BAD_ARGUMENT'
  | 'BAD_NUMBER'
  | 'BAD_DATE'
  | 'OUT_OF_RANGE'
  | 'SHAPE_MISMATCH'
  | 'MISSING_COLUMN'
  | 'NOT_FOUND'
  | 'NO_REPEAT_CUSTOMERS'
  | 'NOT_CONVERGED'
  | 'FLAT_LIKELIHOOD';

/** Where the problem is, so the message can point the user at a row, a column or an argument. */
export interface ErrorLocation {
  row?: number;
  column?: string;
  argument?: string;
}

/**
 * The one error type of core: a code from a closed catalogue, a message that says what is wrong and what
 * to do, and where it happened.
 *
 * @example
 * throw new AnalyticsError('BAD_ARGUMENT', 'bins must be an integer from 2 to 10, got 12.', { argument: 'bins' });
 */
export class AnalyticsError extends Error {
  readonly code: AnalyticsErrorCode;
  readonly where?: ErrorLocation;
  /** With EMPTY_INPUT after reading rows: why each row was skipped, for entry points to word in the user's language. */
  readonly skipped?: SkippedRows;

  constructor(code: AnalyticsErrorCode, message: string, where?: ErrorLocation, skipped?: SkippedRows) {
    super(message);
    this.name = 'AnalyticsError';
    this.code = code;
    if (where !== undefined) this.where = where;
    if (skipped !== undefined) this.skipped = skipped;
  }
}

/**
 * Adds advice that only some entry points can give: when `error` is an AnalyticsError whose `where.argument` is
 * `argument` (core marks, say, a fit a penalty would help with 'penalty' without naming an option, since
 * segment and the pane have none), a copy with `sentence` appended; anything else unchanged. O(1).
 * @example
 * withOptionAdvice(error, 'penalty', 'Or add --penalty 0.001.')
 */
export function withOptionAdvice(error: unknown, argument: string, sentence: string): unknown {
  if (!(error instanceof AnalyticsError) || error.where?.argument !== argument) return error;
  return new AnalyticsError(error.code, `${error.message} ${sentence}`, error.where, error.skipped);
}
