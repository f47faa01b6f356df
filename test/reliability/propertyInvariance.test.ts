/*
 * The property behind classes 3, 6 and 7: shuffling the rows, and adding error cells and blank rows, never
 * changes any computed customer figure (only the skip report grows). Checked with fast-check on core, the
 * code every entry point hands its rows to.
 */
import fc from 'fast-check';
import { EXCEL_ERROR_CODES, cellError, segmentCustomers } from '../../src/core';
import type { CustomerResult } from '../../src/core';

const SEED = 20_261_211;

interface Row {
  customer: unknown;
  date: unknown;
  amount: unknown;
}

const transaction = fc.record({
  customer: fc.constantFrom('a', 'b', 'c', 'd', 'e', 17850, '17850.0'),
  date: fc.integer({ min: 45_000, max: 45_400 }),
  amount: fc.oneof(
    fc.integer({ min: -50, max: 500 }),
    fc.integer({ min: 0, max: 50_000 }).map((cents) => cents / 100),
  ),
});

/** A row that is not a transaction: blank, or a transaction with an Excel error in one of its cells. */
const noise = fc.oneof(
  fc.constant<Row>({ customer: '', date: '', amount: '' }),
  fc
    .tuple(transaction, fc.constantFrom(...EXCEL_ERROR_CODES), fc.constantFrom('customer', 'date', 'amount'))
    .map(([row, code, column]): Row => ({ ...row, [column]: cellError(code) })),
);

function figures(rows: readonly Row[]): CustomerResult[] {
  const result = segmentCustomers(
    {
      customer: rows.map((row) => row.customer),
      date: rows.map((row) => row.date),
      amount: rows.map((row) => row.amount),
    },
    { asOf: '2024-06-30' },
  );
  return [...result.customers].sort((left, right) => (left.customerId < right.customerId ? -1 : 1));
}

test(`property (fast-check, seed ${SEED}): shuffled rows plus error cells and blank rows give the same customers`, () => {
  fc.assert(
    fc.property(
      fc.array(transaction, { minLength: 1, maxLength: 60 }),
      fc.array(noise, { maxLength: 20 }),
      fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })),
      (rows, extra, random) => {
        // Customers with only returns are skipped either way; keep inputs that leave someone to segment.
        fc.pre(rows.some((row) => row.amount > 0));
        const mixed: Row[] = [...rows, ...extra];
        const keys = mixed.map(() => random.next().value as number);
        const shuffled = mixed.map((row, index) => ({ row, key: keys[index] as number })).sort((l, r) => l.key - r.key);
        expect(figures(shuffled.map((entry) => entry.row))).toEqual(figures(rows));
      },
    ),
    { seed: SEED, numRuns: 150 },
  );
});
