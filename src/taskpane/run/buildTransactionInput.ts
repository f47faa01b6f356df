import type { ColumnMapping, ColumnRole, DateSystem, TransactionInput } from '../../core';
import type { SourceCell } from '../../excel';

/**
 * Slices the mapped columns out of the sheet rows into core's column-wise input; values pass through
 * untouched (core parses and validates them and reports bad rows by sheet row number). O(rows × roles).
 * @example
 * buildTransactionInput([['c1', 35431, 5]], { customer: 0, date: 1, amount: 2 }, 2, '1900').amount // => [5]
 */
export function buildTransactionInput(
  rows: readonly (readonly SourceCell[])[],
  mapping: ColumnMapping,
  firstRowNumber: number,
  dateSystem: DateSystem,
): TransactionInput {
  const column = (role: ColumnRole): SourceCell[] | undefined => {
    const index = mapping[role];
    return index === undefined ? undefined : rows.map((row) => row[index] ?? '');
  };
  const input: TransactionInput = {
    customer: column('customer') ?? [],
    date: column('date') ?? [],
    firstRowNumber,
    dateSystem,
  };
  for (const role of ['amount', 'quantity', 'unitPrice', 'order', 'margin', 'cost'] as const) {
    const values = column(role);
    if (values) input[role] = values;
  }
  return input;
}
