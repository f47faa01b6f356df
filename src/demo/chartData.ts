/** One chart's data as Excel reads its source range: category labels and one or more named series. */
export interface ChartData {
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
}

const asNumber = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;
const asLabel = (value: unknown): string => (value === null || value === undefined ? '' : String(value));

/**
 * Reads a chart's source cells the way Excel does for a range with a header row and a label column: with
 * series by columns, the first column holds the categories and each further column is a series named by its
 * header; by rows, the same with rows and columns swapped. Text or blank cells inside a series are gaps (null).
 * Cost O(cells).
 * @example
 * chartData([['Tier', 'Customers'], ['Gold', 3], ['Iron', 5]], 'Columns').series[0].values // => [3, 5]
 */
export function chartData(cells: readonly (readonly unknown[])[], seriesBy: string): ChartData {
  const byRows = seriesBy === 'Rows';
  const rows = byRows ? transpose(cells) : cells;
  const [header = [], ...body] = rows;
  const categories = body.map((row) => asLabel(row[0]));
  const series = header.slice(1).map((name, offset) => ({
    name: asLabel(name),
    values: body.map((row) => asNumber(row[offset + 1])),
  }));
  return { categories, series };
}

function transpose(cells: readonly (readonly unknown[])[]): unknown[][] {
  const width = Math.max(0, ...cells.map((row) => row.length));
  return Array.from({ length: width }, (_, column) => cells.map((row) => row[column]));
}
