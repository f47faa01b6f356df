import { StandinRequestContext, StandinWorkbook } from '../../src/standin';

function bookWithNumbers(): StandinWorkbook {
  const book = new StandinWorkbook();
  book.addSheet('Data', [
    [0, 10],
    [20, 40],
    [50, 100],
  ]);
  return book;
}

const SCALE = {
  minimum: { formula: null, type: 'LowestValue' as const, color: '#F8696B' },
  midpoint: { formula: '50', type: 'Percentile' as const, color: '#FFEB84' },
  maximum: { formula: null, type: 'HighestValue' as const, color: '#63BE7B' },
};

describe('stand-in conditional formats', () => {
  test('a colour scale is queued, applied at sync, and colours cells as Excel interpolates them', async () => {
    const book = bookWithNumbers();
    const context = new StandinRequestContext(book);
    const range = context.workbook.worksheets.getItem('Data').getRange('A1:B3');
    const format = range.conditionalFormats.add('ColorScale');
    format.colorScale.criteria = SCALE;
    const sheet = book.sheets[0]!;
    expect(sheet.conditionalFormats).toHaveLength(0);
    await context.sync();
    expect(sheet.conditionalFormats).toHaveLength(1);
    expect(sheet.conditionalFormats[0]?.rect).toEqual({ row: 0, column: 0, rowCount: 3, columnCount: 2 });
    // Lowest 0, median of {0, 10, 20, 40, 50, 100} = 30, highest 100.
    expect(book.conditionalFillAt(sheet, 0, 0)).toBe('#f8696b');
    expect(book.conditionalFillAt(sheet, 2, 1)).toBe('#63be7b');
    // 20 is two thirds of the way from 0 to the median 30: red → yellow.
    const red = [0xf8, 0x69, 0x6b];
    const yellow = [0xff, 0xeb, 0x84];
    const expected = red.map((channel, index) =>
      Math.round(channel + ((yellow[index] as number) - channel) * (2 / 3))
        .toString(16)
        .padStart(2, '0'),
    );
    expect(book.conditionalFillAt(sheet, 1, 0)).toBe(`#${expected.join('')}`);
  });

  test('unmodelled types and criteria Excel would refuse are refused', () => {
    const context = new StandinRequestContext(bookWithNumbers());
    const range = context.workbook.worksheets.getItem('Data').getRange('A1:B3');
    expect(() => range.conditionalFormats.add('DataBar')).toThrow(expect.objectContaining({ code: 'InvalidArgument' }));
    const format = range.conditionalFormats.add('ColorScale');
    expect(() => {
      format.colorScale.criteria = { ...SCALE, midpoint: { formula: 'half', type: 'Percentile', color: '#FFEB84' } };
    }).toThrow(expect.objectContaining({ code: 'InvalidArgument' }));
    expect(() => {
      format.colorScale.criteria = { ...SCALE, maximum: { formula: null, type: 'HighestValue', color: 'green' } };
    }).toThrow(expect.objectContaining({ code: 'InvalidArgument' }));
  });
});
