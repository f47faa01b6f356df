import type { BgNbdTracking } from '../core';
import type { OutputLabels } from './outputLabels';
import type { CellValue } from './sourceData';

/**
 * Writes the tracking block of the probabilistic method on the summary sheet: per week, actual cumulative repeat
 * transactions of the whole base and the model's expectation, the model split into a calibration and a holdout series
 * (they meet at the last calibration week) so the boundary shows on the line chart; the chart title names that week.
 * The chart is placed beside the block by `place`. Queues operations only; returns the next free row.
 *
 * Cost O(weeks) cells and one chart.
 * @example
 * row = writeTrackingBlock(summary, result.tracking, labels.tracking, row, chartBeside, 15);
 */
export function writeTrackingBlock(
  sheet: Excel.Worksheet,
  tracking: BgNbdTracking,
  labels: OutputLabels['tracking'],
  row: number,
  place: (chart: Excel.Chart, row: number) => void,
  chartRows: number,
): number {
  const boundary = tracking.calibrationPeriods;
  const values: CellValue[][] = [
    [labels.period, labels.actual, labels.modelCalibration, labels.modelHoldout],
    ...tracking.rows.map((entry): CellValue[] => [
      entry.period,
      entry.actualCumulative,
      entry.period <= boundary ? entry.expectedCumulative : '',
      entry.period >= boundary ? entry.expectedCumulative : '',
    ]),
  ];
  const range = sheet.getRangeByIndexes(row, 0, values.length, 4);
  range.numberFormat = values.map((_, index) =>
    index === 0 ? ['@', '@', '@', '@'] : ['#,##0', '#,##0', '#,##0', '#,##0'],
  );
  range.values = values;
  sheet.getRangeByIndexes(row, 0, 1, 4).format.font.bold = true;
  // The week column is the category axis: chart the three series against it.
  const chart = sheet.charts.add('Line' as Excel.ChartType, range, 'Columns' as Excel.ChartSeriesBy);
  chart.title.text = `${labels.chart} (${labels.lastCalibrationWeek}: ${boundary})`;
  place(chart, row);
  return row + Math.max(values.length, chartRows) + 2;
}
