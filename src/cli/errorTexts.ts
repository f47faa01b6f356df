import { cellError, excelErrorCodeOf } from '../core';
import type { TransactionInput } from '../core';

const ROLES = ['customer', 'date', 'amount', 'quantity', 'unitPrice', 'order', 'margin', 'cost'] as const;

/**
 * The transaction columns of a CSV file with every field that is exactly an Excel error value (`#N/A`, `#REF!`
 * …, as Excel writes an error cell when it saves a CSV) turned into core's CellError, so its row is skipped and
 * counted as an error value instead of becoming a customer "#N/A" or a bad amount. A CSV cannot tell an error
 * cell from the text "#N/A"; no real id, date or amount is such a text. O(fields); the input is not changed.
 * @example
 * withErrorTexts({ customer: ['#N/A'], date: ['2024-01-01'], amount: [1] }).customer // => [{ excelError: '#N/A' }]
 */
export function withErrorTexts(input: TransactionInput): TransactionInput {
  const output: TransactionInput = { ...input };
  for (const role of ROLES) {
    const column = input[role];
    if (column === undefined) continue;
    let converted: unknown[] | undefined;
    for (let row = 0; row < column.length; row++) {
      const value = column[row];
      // Error texts start with '#' (after spaces): most fields are ruled out by that one character.
      if (typeof value !== 'string' || !value.trimStart().startsWith('#')) continue;
      const code = excelErrorCodeOf(value);
      if (code === null) continue;
      converted ??= [...column];
      converted[row] = cellError(code);
    }
    if (converted !== undefined) output[role] = converted;
  }
  return output;
}
