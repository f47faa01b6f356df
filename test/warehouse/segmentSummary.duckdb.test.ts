// A summary exported from the warehouse completes the segmentation without the transactions: scores, segments,
// lifecycle stage, tiers and the --predict fit equal core's segmentation of the transactions themselves.
import type { SegmentOptions } from '../../src/core';
import { customerSummarySql, readSummaryTable, segmentCustomers, segmentSummary } from '../../src/core';
import { cdnowMasterTable } from './dataSets';
import { DuckDbEngine } from './duckdbEngine';
import type { EngineRow, TransactionTable } from './transactionTable';
import { querySpec } from './transactionTable';
import { englishWarnings } from '../messages/englishWarnings';

let table: TransactionTable;
let rows: EngineRow[];
const RUN = { asOf: '1997-12-31', unit: 'weeks' as const };

beforeAll(async () => {
  const engine = await DuckDbEngine.open();
  try {
    table = cdnowMasterTable();
    await engine.load(table);
    rows = await engine.query(customerSummarySql(querySpec(table, RUN), 'duckdb'));
  } finally {
    engine.close();
  }
}, 120_000);

function both(options: SegmentOptions) {
  const headers = Object.keys(rows[0] ?? {});
  const summary = readSummaryTable(
    headers,
    rows.map((row) => headers.map((name) => row[name] ?? null)),
  );
  const fromSummary = segmentSummary(summary, { ...options, unit: RUN.unit });
  const fromTransactions = segmentCustomers(
    { customer: table.customer, date: table.date, amount: table.amount ?? [] },
    { ...options, asOf: RUN.asOf, unit: RUN.unit },
  );
  const byId = new Map(fromTransactions.customers.map((customer) => [customer.customerId, customer]));
  return { fromSummary, byId, count: fromTransactions.customers.length };
}

test('CDNOW master: scores, segment, lifecycle stage, historic value and tier equal the transactions’ run', () => {
  const { fromSummary, byId, count } = both({});
  expect(fromSummary.customers).toHaveLength(count);
  const mismatches = fromSummary.customers.filter((customer) => {
    const reference = byId.get(customer.customerId);
    return (
      reference === undefined ||
      customer.rfmCode !== reference.rfmCode ||
      customer.segmentKey !== reference.segmentKey ||
      customer.lifecycleStageKey !== reference.lifecycleStageKey ||
      customer.valueTierKey !== reference.valueTierKey ||
      customer.historicValue !== reference.historicValue ||
      customer.monetaryAvg !== reference.monetaryAvg
    );
  });
  expect(mismatches).toEqual([]);
  expect(new Set(fromSummary.customers.map((customer) => customer.lifecycleStageKey)).size).toBeGreaterThanOrEqual(3);
  expect(englishWarnings(fromSummary.warnings).join(' ')).toMatch(/lifecycle pattern/);
});

test('CDNOW master with --predict: the BG/NBD + Gamma–Gamma fit and every prediction equal the transactions’ run', () => {
  const clv = { method: 'probabilistic' as const, horizonMonths: 12, monthlyDiscount: 0.01, margin: 0.3 };
  const { fromSummary, byId } = both({ clv });
  const worst = { pAlive: 0, predictedClv: 0, tier: 0 };
  for (const customer of fromSummary.customers) {
    const reference = byId.get(customer.customerId);
    if (reference === undefined) throw new Error(`customer ${customer.customerId} missing`);
    worst.pAlive = Math.max(worst.pAlive, Math.abs((customer.pAlive ?? NaN) - (reference.pAlive ?? NaN)));
    const scale = Math.max(1, Math.abs(reference.predictedClv ?? 0));
    worst.predictedClv = Math.max(
      worst.predictedClv,
      Math.abs((customer.predictedClv ?? NaN) - (reference.predictedClv ?? NaN)) / scale,
    );
    if (customer.valueTierKey !== reference.valueTierKey) worst.tier += 1;
  }
  expect(worst.pAlive).toBeLessThan(1e-9);
  // The summary carries the mean repeat spend rounded to 6 decimals (core fits Gamma–Gamma on the unrounded
  // mean): a relative 4e-8 on CLV, far below a cent.
  expect(worst.predictedClv).toBeLessThan(1e-6);
  expect(worst.tier).toBe(0);
}, 120_000);
