/** Why the adapter could not read the source; the pane turns the code into a translated message. */
export type ExcelReadErrorCode = 'EMPTY_SOURCE' | 'NO_DATA_ROWS' | 'TOO_MANY_ROWS' | 'CANCELLED';

/**
 * Error raised by the adapter for problems the user can fix (an empty selection, a header-only range)
 * or for a cancelled run.
 * @example
 * new ExcelReadError('EMPTY_SOURCE', 'The selection has no values.').code // => 'EMPTY_SOURCE'
 */
export class ExcelReadError extends Error {
  readonly code: ExcelReadErrorCode;

  constructor(code: ExcelReadErrorCode, message: string) {
    super(message);
    this.name = 'ExcelReadError';
    this.code = code;
  }
}
