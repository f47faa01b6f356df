/**
 * Error thrown by the stand-in with the same shape as Office.js's `OfficeExtension.Error`:
 * a `code` from `Excel.ErrorCodes`, a message, and `debugInfo` naming the failing operation.
 *
 * Why: the adapter and the UI branch on `code` (e.g. payload limits), so the stand-in must use
 * Office's own codes, not invented ones.
 * @example
 * new StandinError('ItemNotFound', 'No sheet "X"').code // => 'ItemNotFound'
 */
export class StandinError extends Error {
  readonly code: StandinErrorCode;
  readonly debugInfo: { code: StandinErrorCode; message: string; errorLocation?: string };

  constructor(code: StandinErrorCode, message: string, errorLocation?: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

/** The subset of `Excel.ErrorCodes` the stand-in raises. */
export type StandinErrorCode =
  | 'PropertyNotLoaded'
  | 'InvalidArgument'
  | 'InvalidOperation'
  | 'ItemNotFound'
  | 'ItemAlreadyExists'
  | 'GeneralException'
  | 'RequestPayloadSizeLimitExceeded'
  | 'ResponsePayloadSizeLimitExceeded'
  | 'InvalidReference';
