// Fitting on sufficient statistics: the collapsed table (x, t_x, T, customers) the warehouse query emits,
// weighted by its counts, gives the per-customer fit; fitting its distinct rows without weights (as a widely
// copied warehouse recipe does) does not.
import type { BtydCustomer } from '../../src/core';
import { customerSummarySql, fitBgNbd, fitParetoNbd } from '../../src/core';
import { cdnowMasterTable } from './dataSets';
import { DuckDbEngine } from './duckdbEngine';
import { coreCustomers, querySpec } from './transactionTable';

const OPTIONS = { asOf: '1997-09-30', unit: 'weeks' as const };
let collapsed: BtydCustomer[];
let perCustomer: BtydCustomer[];

beforeAll(async () => {
  const engine = await DuckDbEngine.open();
  try {
    const table = cdnowMasterTable();
    await engine.load(table);
    const rows = await engine.query(
      customerSummarySql({ ...querySpec(table, OPTIONS), output: 'collapsed' }, 'duckdb'),
    );
    collapsed = rows.map((row) => ({
      x: Number(row.x),
      tx: Number(row.t_x),
      T: Number(row.T),
      count: Number(row.customers),
    }));
    perCustomer = coreCustomers(table, OPTIONS).map((customer) => ({ x: customer.x, tx: customer.tx, T: customer.T }));
  } finally {
    engine.close();
  }
}, 120_000);

function relativeDifference(left: Record<string, number>, right: Record<string, number>): number {
  return Math.max(...Object.keys(left).map((key) => Math.abs((left[key] as number) / (right[key] as number) - 1)));
}

test('the collapsed table keeps every customer, one-time buyers (x = 0) included', () => {
  expect(collapsed.reduce((sum, row) => sum + (row.count ?? 1), 0)).toBe(perCustomer.length);
  expect(collapsed.some((row) => row.x === 0)).toBe(true);
  expect(collapsed.length).toBeLessThan(perCustomer.length / 2);
});

test.each([
  ['BG/NBD', false],
  ['MBG/NBD', true],
])('%s: the weighted fit on the collapsed table equals the per-customer fit to 1e-8', (_name, modified) => {
  const weighted = fitBgNbd(collapsed, { unit: 'weeks', modified });
  const reference = fitBgNbd(perCustomer, { unit: 'weeks', modified });
  expect(weighted.customers).toBe(perCustomer.length);
  expect(relativeDifference(weighted.params, reference.params)).toBeLessThan(1e-8);
  expect(Math.abs(weighted.logLikelihood / reference.logLikelihood - 1)).toBeLessThan(1e-10);
  // Guard: the same rows without their counts are a different (wrong) data set.
  const unweighted = fitBgNbd(
    collapsed.map(({ x, tx, T }) => ({ x, tx, T })),
    { unit: 'weeks', modified },
  );
  expect(relativeDifference(unweighted.params, reference.params)).toBeGreaterThan(0.05);
});

test('Pareto/NBD: the weighted fit on the collapsed table equals the per-customer fit to 1e-8', () => {
  const weighted = fitParetoNbd(collapsed, { unit: 'weeks' });
  const reference = fitParetoNbd(perCustomer, { unit: 'weeks' });
  expect(relativeDifference(weighted.params, reference.params)).toBeLessThan(1e-8);
  // Guard: without the counts the likelihood is a different one (on this data it has no maximum at all).
  let unweightedDifference = Infinity;
  try {
    const unweighted = fitParetoNbd(
      collapsed.map(({ x, tx, T }) => ({ x, tx, T })),
      { unit: 'weeks' },
    );
    unweightedDifference = relativeDifference(unweighted.params, reference.params);
  } catch (error) {
    expect(String(error)).toMatch(/likelihood keeps rising/);
  }
  expect(unweightedDifference).toBeGreaterThan(0.05);
}, 120_000);
