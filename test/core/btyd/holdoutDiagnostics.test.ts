import { bgnbdConditionalExpected } from '../../../src/core/btyd/bgnbdPredictions';
import { fitBgNbd } from '../../../src/core/btyd/fitBgNbd';
import { holdoutDiagnostics } from '../../../src/core/btyd/holdoutDiagnostics';
import { AnalyticsError } from '../../../src/core/errors';
import { readCdnowSample } from './cdnowSample';

const cdnow = readCdnowSample();
const model = fitBgNbd(cdnow, { unit: 'weeks' });
const holdout = { value: 39, unit: 'weeks' as const };

describe('holdoutDiagnostics (Fader, Hardie & Lee 2005, CDNOW weeks 40–78)', () => {
  const diagnostics = holdoutDiagnostics(model, cdnow, holdout);

  test('actual holdout means by calibration frequency are those of the CDNOW data: 0.236, 0.697, …, 6.359 for 7+', () => {
    const actual = diagnostics.byCalibrationFrequency.map((row) => Number(row.actual.toFixed(3)));
    expect(actual).toEqual([0.237, 0.697, 1.393, 1.56, 2.532, 2.947, 3.862, 6.359]);
    expect(diagnostics.byCalibrationFrequency.map((row) => row.label)).toEqual([
      '0',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7+',
    ]);
    expect(diagnostics.byCalibrationFrequency.map((row) => row.customers)).toEqual([
      1411, 439, 214, 100, 62, 38, 29, 64,
    ]);
  });

  test('predicted means are the conditional expectations over 39 weeks, averaged per group', () => {
    const group = cdnow.filter((c) => c.x === 2);
    const mean = group.reduce((s, c) => s + bgnbdConditionalExpected(model, holdout, c), 0) / group.length;
    expect(diagnostics.byCalibrationFrequency[2]!.predicted).toBeCloseTo(mean, 10);
  });

  test('the model histogram has as many customers as the data and follows the actual counts', () => {
    const total = diagnostics.frequencyHistogram.reduce((s, row) => s + (row.model ?? 0), 0);
    expect(total).toBeCloseTo(2357, 6);
    for (const row of diagnostics.frequencyHistogram) {
      expect(Math.abs((row.model ?? 0) - row.actual)).toBeLessThan(0.1 * row.actual + 10);
    }
  });

  test('a holdout in days is the same as in weeks', () => {
    const inDays = holdoutDiagnostics(model, cdnow, { value: 273, unit: 'days' });
    expect(inDays.totals.predicted).toBeCloseTo(diagnostics.totals.predicted, 8);
  });

  test('bad holdout counts are errors with the row', () => {
    expect(() => holdoutDiagnostics(model, [{ x: 1, tx: 1, T: 2, holdoutPurchases: -1 }], holdout)).toThrow(
      AnalyticsError,
    );
    expect(() => holdoutDiagnostics(model, [], holdout)).toThrow(/No customers/);
  });
});
