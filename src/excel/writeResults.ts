import type { DateSystem, GroupTotal, SegmentationResult } from '../core';
import { OUTPUT_COLUMNS, PROBABILISTIC_COLUMNS, dayToExcelSerial, parseDate, toOutputRows } from '../core';
import type { OutputColumn } from '../core';
import { blockRows, jsonBytes } from './blockRows';
import { ExcelReadError } from './excelReadError';
import type { OutputLabels } from './outputLabels';
import { isDateColumn, numberFormatFor } from './outputFormats';
import { modelFitRows } from './modelFitRows';
import { removeSheets } from './removeSheets';
import type { CellValue } from './sourceData';
import { tierFill } from './tierFill';
import { uniqueSheetName } from './uniqueSheetName';

/** Options for {@link writeResults}. */
export interface WriteOptions {
  labels: OutputLabels;
  source: { sheetName: string; address: string };
  dateSystem: DateSystem;
  addinVersion: string;
  /** When the run happened; written into the run-information block. */
  createdAt: Date;
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
  result: SegmentationResult,
  options: WriteOptions,
): Promise<WriteOutcome> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await context.sync();
  const existing = worksheets.items.map((sheet) => sheet.name);
  const segmentsSheet = uniqueSheetName(options.labels.segmentsSheet, existing);
  const summarySheet = uniqueSheetName(options.labels.summarySheet, [...existing, segmentsSheet]);
  const created: string[] = [];
  try {
    const syncs = await writeAll(context, result, options, { segmentsSheet, summarySheet, created });
    return { segmentsSheet, summarySheet, tableName: syncs.tableName, syncs: syncs.count + 1 };
  } catch (error) {
    await removeSheets(context, created);
    throw error;
  }
}

interface Names {
  segmentsSheet: string;
  summarySheet: string;
  created: string[];
}

async function writeAll(
  context: Excel.RequestContext,
  result: SegmentationResult,
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

  // 1. Both sheets first, so a later failure can always find and remove them.
  names.created.push(names.segmentsSheet, names.summarySheet);
  const segments = context.workbook.worksheets.add(names.segmentsSheet);
  const summary = context.workbook.worksheets.add(names.summarySheet);
  const tableCandidates = Array.from({ length: 20 }, (_, index) =>
    context.workbook.tables.getItemOrNullObject(`CustomerSegments${index === 0 ? '' : index + 1}`),
  );
  await sync();
  const tableIndex = tableCandidates.findIndex((table) => table.isNullObject);
  const tableName = `CustomerSegments${tableIndex <= 0 ? '' : tableIndex + 1}`;

  // 2. The customer rows, in blocks: formats first (text format keeps ids like 00001 as text), then values.
  const { columns, rows } = outputRows(result, options.dateSystem);
  const header = columns.map((column) => column.header);
  const formatRow = columns.map((column) => numberFormatFor(column.key));
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
  let runStart = 0;
  for (let index = 1; index <= rows.length; index++) {
    const tier = rows[runStart]?.[tierColumn];
    if (index < rows.length && rows[index]?.[tierColumn] === tier) continue;
    const tierIndex = result.totals.byTier.findIndex((group) => group.label === tier);
    segments.getRangeByIndexes(1 + runStart, tierColumn, index - runStart, 1).format.fill.color = tierFill(
      Math.max(0, tierIndex),
    );
    runStart = index;
  }
  segments.freezePanes.freezeRows(1);
  segments.getRangeByIndexes(0, 0, Math.min(rows.length + 1, 1000), columnCount).format.autofitColumns();
  context.application.suspendApiCalculationUntilNextSync();
  await sync();
  checkCancelled();

  // 4. The summary sheet: three blocks, their charts, the model checks of the probabilistic method, run information.
  writeSummary(summary, result, options);
  context.application.suspendApiCalculationUntilNextSync();
  await sync();
  checkCancelled();
  segments.activate();
  await sync();
  return { count: syncs, tableName };
}

/**
 * Core's rows grouped by tier (core's tier order, stable within a tier), ISO dates as Excel serials,
 * with the output columns that `toOutputRows` chose (probabilistic ones only when present).
 */
function outputRows(
  result: SegmentationResult,
  dateSystem: DateSystem,
): { columns: readonly OutputColumn[]; rows: CellValue[][] } {
  const [headerRow = [], ...rows] = toOutputRows(result);
  const known = [...OUTPUT_COLUMNS, ...PROBABILISTIC_COLUMNS];
  const columns = headerRow.map((header) => {
    const column = known.find((candidate) => candidate.header === header);
    if (!column) throw new Error(`Core produced an unknown output column "${String(header)}".`);
    return column;
  });
  const tierColumn = columns.findIndex((column) => column.key === 'valueTier');
  const order = new Map(result.totals.byTier.map((group, index) => [group.label, index]));
  const dateColumns = columns.flatMap((column, index) => (isDateColumn(column.key) ? [index] : []));
  const converted = rows.map((row) => {
    const copy: CellValue[] = [...row];
    for (const column of dateColumns) {
      const day = parseDate(copy[column]);
      if (day !== null) copy[column] = dayToExcelSerial(day, dateSystem);
    }
    return copy;
  });
  const rank = (row: CellValue[]): number => order.get(String(row[tierColumn])) ?? order.size;
  const sorted = converted
    .map((row, index) => ({ row, index }))
    .sort((a, b) => rank(a.row) - rank(b.row) || a.index - b.index)
    .map(({ row }) => row);
  return { columns, rows: sorted };
}

function writeSummary(sheet: Excel.Worksheet, result: SegmentationResult, options: WriteOptions): void {
  const { labels } = options;
  sheet.getRange('A1').values = [[labels.summaryTitle]];
  sheet.getRange('A1').format.font.bold = true;
  let row = 2;
  const money = '#,##0.00';
  type Measure = 'customers' | 'revenue' | 'customerShare' | 'revenueShare' | 'averageClv';
  const formats: Record<Measure, string> = {
    customers: '#,##0',
    revenue: money,
    customerShare: '0.0%',
    revenueShare: '0.0%',
    averageClv: money,
  };
  const totals: Record<Measure, CellValue> = {
    customers: result.totals.all.customers,
    revenue: result.totals.all.revenue,
    customerShare: 1,
    revenueShare: 1,
    averageClv: '',
  };
  // Each chart plots the label column and the block's first measure, so the measure charted comes first.
  const blocks: {
    title: string;
    groups: GroupTotal[];
    measures: Measure[];
    chart?: { type: string; title: string };
  }[] = [
    {
      title: labels.tier,
      groups: result.totals.byTier,
      measures: ['revenue', 'revenueShare', 'customers', 'customerShare', 'averageClv'],
      chart: { type: 'Pie', title: labels.revenueByTierChart },
    },
    {
      title: labels.segment,
      groups: result.totals.bySegment,
      measures: ['customers', 'customerShare', 'revenue', 'revenueShare', 'averageClv'],
      // The main visual of every RFM report: how many customers each segment holds.
      chart: { type: 'BarClustered', title: labels.customersBySegmentChart },
    },
    {
      title: labels.stage,
      groups: result.totals.byStage,
      measures: ['customers', 'customerShare', 'revenue', 'revenueShare', 'averageClv'],
      chart: { type: 'ColumnClustered', title: labels.customersByStageChart },
    },
  ];
  let chartTop = 1;
  for (const block of blocks) {
    const header = [block.title, ...block.measures.map((measure) => labels[measure])];
    const body: CellValue[][] = block.groups.map((group) => [
      group.label,
      ...block.measures.map((measure) => group[measure]),
    ]);
    const totalRow: CellValue[] = [labels.total, ...block.measures.map((measure) => totals[measure])];
    const values = [header, ...body, totalRow];
    const range = sheet.getRangeByIndexes(row, 0, values.length, header.length);
    range.numberFormat = values.map((_, index) =>
      index === 0 ? header.map(() => '@') : ['@', ...block.measures.map((measure) => formats[measure])],
    );
    range.values = values;
    sheet.getRangeByIndexes(row, 0, 1, header.length).format.font.bold = true;
    if (block.chart && body.length > 0) {
      const source = sheet.getRangeByIndexes(row, 0, body.length + 1, 2);
      const chart = sheet.charts.add(block.chart.type as Excel.ChartType, source, 'Columns' as Excel.ChartSeriesBy);
      chart.title.text = block.chart.title;
      chart.setPosition(`L${chartTop + 1}`, `R${chartTop + 15}`);
      chartTop += 17;
    }
    row += values.length + 2;
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
      index === 0 ? ['@', '@', '@', '@'] : ['@', '0.00', '0.00', '#,##0'],
    );
    range.values = values;
    sheet.getRangeByIndexes(row, 0, 1, 4).format.font.bold = true;
    const source = sheet.getRangeByIndexes(row, 0, values.length, 3);
    const chart = sheet.charts.add('LineMarkers' as Excel.ChartType, source, 'Columns' as Excel.ChartSeriesBy);
    chart.title.text = labels.holdoutChart;
    chart.setPosition(`L${chartTop + 1}`, `R${chartTop + 15}`);
    chartTop += 17;
    row += values.length + 2;
  }

  // For the probabilistic method: actual vs model customers by repeat purchases, so the fit can be judged.
  const fit = modelFitRows(result.model, result.customers);
  if (fit) {
    const values: CellValue[][] = [
      [labels.repeatPurchases, labels.actualCustomers, labels.modelCustomers],
      ...fit.map((entry): CellValue[] => [entry.label, entry.actual, entry.model ?? '']),
    ];
    const range = sheet.getRangeByIndexes(row, 0, values.length, 3);
    range.numberFormat = values.map((_, index) => (index === 0 ? ['@', '@', '@'] : ['@', '#,##0', '#,##0.0']));
    range.values = values;
    sheet.getRangeByIndexes(row, 0, 1, 3).format.font.bold = true;
    const chart = sheet.charts.add('ColumnClustered' as Excel.ChartType, range, 'Columns' as Excel.ChartSeriesBy);
    chart.title.text = labels.modelFitChart;
    chart.setPosition(`L${chartTop + 1}`, `R${chartTop + 15}`);
    chartTop += 17;
    row += values.length + 2;
  }

  // Run information, so a colleague without the add-in knows what produced these numbers.
  const info: CellValue[][] = [
    [labels.runInformation, ''],
    [labels.source, options.source.address],
    [labels.rowsRead, result.rowsRead],
    [labels.rowsUsed, result.rowsUsed],
    [labels.rowsSkipped, result.skipped.total],
  ];
  for (const [reason, detail] of Object.entries(result.skipped.reasons)) {
    if (!detail) continue;
    const label = labels.skipReasons[reason as keyof OutputLabels['skipReasons']] ?? reason;
    info.push([`  ${label}`, `${detail.count} (${labels.firstRows}: ${detail.firstRows.join(', ')})`]);
  }
  info.push([labels.asOf, result.asOf]);
  if (holdout) {
    info.push(
      [labels.calibrationEnd, holdout.calibrationEnd],
      [labels.holdoutWeeks, holdout.holdoutWeeks],
      [labels.holdoutCheck, holdout.status === 'fitted' ? labels.holdoutDone : labels.holdoutReasons[holdout.reason]],
    );
  }
  info.push(
    [labels.options, JSON.stringify(result.options)],
    [labels.dateSystem, options.dateSystem],
    [labels.addinVersion, options.addinVersion],
    [labels.createdAt, options.createdAt.toISOString()],
  );
  const infoRange = sheet.getRangeByIndexes(1, 8, info.length, 2);
  infoRange.numberFormat = info.map(() => ['@', '@']);
  infoRange.values = info;
  sheet.getRangeByIndexes(1, 8, 1, 2).format.font.bold = true;
  sheet.getRangeByIndexes(0, 0, Math.max(row, info.length + 1), 10).format.autofitColumns();
}
