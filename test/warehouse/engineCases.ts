/*
 * The cases every executed dialect must pass: the generated SQL run on the engine equals core's segmentation,
 * column by column, on a hand-made table, CDNOW master, Online Retail and random transaction sets.
 */
import fc from 'fast-check';
import type { DialectName } from '../../src/core';
import { AnalyticsError, customerSummarySql, dayToIso, parseDate } from '../../src/core';
import { cdnowMasterTable, onlineRetailTable } from './dataSets';
import type { EngineRow, RunOptions, TransactionTable } from './transactionTable';
import { coreCustomers, DEFAULT_PERIOD_DAYS, differences, periodSums, querySpec } from './transactionTable';

/** A database the tests can load a table into and query. */
export interface WarehouseEngine {
  readonly dialect: DialectName;
  load(table: TransactionTable): Promise<void>;
  query(sql: string): Promise<EngineRow[]>;
}

/**
 * Loads the table, runs the dialect's SQL, and returns the differences from core (empty when equal) and how
 * many customers were compared.
 */
export async function compareWithCore(
  engine: WarehouseEngine,
  table: TransactionTable,
  options: RunOptions,
): Promise<{ differences: string[]; customers: number }> {
  await engine.load(table);
  const rows = await engine.query(customerSummarySql(querySpec(table, options), engine.dialect));
  let expected;
  try {
    expected = coreCustomers(table, options);
  } catch (error) {
    // Nobody bought on or before the as-of date: core refuses, the query returns no customer.
    if (error instanceof AnalyticsError && error.code === 'EMPTY_INPUT') {
      return { differences: rows.length === 0 ? [] : [`${rows.length} rows where core has none`], customers: 0 };
    }
    throw error;
  }
  const asOf = options.asOf ?? String(rows[0]?.as_of ?? '');
  const periods = periodSums(table, asOf, options.lifecycle?.periodDays ?? DEFAULT_PERIOD_DAYS);
  return { differences: differences(rows, expected, periods), customers: expected.length };
}

/** Defines the cases for one engine; `engine()` is called inside the tests (after beforeAll). */
export function defineEngineCases(engine: () => WarehouseEngine, randomRuns: number): void {
  test('a small table with an order reused on two days, a blank order, a return and a returns-only customer', async () => {
    const table: TransactionTable = {
      customer: ['a', 'a', 'a', 'a', 'b', 'b', 'c', ' a '],
      date: [
        '2024-01-01',
        '2024-01-01 10:00:00',
        '2024-02-01',
        '2024-03-01',
        '2024-01-05',
        '2024-03-30',
        '2024-02-02',
        '2024-03-01',
      ],
      amount: [10, 5.5, 20, -4, 7, 3, -9, 2],
      order: ['1', '1', '1', null, '9', '9', 'r', null],
    };
    expect(await compareWithCore(engine(), table, {})).toEqual({ differences: [], customers: 2 });
    expect(await compareWithCore(engine(), table, { asOf: '2024-03-01', unit: 'weeks' })).toEqual({
      differences: [],
      customers: 2,
    });
  });

  test('CDNOW master: every column of all 23,570 customers equals core', async () => {
    const result = await compareWithCore(engine(), cdnowMasterTable(), { asOf: '1998-06-30', unit: 'weeks' });
    expect(result).toEqual({ differences: [], customers: 23_570 });
  }, 120_000);

  test('the collapsed table (x, t_x, T, customers) of CDNOW master equals core’s customers counted by (x, t_x, T)', async () => {
    const table = cdnowMasterTable();
    const options: RunOptions = { asOf: '1997-09-30', unit: 'weeks' };
    await engine().load(table);
    const rows = await engine().query(
      customerSummarySql({ ...querySpec(table, options), output: 'collapsed' }, engine().dialect),
    );
    const expected = new Map<string, number>();
    for (const customer of coreCustomers(table, options)) {
      const key = `${customer.x}|${customer.tx}|${customer.T}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const actual = new Map(
      rows.map((row) => [`${Number(row.x)}|${Number(row.t_x)}|${Number(row.T)}`, Number(row.customers)]),
    );
    expect(actual).toEqual(expected);
    expect([...actual.values()].reduce((sum, count) => sum + count, 0)).toBe(23_570);
    expect(rows.length).toBeLessThan(23_570 / 2); // 8,685 distinct rows: the likelihood is evaluated once per row
  }, 120_000);

  test('Online Retail (quantity × unit price, invoices, cancellations): every column equals core', async () => {
    const result = await compareWithCore(engine(), onlineRetailTable(), { asOf: '2011-12-09', unit: 'days' });
    expect(result.differences).toEqual([]);
    expect(result.customers).toBeGreaterThan(4_000);
  }, 300_000);

  test('random transaction sets: ties, returns, reused and blank orders, as-of cuts, one customer', async () => {
    const day = fc.integer({ min: 0, max: 500 });
    const line = fc.record({
      customer: fc.constantFrom('1', '2', '10', '010', 'a', 'b', ' c'),
      day,
      time: fc.constantFrom('', ' 09:30:00', ' 23:59:59'),
      cents: fc.integer({ min: -3000, max: 20000 }),
      order: fc.constantFrom('1', '2', '3', 'x', null),
    });
    const options = fc.record({
      asOfDay: fc.option(day, { nil: undefined }),
      unit: fc.constantFrom('days' as const, 'weeks' as const, 'months' as const),
      bins: fc.integer({ min: 2, max: 10 }),
      periodDays: fc.constantFrom(30, 60, 90),
      minOccasions: fc.integer({ min: 1, max: 4 }),
    });
    const iso = (offset: number): string => dayToIso((parseDate('2023-01-01') as number) + offset);
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { minLength: 1, maxLength: 60 }),
        options,
        fc.boolean(),
        async (lines, run, orders) => {
          const table: TransactionTable = {
            customer: lines.map((entry) => entry.customer),
            date: lines.map((entry) => iso(entry.day) + entry.time),
            amount: lines.map((entry) => entry.cents / 100),
            ...(orders ? { order: lines.map((entry) => entry.order) } : {}),
          };
          const runOptions: RunOptions = {
            unit: run.unit,
            bins: run.bins,
            lifecycle: { periodDays: run.periodDays, minOccasions: run.minOccasions },
            ...(run.asOfDay === undefined ? {} : { asOf: iso(run.asOfDay) }),
          };
          expect((await compareWithCore(engine(), table, runOptions)).differences).toEqual([]);
        },
      ),
      { numRuns: randomRuns, seed: 16 },
    );
  }, 300_000);
}
