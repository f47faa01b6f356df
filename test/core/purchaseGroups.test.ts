import fc from 'fast-check';
import type { TransactionInput } from '../../src/core';
import {
  cellError,
  parseTransactions,
  PurchaseGroupBuilder,
  segmentCustomers,
  segmentPurchaseGroups,
  summarizeCustomers,
  summarizePurchaseGroups,
} from '../../src/core';

/** Feeds the rows of a columnar input to a builder, as the command line's reader does. */
function groupsOf(input: TransactionInput, asOf?: number) {
  const builder = new PurchaseGroupBuilder({
    hasOrder: input.order !== undefined,
    ...(asOf === undefined ? {} : { asOf }),
  });
  input.customer.forEach((customer, row) => {
    builder.addRow(customer, input.date[row], input.amount?.[row], input.order?.[row], row + 2);
  });
  return builder.finish();
}

// Rows that exercise every grouping rule: orders reused on other days, orders shared by two customers,
// blank orders, returns, customers with returns only, bad cells, amounts with many decimals.
const row = fc.record({
  customer: fc.constantFrom('a', 'b', ' b', 'c', '17850', '17850.0', '', 'r', 'r'),
  day: fc.integer({ min: 0, max: 6 }),
  minute: fc.integer({ min: 0, max: 1439 }),
  // Mostly values whose floating-point sums depend on the order they are added in.
  amount: fc.oneof(
    {
      weight: 4,
      arbitrary: fc.constantFrom('0.1', '0.2', '0.3', '-0.7', '3.3333333333', '1e16', '1e-3', '12.34', '5.67'),
    },
    { weight: 1, arbitrary: fc.integer({ min: -500, max: 5000 }).map((cents) => String(cents / 100)) },
    { weight: 1, arbitrary: fc.double({ min: -1e3, max: 1e4, noNaN: true }).map(String) },
    { weight: 1, arbitrary: fc.constantFrom('x', '', '1,234.50') },
  ),
  order: fc.constantFrom('R1', 'R2', 'R3', '', 'R4', 'C5'),
  // Now and then an Excel error cell (#N/A) in one role: its row is counted apart by both paths.
  errorIn: fc.constantFrom(null, null, null, null, null, 'customer', 'date', 'amount', 'order'),
});

type Row = { customer: string; day: number; minute: number; amount: string; order: string; errorIn: string | null };

function inputOf(rows: Row[], withOrder: boolean): TransactionInput {
  const error = cellError('#N/A');
  const cell = (entry: Row, role: string, value: unknown): unknown => (entry.errorIn === role ? error : value);
  const date = rows.map((entry) => {
    const stamp = new Date(Date.UTC(2024, 0, 1 + entry.day, 0, entry.minute));
    return `${stamp.toISOString().slice(0, 10)} ${stamp.toISOString().slice(11, 16)}`;
  });
  return {
    customer: rows.map((entry) => cell(entry, 'customer', entry.customer)),
    // Customer r only ever returns goods: all its rows are reported as returns only.
    date: date.map((value, index) => cell(rows[index] as Row, 'date', value)),
    amount: rows.map((entry) => cell(entry, 'amount', entry.customer === 'r' ? `-${entry.minute}` : entry.amount)),
    ...(withOrder ? { order: rows.map((entry) => cell(entry, 'order', entry.order)) } : {}),
    firstRowNumber: 2,
  };
}

describe('PurchaseGroupBuilder: rows gathered into purchase groups as they are read', () => {
  test('gives the same per-customer summary, skip report and warnings count as the rows themselves, with and without orders and an as-of date', () => {
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 80 }),
        fc.boolean(),
        fc.option(fc.integer({ min: 2, max: 8 })),
        (rows, withOrder, asOfOffset) => {
          const input = inputOf(rows, withOrder);
          const asOf = asOfOffset === null ? undefined : Date.UTC(2024, 0, 1 + asOfOffset) / 86_400_000;
          const transactions = parseTransactions(input, asOf);
          const groups = groupsOf(input, asOf);
          expect(groups.transactions.rowsRead).toBe(transactions.rowsRead);
          expect(groups.transactions.ordersOnSeveralDays).toBe(transactions.ordersOnSeveralDays);
          const fromRows = summarizeCustomers(transactions, { asOf, unit: 'weeks' });
          const fromGroups = summarizePurchaseGroups(groups, { asOf, unit: 'weeks' });
          const { groupStart: _a, groupDay: rowsDay, groupAmount: rowsAmount, ...rowsRest } = fromRows;
          const { groupStart: _b, groupDay: groupsDay, groupAmount: groupsAmount, ...groupsRest } = fromGroups;
          expect(groupsRest).toEqual(rowsRest);
          expect(Array.from(groupsDay)).toEqual(Array.from(rowsDay));
          expect(Array.from(groupsAmount)).toEqual(Array.from(rowsAmount));
        },
      ),
      { numRuns: 300 },
    );
  });

  test('segmentPurchaseGroups equals segmentCustomers on the same rows', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 60 }), fc.boolean(), (rows, withOrder) => {
        const input = inputOf(rows, withOrder);
        let expected: unknown;
        try {
          expected = segmentCustomers(input);
        } catch (error) {
          expect(() => segmentPurchaseGroups(groupsOf(input))).toThrow((error as Error).message);
          return;
        }
        expect(segmentPurchaseGroups(groupsOf(input))).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });

  test('0.1 + 0.2 + 0.3 bought together is one purchase of 0.6, as the row summary says (not 0.6000000000000001)', () => {
    const builder = new PurchaseGroupBuilder({ hasOrder: false });
    ['0.1', '0.2', '0.3'].forEach((amount, index) => builder.addRow('a', '2024-01-01', amount, undefined, index + 2));
    expect(Array.from(summarizePurchaseGroups(builder.finish()).groupAmount)).toEqual([0.6]);
  });

  test('an amount that makes a customer total overflow stops naming its row', () => {
    const builder = new PurchaseGroupBuilder({ hasOrder: false });
    builder.addRow('a', '2024-01-01', '1e308', undefined, 2);
    expect(() => builder.addRow('a', '2024-01-02', '1e308', undefined, 3)).toThrow(
      /customer 'a' add up to more than .* at row 3/,
    );
  });
});
