import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { StreamedTransactions } from '../../src/cli/streamTransactionsCsv';
import { readPurchaseGroups } from '../../src/cli/streamTransactionsCsv';
import type { CsvTransactions } from '../../src/cli/readTransactionsCsv';
import { readTransactionsCsv } from '../../src/cli/readTransactionsCsv';
import type { SegmentOptions } from '../../src/core';
import {
  calibrationHoldout,
  parseTransactions,
  requireDate,
  segmentCustomers,
  segmentPurchaseGroups,
  summarizeCustomers,
  summarizePurchaseGroups,
} from '../../src/core';
import { dataFilePath } from '../data/dataFiles';
import { mulberry32 } from '../seededRandom';
import { cdnowCsvForTests } from './cdnowCsv';

const cdnow = cdnowCsvForTests();

/** Both paths on one file: the row path (csv-parse, every row kept) and the streaming path (groups only). */
async function bothPaths(file: string, options: SegmentOptions) {
  const rows = await readTransactionsCsv(file);
  const old = segmentCustomers(rows.input, options);
  const asOf = options.asOf === undefined ? {} : { asOf: Math.floor(requireDate(options.asOf, 'asOf')) };
  const streamed = readPurchaseGroups(file, asOf);
  expect(streamed.mapping).toEqual(rows.mapping);
  expect(streamed.records).toBe(rows.records);
  return { old, fast: segmentPurchaseGroups(streamed.groups, options) };
}

/** `fit`'s calibration/holdout split (to 1997-09-30, then to 1998-06-30) and its diagnostics, from both paths. */
async function expectSameHoldout(file: string): Promise<void> {
  const rows = parseTransactions((await readTransactionsCsv(file)).input);
  const groups = readPurchaseGroups(file).groups.transactions;
  const options = {
    calibrationEnd: Math.floor(requireDate('1997-09-30', 'asOf')),
    holdoutEnd: Math.floor(requireDate('1998-06-30', 'holdoutEnd')),
    unit: 'weeks' as const,
    model: 'bgnbd' as const,
    penalty: 0,
  };
  expect(calibrationHoldout(groups, options)).toEqual(calibrationHoldout(rows, options));
}

describe('the streaming path gives the row path result to the last digit', () => {
  test('CDNOW sample, segment with --predict in weeks to 1997-09-30', async () => {
    const { old, fast } = await bothPaths(cdnow.path(), {
      asOf: '1997-09-30',
      unit: 'weeks',
      clv: { method: 'probabilistic', purchaseHorizon: 39 },
    });
    expect(fast).toEqual(old);
  });

  test('CDNOW sample, fit with a holdout: the calibration/holdout split and its diagnostics are the same from purchases as from rows', async () => {
    await expectSameHoldout(cdnow.path());
  });

  describe('Online Retail (541,909 rows: invoices, returns, blank customers), read once by each path', () => {
    let rows: CsvTransactions;
    let streamed: StreamedTransactions;
    beforeAll(async () => {
      rows = await readTransactionsCsv(dataFilePath('onlineretail.csv'));
      streamed = readPurchaseGroups(dataFilePath('onlineretail.csv'));
    }, 120_000);

    test('segment default', () => {
      const fast = segmentPurchaseGroups(streamed.groups);
      expect(fast.customers.length).toBe(4339);
      expect(fast).toEqual(segmentCustomers(rows.input));
    }, 60_000);

    test('segment --predict --unit weeks --horizon 26 --months 12', () => {
      const options: SegmentOptions = {
        unit: 'weeks',
        clv: { method: 'probabilistic', purchaseHorizon: 26, horizonMonths: 12 },
      };
      expect(segmentPurchaseGroups(streamed.groups, options)).toEqual(segmentCustomers(rows.input, options));
    }, 60_000);
  });
});

/**
 * CDNOW master (69,659 purchases) rewritten with the columns of a sales export: an order id per purchase, with
 * one id in 50 reused on a later day (receipt numbers that restart) and a purchase split over two lines, and a
 * margin or cost per line in cents; `shuffle` puts the rows in a seeded random order, so a customer's lines
 * no longer arrive in order.
 */
function writeProfitFile(file: string, profit: 'margin' | 'cost', shuffle: boolean): void {
  const random = mulberry32(profit === 'margin' ? 7 : 11);
  const lines: string[] = [];
  let order = 5000;
  for (const line of readFileSync(dataFilePath('CDNOW_master.txt'), 'utf8').split('\n')) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 4 || !/^\d+$/.test(fields[0] ?? '')) continue;
    const [id, date, , value] = fields as [string, string, string, string];
    const iso = `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`;
    order += 1;
    const orderId = random() < 0.02 ? String(order - 40) : String(order);
    const cents = Math.round(Number(value) * 100);
    const firstLine = Math.floor(cents * random());
    for (const lineCents of [firstLine, cents - firstLine]) {
      const share = Math.round(lineCents * (0.2 + 0.5 * random()));
      // Now and then a blank profit cell: the margin then falls back to amount − 0, the cost to 0.
      const profitText = random() < 0.01 ? '' : (share / 100).toFixed(2);
      lines.push(`${orderId},${id},${iso},${(lineCents / 100).toFixed(2)},${profitText}`);
    }
  }
  if (shuffle) {
    for (let index = lines.length - 1; index > 0; index--) {
      const other = Math.floor(random() * (index + 1));
      [lines[index], lines[other]] = [lines[other] as string, lines[index] as string];
    }
  }
  writeFileSync(file, `order,customer,date,amount,${profit}\n${lines.join('\n')}\n`);
}

describe('files with margin or cost columns are streamed too, with the row path result to the last digit', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'crm-profit-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  test.each([
    ['margin', false],
    ['margin', true],
    ['cost', false],
    ['cost', true],
  ] as const)(
    'CDNOW master with a %s column (shuffled rows: %s)',
    async (profit, shuffle) => {
      const file = path.join(folder, `${profit}-${shuffle}.csv`);
      writeProfitFile(file, profit, shuffle);
      const options: SegmentOptions = { asOf: '1998-06-30', unit: 'weeks' };
      const { old, fast } = await bothPaths(file, options);
      expect(fast).toEqual(old);
      // Before rounding to cents: the summaries' unrounded profit totals agree to the last bit.
      const asOf = Math.floor(requireDate('1998-06-30', 'asOf'));
      const fromRows = summarizeCustomers(parseTransactions((await readTransactionsCsv(file)).input), { asOf });
      const fromGroups = summarizePurchaseGroups(readPurchaseGroups(file, { asOf }).groups, { asOf });
      expect(fromGroups.customerIds).toEqual(fromRows.customerIds);
      expect(Array.from(fromGroups.historicValue)).toEqual(Array.from(fromRows.historicValue));
      // Historic value is the profit, not the revenue: a check that the column was read at all.
      const revenue = fast.customers.reduce((sum, customer) => sum + customer.monetary, 0);
      const historic = fast.customers.reduce((sum, customer) => sum + customer.historicValue, 0);
      expect(historic / revenue).toBeGreaterThan(profit === 'margin' ? 0.3 : 0.4);
      expect(historic / revenue).toBeLessThan(profit === 'margin' ? 0.6 : 0.7);
    },
    60_000,
  );

  test('the calibration/holdout split of a shuffled margin file is the same from purchases as from rows', async () => {
    const file = path.join(folder, 'holdout.csv');
    writeProfitFile(file, 'margin', true);
    await expectSameHoldout(file);
  }, 60_000);
});
