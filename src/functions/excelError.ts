import { AnalyticsError } from '../core';
import type { AnalyticsErrorCode } from '../core';
import { describeFailure } from '../messages/coreMessages';

/**
 * The one table from core's error codes to Excel's errors: `#VALUE!` for input Excel cannot use as given,
 * `#NUM!` for a number outside its domain or a model that did not converge, `#N/A` for no data or an unknown
 * customer (the convention of Excel's own lookup functions).
 */
export const EXCEL_ERROR_OF_CODE: Readonly<
  Record<AnalyticsErrorCode, 'invalidValue' | 'invalidNumber' | 'notAvailable'>
> = Object.freeze({
  EMPTY_INPUT: 'notAvailable',
  BAD_ARGUMENT: 'invalidValue',
  BAD_NUMBER: 'invalidValue',
  BAD_DATE: 'invalidValue',
  OUT_OF_RANGE: 'invalidNumber',
  SHAPE_MISMATCH: 'invalidValue',
  MISSING_COLUMN: 'invalidValue',
  NOT_FOUND: 'notAvailable',
  NO_REPEAT_CUSTOMERS: 'notAvailable',
  NOT_CONVERGED: 'invalidNumber',
  FLAT_LIKELIHOOD: 'invalidNumber',
});

/**
 * Turns anything thrown while computing a custom function into the `CustomFunctions.Error` Excel shows:
 * core errors through {@link EXCEL_ERROR_OF_CODE}, an error that already is a `CustomFunctions.Error` as it
 * is, and anything else as `#VALUE!` with its message (a bug, but never a silent wrong number).
 *
 * Cost O(1).
 * @example
 * toExcelError(new AnalyticsError('OUT_OF_RANGE', 'retention_rate must be from 0 to 1, got 1.5.')).code // => '#NUM!'
 */
export function toExcelError(error: unknown): CustomFunctions.Error {
  if (error instanceof CustomFunctions.Error) return error;
  if (error instanceof AnalyticsError) {
    return new CustomFunctions.Error(
      CustomFunctions.ErrorCode[EXCEL_ERROR_OF_CODE[error.code]],
      describeFailure(error, 'en'),
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `Unexpected error: ${message}`);
}
