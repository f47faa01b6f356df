/*
 * The invariance property through CRM.RFM_TABLE in the built bundle: shuffling the rows and adding error cells
 * (as Excel passes them) and blank rows never changes a customer's row; only the "rows skipped" row grows.
 */
import fc from 'fast-check';
import { call, col, errorCell, serial } from './callBundle';

const SEED = 20_261_212;
const CODES = ['#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#NUM!', '#NAME?', '#NULL!'];

type Row = [unknown, unknown, unknown];

const transaction = fc.tuple(
  fc.constantFrom('a', 'b', 'c', 'd', 17850, '17850.0'),
  fc.integer({ min: 0, max: 300 }).map((offset) => serial('2024-01-01') + offset),
  fc.integer({ min: 1, max: 50_000 }).map((cents) => cents / 100),
);

const noise = fc.oneof(
  fc.constant<Row>([null, null, null]),
  fc.tuple(transaction, fc.constantFrom(...CODES), fc.integer({ min: 0, max: 2 })).map(([row, code, column]): Row => {
    const copy: Row = [...row];
    copy[column] = errorCell(code);
    return copy;
  }),
);

function customerRows(rows: readonly Row[]): unknown[][] {
  const table = call(
    'RFM_TABLE',
    col(rows.map((row) => row[0])),
    col(rows.map((row) => row[1])),
    col(rows.map((row) => row[2])),
    serial('2024-12-31'),
    null,
    null,
    'en',
  ) as unknown[][];
  // Customer rows only: the header, the rows-skipped row and the warnings describe the input, not a customer.
  return table.slice(1).filter((row) => row[0] !== 'rows skipped' && row[0] !== 'warning');
}

test(`property (fast-check, seed ${SEED}): RFM_TABLE's customers survive shuffling, error cells and blank rows`, () => {
  fc.assert(
    fc.property(
      fc.array(transaction, { minLength: 1, maxLength: 40 }),
      fc.array(noise, { maxLength: 15 }),
      fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })),
      (rows, extra, random) => {
        const mixed = [...(rows as Row[]), ...extra].map((row) => ({ row, key: random.next().value as number }));
        mixed.sort((left, right) => left.key - right.key);
        expect(customerRows(mixed.map((entry) => entry.row))).toEqual(customerRows(rows as Row[]));
      },
    ),
    { seed: SEED, numRuns: 100 },
  );
});
