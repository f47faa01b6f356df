import type { CohortAnalysis } from '../core';
import { dayToIso } from '../core';
import type { OutputLabels } from './outputLabels';
import type { CellValue } from './sourceData';

/** Number formats of the triangle: the partial and projected cells carry a mark, so colour is never the only cue. */
export const COHORT_FORMATS = Object.freeze({
  observed: '0.0%',
  partial: '0.0%"†"',
  projected: '0.0%"*"',
});

/** The three-colour scale of the triangle: red (low) – yellow (median) – green (high), Excel's own preset colours. */
export const COHORT_COLOR_SCALE = Object.freeze({
  minimum: { formula: null, type: 'LowestValue', color: '#F8696B' },
  midpoint: { formula: '50', type: 'Percentile', color: '#FFEB84' },
  maximum: { formula: null, type: 'HighestValue', color: '#63BE7B' },
});

/** Where the cohort sheet's objects are, for the pane and the tests. */
export interface CohortSheetLayout {
  tableName: string;
  /** Row and column count of the triangle's table, header included. */
  tableRows: number;
  tableColumns: number;
}

/**
 * Writes the "Cohorts and retention" sheet: the triangle as an Excel table (share active, or for contract data share
 * still subscribed with the empty corner projected by the sBG model), a native three-colour scale on its cells, a
 * legend for the marks, the retention curves per cohort and on average with their line chart, and for contract data
 * the sBG parameters and the CLV per cohort. Queues operations only; the caller syncs.
 *
 * Cost O(cohorts × ages) cells, one table, one conditional format, one chart.
 * @example
 * writeCohortSheet(context.workbook.worksheets.add('Cohorts'), result.cohorts, labels, 'CohortTriangle');
 */
export function writeCohortSheet(
  sheet: Excel.Worksheet,
  analysis: CohortAnalysis,
  labels: OutputLabels['cohorts'],
  tableName: string,
): CohortSheetLayout {
  const { table, projection } = analysis;
  const ages = Array.from({ length: table.ages }, (_, age) => age);
  sheet.getRange('A1').values = [[labels.title]];
  sheet.getRange('A1').format.font.bold = true;
  const measure = analysis.contractual ? labels.shareSurviving : labels.shareActive;
  sheet.getRange('A2').values = [[measure]];

  // The triangle: header row then one row per cohort; values as fractions, marks in the number format.
  const top = 3;
  const header: CellValue[] = [labels.cohort, labels.customers, ...ages.map(String), labels.partialPeriod];
  const values: CellValue[][] = [header];
  const formats: string[][] = [header.map(() => '@')];
  const partialNote = `${table.partialLabel} (${dayToIso(table.asOf - 1)})`;
  table.cohorts.forEach((row, index) => {
    const cells: CellValue[] = [];
    const rowFormats: string[] = [];
    for (const age of ages) {
      const cell = row.cells[age];
      const projected = projection?.projected[index]?.[age] ?? null;
      if (cell !== undefined && !(cell.partial && projected !== null)) {
        cells.push(analysis.contractual ? cell.alive / row.size : cell.share);
        rowFormats.push(cell.partial ? COHORT_FORMATS.partial : COHORT_FORMATS.observed);
      } else if (projected !== null) {
        cells.push(projected);
        rowFormats.push(COHORT_FORMATS.projected);
      } else {
        cells.push('');
        rowFormats.push(COHORT_FORMATS.observed);
      }
    }
    const last = row.cells[row.cells.length - 1];
    values.push([row.label, row.size, ...cells, last?.partial === true ? partialNote : '']);
    formats.push(['@', '#,##0', ...rowFormats, '@']);
  });
  const columns = header.length;
  const range = sheet.getRangeByIndexes(top, 0, values.length, columns);
  range.numberFormat = formats;
  range.values = values;
  const excelTable = sheet.tables.add(range, true);
  excelTable.name = tableName;
  excelTable.style = 'TableStyleLight1';
  if (table.cohorts.length > 0 && ages.length > 0) {
    const body = sheet.getRangeByIndexes(top + 1, 2, table.cohorts.length, ages.length);
    const scale = body.conditionalFormats.add('ColorScale' as Excel.ConditionalFormatType);
    scale.colorScale.criteria = COHORT_COLOR_SCALE as unknown as Excel.ConditionalColorScaleCriteria;
  }
  let row = top + values.length + 1;

  // Legend: what the marks mean, in words.
  const legend: CellValue[][] = [];
  if (table.lastPeriodPartial) legend.push([`† ${labels.partialLegend}: ${partialNote}`]);
  if (projection !== undefined) {
    const { alpha, beta } = projection.model.params;
    legend.push([`* ${labels.projectedLegend} (alpha = ${alpha.toFixed(3)}, beta = ${beta.toFixed(3)})`]);
  } else if (analysis.contractual && analysis.projectionProblem !== undefined) {
    legend.push([`${labels.noProjection}: ${labels.problems[analysis.projectionProblem]}`]);
  } else if (!analysis.contractual) {
    legend.push([labels.retailNote]);
  }
  if (legend.length > 0) {
    const legendRange = sheet.getRangeByIndexes(row, 0, legend.length, 1);
    legendRange.numberFormat = legend.map(() => ['@']);
    legendRange.values = legend;
    row += legend.length + 1;
  }

  // Retention curves: observed complete cells per cohort and the pooled average, charted as lines.
  // A blank top-left cell: Excel then reads the first row as categories and the first column as series names.
  sheet.getRangeByIndexes(row, 0, 1, 1).values = [[labels.curveTitle]];
  sheet.getRangeByIndexes(row, 0, 1, 1).format.font.bold = true;
  row += 1;
  const curves: CellValue[][] = [['', ...ages.map(String)]];
  for (const cohort of table.cohorts) {
    curves.push([
      cohort.label,
      ...ages.map((age) => {
        const cell = cohort.cells[age];
        if (cell === undefined || cell.partial) return '';
        return analysis.contractual ? cell.alive / cohort.size : cell.share;
      }),
    ]);
  }
  const average = analysis.contractual ? analysis.averageSurvival : analysis.averageShare;
  curves.push([labels.average, ...average.map((value) => value ?? '')]);
  const curveRange = sheet.getRangeByIndexes(row, 0, curves.length, ages.length + 1);
  curveRange.numberFormat = curves.map((line, index) =>
    line.map((_, column) => (index === 0 || column === 0 ? '@' : '0.0%')),
  );
  curveRange.values = curves;
  sheet.getRangeByIndexes(row, 0, 1, ages.length + 1).format.font.bold = true;
  const chart = sheet.charts.add('Line' as Excel.ChartType, curveRange, 'Rows' as Excel.ChartSeriesBy);
  chart.title.text = labels.curveChart;
  chart.setPosition(`A${row + curves.length + 2}`, `H${row + curves.length + 17}`);
  row += curves.length + 19;

  // The sBG model and the value of each cohort's survivors (contract data only).
  if (projection !== undefined) {
    const { model } = projection;
    const se = model.standardErrors;
    const block: CellValue[][] = [
      [labels.sbgTitle, '', labels.standardError],
      ['alpha', model.params.alpha, se?.alpha ?? ''],
      ['beta', model.params.beta, se?.beta ?? ''],
      [labels.logLikelihood, model.logLikelihood, ''],
      [labels.discountPerPeriod, projection.discountPerPeriod, ''],
    ];
    const blockRange = sheet.getRangeByIndexes(row, 0, block.length, 3);
    blockRange.numberFormat = block.map((_, index) =>
      index === 0 ? ['@', '@', '@'] : index === 4 ? ['@', '0.00%', '@'] : ['@', '0.0000', '0.0000'],
    );
    blockRange.values = block;
    sheet.getRangeByIndexes(row, 0, 1, 3).format.font.bold = true;
    row += block.length + 1;
    const valueRows: CellValue[][] = [
      [
        labels.cohort,
        labels.survivors,
        labels.renewals,
        labels.marginPerPeriod,
        labels.derl,
        labels.clvPerCustomer,
        labels.clvTotal,
      ],
      ...projection.cohorts.map((entry): CellValue[] => [
        entry.label,
        entry.alive,
        entry.renewals,
        entry.marginPerPeriod,
        entry.derl,
        entry.clvPerCustomer,
        entry.clvPerCustomer * entry.alive,
      ]),
    ];
    const valueRange = sheet.getRangeByIndexes(row, 0, valueRows.length, 7);
    valueRange.numberFormat = valueRows.map((_, index) =>
      index === 0
        ? ['@', '@', '@', '@', '@', '@', '@']
        : ['@', '#,##0', '#,##0', '#,##0.00', '0.00', '#,##0.00', '#,##0.00'],
    );
    valueRange.values = valueRows;
    sheet.getRangeByIndexes(row, 0, 1, 7).format.font.bold = true;
  }
  // Widths from the tables only: the title and legend lines overflow into the empty cells beside them, as text
  // does in Excel, instead of widening column A to a sentence.
  range.format.autofitColumns();
  curveRange.format.autofitColumns();
  if (projection !== undefined)
    sheet.getRangeByIndexes(row, 0, projection.cohorts.length + 1, 7).format.autofitColumns();
  return { tableName, tableRows: values.length, tableColumns: columns };
}
