import { chartData } from '../../src/demo/chartData';

describe('chartData(cells, seriesBy) reads a chart source as Excel does', () => {
  const cells = [
    ['Repeat purchases', 'Actual', 'Predicted'],
    ['0', 0.24, 0.23],
    ['1', 0.7, 'n/a'],
    ['7+', 6.36, 6.1],
  ];

  test('by columns: the first column is the categories, each further column a series named by its header', () => {
    expect(chartData(cells, 'Columns')).toEqual({
      categories: ['0', '1', '7+'],
      series: [
        { name: 'Actual', values: [0.24, 0.7, 6.36] },
        { name: 'Predicted', values: [0.23, null, 6.1] },
      ],
    });
  });

  test('by rows: the same with rows and columns swapped', () => {
    const transposed = cells[0]!.map((_, column) => cells.map((row) => row[column]));
    expect(chartData(transposed, 'Rows')).toEqual(chartData(cells, 'Columns'));
  });

  test('a header-only source has no points, and an empty one no series', () => {
    expect(chartData([['Tier', 'Revenue']], 'Columns')).toEqual({
      categories: [],
      series: [{ name: 'Revenue', values: [] }],
    });
    expect(chartData([], 'Columns')).toEqual({ categories: [], series: [] });
  });
});
