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
} from '../../src/core';
import { dataFilePath } from '../data/dataFiles';
import { cdnowCsvForTests } from './cdnowCsv';

const cdnow = cdnowCsvForTests();

/** Both paths on one file: the row path (csv-parse, every row kept) and the streaming path (groups only). */
async function bothPaths(file: string, options: SegmentOptions) {
  const rows = await readTransactionsCsv(file);
  const old = segmentCustomers(rows.input, options);
  const asOf = options.asOf === undefined ? {} : { asOf: Math.floor(requireDate(options.asOf, 'asOf')) };
  const streamed = readPurchaseGroups(file, asOf);
  if (streamed === null) throw new Error('the streaming path declined the file');
  expect(streamed.mapping).toEqual(rows.mapping);
  expect(streamed.records).toBe(rows.records);
  return { old, fast: segmentPurchaseGroups(streamed.groups, options) };
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
    const rows = parseTransactions((await readTransactionsCsv(cdnow.path())).input);
    const groups = (readPurchaseGroups(cdnow.path()) as StreamedTransactions).groups.transactions;
    const options = {
      calibrationEnd: Math.floor(requireDate('1997-09-30', 'asOf')),
      holdoutEnd: Math.floor(requireDate('1998-06-30', 'holdoutEnd')),
      unit: 'weeks' as const,
      model: 'bgnbd' as const,
      penalty: 0,
    };
    expect(calibrationHoldout(groups, options)).toEqual(calibrationHoldout(rows, options));
  });

  describe('Online Retail (541,909 rows: invoices, returns, blank customers), read once by each path', () => {
    let rows: CsvTransactions;
    let streamed: StreamedTransactions;
    beforeAll(async () => {
      rows = await readTransactionsCsv(dataFilePath('onlineretail.csv'));
      streamed = readPurchaseGroups(dataFilePath('onlineretail.csv')) as StreamedTransactions;
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
