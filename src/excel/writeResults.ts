import type { DateSystem } from '../core';
import type { LabelledGroupTotal, LabelledSegmentation } from '../messages/labelSegmentation';
import { dayToExcelSerial, dayToIso } from '../core';
import { blockRows, jsonBytes } from './blockRows';
import { ExcelReadError } from './excelReadError';
import { localTimestamp } from './localTimestamp';
import type { OutputLabels } from './outputLabels';
import { KIND_FORMATS, sheetColumns } from './sheetColumns';
import type { SheetColumn } from './sheetColumns';
import { modelFitRows } from './modelFitRows';
import { removeSheets } from './removeSheets';
import type { CellValue } from './sourceData';
import { tierFill } from './tierFill';
import { uniqueSheetName } from './uniqueSheetName';
import { writeCohortSheet } from './writeCohorts';
import { writeTrackingBlock } from './writeTracking';

/** Options for {@link writeResults}. */
export interface WriteOptions {
  labels: OutputLabels;
  source: { sheetName: string; address: string };
  dateSystem: DateSystem;
  addinVersion: string;
  /** When the run happened; written into the run-information block in local time with its offset. */
  createdAt: Date;
  /** The run's options as readable label/value rows, in the output language (the pane words them). */
  optionRows?: readonly (readonly [string, CellValue])[];
  /**
   * Whether the host has outline groups (ExcelApi 1.10, checked by the pane with isSetSupported): the model
   * columns are then grouped and collapsed; without them (default) they are simply the last columns.
   */
  outlineGroups?: boolean;
  signal?: AbortSignal;
  /** Fraction of rows written so far, 0..1. */
  onProgress?: (fraction: number) => void;
}

/** What the run created: the pane offers buttons that jump to these sheets. */
export interface WriteOutcome {
  segmentsSheet: string;
  summarySheet: string;
  tableName: string;
  syncs: number;
  /** The cohort sheet, when the run had the "Cohorts and retention" option. */
  cohortSheet?: string;
}

/**
 * Writes core's segmentation into two new sheets: "Customer Segments" (an Excel table, one row per
 * customer, formats, frozen header, autofit, tier fills with the tier name in text) and "Segment Summary"
 * (totals per tier, segment and stage, native charts, run information; for the probabilistic method also the
 * model-fit histogram and, when core did the holdout check, its actual-vs-predicted block and chart, or in the
 * run information why the check was not done).
 *
 * Why so careful: it never overwrites (names get " (2)"), never touches the source, and on any failure
 * or cancel deletes everything it created before rethrowing. Rows are written in blocks under 5 MB
 * with API calculation suspended. Rows are grouped by tier (best first, core's order within a tier)
 * so each tier is one fill operation. Cost: 3 + ceil(rows / block) syncs.
 * @throws the Office error of the failed step, or ExcelReadError CANCELLED
 * @example
 * const outcome = await writeResults(context, result, options);
 * outcome.segmentsSheet // => 'Customer Segments'
 */
export async function writeResults(
  context: Excel.RequestContext,
  result: LabelledSegmentation,
  options: WriteOptions,
): Promise<WriteOutcome> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await context.sync();
  const existing = worksheets.items.map((sheet) => sheet.name);
  const segmentsSheet = uniqueSheetName(options.labels.segmentsSheet, existing);
  const summarySheet = uniqueSheetName(options.labels.summarySheet, [...existing, segmentsSheet]);
  const cohortSheet =
    result.cohorts === undefined
      ? undefined
      : uniqueSheetName(options.labels.cohorts.sheet, [...existing, segmentsSheet, summarySheet]);
  const created: string[] = [];
  try {
    const syncs = await writeAll(context, result, options, {
      segmentsSheet,
      summarySheet,
      created,
      ...(cohortSheet === undefined ? {} : { cohortSheet }),
    });
    return {
      segmentsSheet,
      summarySheet,
      tableName: syncs.tableName,
      syncs: syncs.count + 1,
      ...(cohortSheet === undefined ? {} : { cohortSheet }),
    };
  } catch (error) {
    await removeSheets(context, created);
    throw error;
  }
}

interface Names {
  segmentsSheet: string;
  summarySheet: string;
  cohortSheet?: string;
  created: string[];
}

async function writeAll(
  context: Excel.RequestContext,
  result: LabelledSegmentation,
  options: WriteOptions,
  names: Names,
): Promise<{ count: number; tableName: string }> {
  const checkCancelled = (): void => {
    if (options.signal?.aborted) throw new ExcelReadError('CANCELLED', 'Writing was cancelled.');
  };
  let syncs = 0;
  const sync = async (): Promise<void> => {
    syncs++;
    await context.sync();
  };

  // 1. All sheets first, so a later failure can always find and remove them.
  names.created.push(names.segmentsSheet, names.summarySheet);
  const segments = context.workbook.worksheets.add(names.segmentsSheet);
  const summary = context.workbook.worksheets.add(names.summarySheet);
  let cohorts: Excel.Worksheet | undefined;
  if (names.cohortSheet !== undefined) {
    names.created.push(names.cohortSheet);
    cohorts = context.workbook.worksheets.add(names.cohortSheet);
  }
  const tableCandidates = Array.from({ length: 20 }, (_, index) =>
    context.workbook.tables.getItemOrNullObject(`CustomerSegments${index === 0 ? '' : index + 1}`),
  );
  const cohortTableCandidates =
    cohorts === undefined
      ? []
      : Array.from({ length: 20 }, (_, index) =>
          context.workbook.tables.getItemOrNullObject(`CohortTriangle${index === 0 ? '' : index + 1}`),
        );
  await sync();
  const tableIndex = tableCandidates.findIndex((table) => table.isNullObject);
  const tableName = `CustomerSegments${tableIndex <= 0 ? '' : tableIndex + 1}`;
  const cohortTableIndex = cohortTableCandidates.findIndex((table) => table.isNullObject);
  const cohortTableName = `CohortTriangle${cohortTableIndex <= 0 ? '' : cohortTableIndex + 1}`;

  // 2. The customer rows, in blocks: formats first (text format keeps ids like 00001 as text), then values. Headers
  // are the output language's words; each column's format follows its kind.
  const { columns, rows, tierRanks } = outputRows(result, options.dateSystem);
  const header = columns.map((column) => options.labels.columns[column.key]);
  const formatRow = columns.map((column) => KIND_FORMATS[column.kind]);
  const columnCount = header.length;
  segments.getRangeByIndexes(0, 0, 1, columnCount).values = [header];
  const perRow = jsonBytes(rows.slice(0, 100)) / Math.max(1, Math.min(rows.length, 100)) + jsonBytes(formatRow);
  const size = blockRows(perRow * 1.5);
  for (let start = 0; start < rows.length; start += size) {
    checkCancelled();
    const block = rows.slice(start, start + size);
    const range = segments.getRangeByIndexes(1 + start, 0, block.length, columnCount);
    range.numberFormat = block.map(() => formatRow);
    range.values = block;
    context.application.suspendApiCalculationUntilNextSync();
    // Writing in bounded blocks is the point of this loop (5 MB request limit).
    await sync();
    options.onProgress?.(Math.min(1, (start + block.length) / Math.max(1, rows.length)));
  }
  checkCancelled();

  // 3. Table, tier fills, frozen header, autofit.
  const table = segments.tables.add(segments.getRangeByIndexes(0, 0, rows.length + 1, columnCount), true);
  table.name = tableName;
  table.style = 'TableStyleLight1';
  const tierColumn = columns.findIndex((column) => column.key === 'valueTier');
  // One fill per run of rows in the same tier (rows are sorted by tier), chosen by the tier's rank, not its label.
  let runStart = 0;
  for (let index = 1; index <= rows.length; index++) {
    const tierRank = tierRanks[runStart] as number;
    if (index < rows.length && tierRanks[index] === tierRank) continue;
    segments.getRangeByIndexes(1 + runStart, tierColumn, index - runStart, 1).format.fill.color = tierFill(tierRank);
    runStart = index;
  }
  segments.freezePanes.freezeRows(1);
  segments.getRangeByIndexes(0, 0, Math.min(rows.length + 1, 1000), columnCount).format.autofitColumns();
  // The model internals (x, t_x, T …) are the last columns: grouped and collapsed where the host has outlines.
  const firstModel = columns.findIndex((column) => column.model === true);
  if (options.outlineGroups === true && firstModel >= 0) {
    const model = segments.getRangeByIndexes(0, firstModel, rows.length + 1, columnCount - firstModel);
    model.group('ByColumns' as Excel.GroupOption);
    model.hideGroupDetails('ByColumns' as Excel.GroupOption);
  }
  context.application.suspendApiCalculationUntilNextSync();
  await sync();
  checkCancelled();

  // 4. The summary sheet: three blocks, their charts, the model checks of the probabilistic method, run information.
  writeSummary(summary, result, options);
  context.application.suspendApiCalculationUntilNextSync();
  await sync();
  checkCancelled();

  // 5. The cohort sheet of the "Cohorts and retention" option.
  if (cohorts !== undefined && result.cohorts !== undefined) {
    writeCohortSheet(cohorts, result.cohorts, options.labels.cohorts, cohortTableName);
    context.application.suspendApiCalculationUntilNextSync();
    await sync();
    checkCancelled();
  }
  segments.activate();
  await sync();
  return { count: syncs, tableName };
}

/**
 * One row per customer in the sheet's column order (core's tier order, stable within a tier), ISO dates as Excel
 * serials; the probabilistic columns only when the customers have predictions.
 */
function outputRows(
  result: LabelledSegmentation,
  dateSystem: DateSystem,
): { columns: readonly SheetColumn[]; rows: CellValue[][]; tierRanks: number[] } {
  const columns = sheetColumns(result.customers[0]?.predictedClv !== undefined);
  // Tiers in the order of the totals (best first), found by key: labels are for people, not for matching.
  const order = new Map(result.totals.byTier.map((group, index) => [group.key, index]));
  const rank = (tier: string): number => order.get(tier) ?? order.size;
  const sorted = result.customers
    .map((customer, index) => ({ customer, index }))
    .sort((a, b) => rank(a.customer.valueTierKey) - rank(b.customer.valueTierKey) || a.index - b.index);
  const rows = sorted.map(({ customer }) =>
    columns.map((column): CellValue => {
      const value = customer[column.key] ?? '';
      if (column.kind !== 'day' || typeof value !== 'number') return value;
      // Core's day numbers become serials of the workbook's date system; unknown days stay blank.
      return Number.isFinite(value) ? dayToExcelSerial(value, dateSystem) : '';
    }),
  );
  return { columns, rows, tierRanks: sorted.map(({ customer }) => rank(customer.valueTierKey)) };
}

/** Where a chart goes: beside its block, from column H, this many rows tall. */
export const CHART_ROWS = 15;
const chartBeside = (chart: Excel.Chart, row: number): void => chart.setPosition(`H${row + 1}`, `O${row + CHART_ROWS}`);

function writeSummary(sheet: Excel.Worksheet, result: LabelledSegmentation, options: WriteOptions): void {
  const { labels } = options;
  sheet.getRange('A1').values = [[labels.summaryTitle]];
  sheet.getRange('A1').format.font.bold = true;
  let row = 2;
  type Measure = 'customers' | 'revenue' | 'customerShare' | 'revenueShare' | 'averageClv';
  const kinds: Record<Measure, 'count' | 'money' | 'share'> = {
    customers: 'count',
    revenue: 'money',
    customerShare: 'share',
    revenueShare: 'share',
    averageClv: 'money',
  };
  const totals: Record<Measure, CellValue> = {
    customers: result.totals.all.customers,
    revenue: result.totals.all.revenue,
    customerShare: 1,
    revenueShare: 1,
    averageClv: '',
  };
  // One column order in every block. The two shares come first: each block's chart plots them side by side
  // (customers and revenue on one scale), from the label column and the next two, one contiguous range.
  const measures: Measure[] = ['customerShare', 'revenueShare', 'customers', 'revenue', 'averageClv'];
  const blocks: { title: string; groups: LabelledGroupTotal[]; chart: { type: string; title: string } }[] = [
    {
      title: labels.tier,
      groups: result.totals.byTier,
      chart: { type: 'ColumnClustered', title: labels.revenueByTierChart },
    },
    // The main visual of every RFM report: how many customers, and how much revenue, each segment holds.
    {
      title: labels.segment,
      groups: result.totals.bySegment,
      chart: { type: 'BarClustered', title: labels.customersBySegmentChart },
    },
    {
      title: labels.stage,
      groups: result.totals.byStage,
      chart: { type: 'ColumnClustered', title: labels.customersByStageChart },
    },
  ];
  for (const block of blocks) {
    const header = [block.title, ...measures.map((measure) => labels[measure])];
    const body: CellValue[][] = block.groups.map((group) => [
      group.label,
      ...measures.map((measure) => group[measure]),
    ]);
    const totalRow: CellValue[] = [labels.total, ...measures.map((measure) => totals[measure])];
    const values = [header, ...body, totalRow];
    const range = sheet.getRangeByIndexes(row, 0, values.length, header.length);
    range.numberFormat = values.map((_, index) =>
      index === 0 ? header.map(() => '@') : ['@', ...measures.map((measure) => KIND_FORMATS[kinds[measure]])],
    );
    range.values = values;
    sheet.getRangeByIndexes(row, 0, 1, header.length).format.font.bold = true;
    let height = values.length;
    if (body.length > 0) {
      const source = sheet.getRangeByIndexes(row, 0, body.length + 1, 3);
      const chart = sheet.charts.add(block.chart.type as Excel.ChartType, source, 'Columns' as Excel.ChartSeriesBy);
      chart.title.text = block.chart.title;
      chartBeside(chart, row);
      height = Math.max(height, CHART_ROWS);
    }
    row += height + 2;
  }

  // The holdout check of the probabilistic method: mean actual vs predicted purchases in the holdout weeks by
  // calibration repeat purchases. Columns in chart order (label, actual, predicted) so the chart's source is
  // one contiguous range; the customer count per group follows.
  const holdout = result.holdout;
  if (holdout?.status === 'fitted') {
    const values: CellValue[][] = [
      [labels.holdoutRepeatPurchases, labels.holdoutActual, labels.holdoutPredicted, labels.customers],
      ...holdout.rows.map((entry): CellValue[] => [entry.label, entry.actual, entry.predicted, entry.customers]),
    ];
    const range = sheet.getRangeByIndexes(row, 0, values.length, 4);
    range.numberFormat = values.map((_, index) =>
      index === 0 ? ['@', '@', '@', '@'] : ['@', KIND_FORMATS.decimal, KIND_FORMATS.decimal, KIND_FORMATS.count],
    );
    range.values = values;
    sheet.getRangeByIndexes(row, 0, 1, 4).format.font.bold = true;
    const source = sheet.getRangeByIndexes(row, 0, values.length, 3);
    const chart = sheet.charts.add('LineMarkers' as Excel.ChartType, source, 'Columns' as Excel.ChartSeriesBy);
    chart.title.text = labels.holdoutChart;
    chartBeside(chart, row);
    row += Math.max(values.length, CHART_ROWS) + 2;
  }

  // For the probabilistic method: actual vs model customers by repeat purchases, so the fit can be judged.
  const fit = modelFitRows(result.model, result.customers);
  if (fit) {
    const values: CellValue[][] = [
      [labels.repeatPurchases, labels.actualCustomers, labels.modelCustomers],
      ...fit.map((entry): CellValue[] => [entry.label, entry.actual, entry.model ?? '']),
    ];
    const range = sheet.getRangeByIndexes(row, 0, values.length, 3);
    range.numberFormat = values.map((_, index) =>
      index === 0 ? ['@', '@', '@'] : ['@', KIND_FORMATS.count, '#,##0.0'],
    );
    range.values = values;
    sheet.getRangeByIndexes(row, 0, 1, 3).format.font.bold = true;
    const chart = sheet.charts.add('ColumnClustered' as Excel.ChartType, range, 'Columns' as Excel.ChartSeriesBy);
    chart.title.text = labels.modelFitChart;
    chartBeside(chart, row);
    row += Math.max(values.length, CHART_ROWS) + 2;
  }

  // For the probabilistic method with a fitted holdout check: the tracking chart across calibration and holdout.
  if (result.tracking !== undefined) {
    row = writeTrackingBlock(sheet, result.tracking, labels.tracking, row, chartBeside, CHART_ROWS);
  }

  // Run information, as label/value rows below the blocks, so a colleague without the add-in knows what produced
  // these numbers. Counts are numbers (integer format), words are text.
  const info: [CellValue, CellValue, string][] = [
    [labels.runInformation, '', '@'],
    [labels.source, options.source.address, '@'],
    [labels.rowsRead, result.rowsRead, KIND_FORMATS.count],
    [labels.rowsUsed, result.rowsUsed, KIND_FORMATS.count],
    [labels.rowsSkipped, result.skipped.total, KIND_FORMATS.count],
  ];
  for (const [reason, detail] of Object.entries(result.skipped.reasons)) {
    if (!detail) continue;
    const label = labels.skipReasons[reason as keyof OutputLabels['skipReasons']] ?? reason;
    info.push([`  ${label}`, `${detail.count} (${labels.firstRows}: ${detail.firstRows.join(', ')})`, '@']);
  }
  info.push([labels.asOf, Number.isFinite(result.asOf) ? dayToIso(result.asOf) : '', '@']);
  if (holdout) {
    info.push(
      [labels.calibrationEnd, holdout.calibrationEnd, '@'],
      [labels.holdoutWeeks, holdout.holdoutWeeks, KIND_FORMATS.count],
      [
        labels.holdoutCheck,
        holdout.status === 'fitted' ? labels.holdoutDone : labels.holdoutReasons[holdout.reason],
        '@',
      ],
    );
  }
  const optionsAt = info.length;
  info.push([labels.options, '', '@']);
  for (const [label, value] of options.optionRows ?? [])
    info.push([`  ${label}`, value, typeof value === 'number' ? 'General' : '@']);
  info.push(
    [labels.dateSystem, options.dateSystem, '@'],
    [labels.addinVersion, options.addinVersion, '@'],
    [labels.createdAt, localTimestamp(options.createdAt), '@'],
  );
  const infoRange = sheet.getRangeByIndexes(row, 0, info.length, 2);
  infoRange.numberFormat = info.map(([, , format]) => ['@', format]);
  infoRange.values = info.map(([label, value]) => [label, value]);
  sheet.getRangeByIndexes(row, 0, 1, 2).format.font.bold = true;
  sheet.getRangeByIndexes(row + optionsAt, 0, 1, 1).format.font.bold = true;
  // Column A fits the block and run-information labels; B–F fit the blocks only, so the long run-information
  // values (sentences) overflow to the right instead of widening the tables.
  sheet.getRangeByIndexes(1, 0, row + info.length - 1, 1).format.autofitColumns();
  sheet.getRangeByIndexes(1, 1, Math.max(1, row - 1), 5).format.autofitColumns();
}
