/*
 * Class 5: dates. Ambiguous day-month-year texts are read with --date-order (or stop naming the value and the
 * option), a bare number in a CSV date column is not a date, and dates past the data's end are warned about.
 */
import { StandinRequestContext, StandinWorkbook, asExcelContext } from '../../src/standin';
import { pickData } from '../../src/taskpane/run/pickData';
import type { PaneEvent } from '../../src/taskpane/state/paneReducer';
import { cdnowWith, cli, csvFile, csvRows } from './cliRun';
import { byHeader, runPane } from './paneRun';

/** Lines as in the original Online Retail export: InvoiceDate m/d/yyyy h:mm. */
const ONLINE_RETAIL = `InvoiceNo,InvoiceDate,CustomerID,Amount
536365,12/1/2010 8:26,17850,15.30
536366,12/1/2010 8:28,17850,22.00
536367,1/12/2011 9:01,13047,54.08
536368,2/3/2011 10:15,13047,20.34
`;

describe('ambiguous text dates (the Online Retail export)', () => {
  test('without --date-order the run stops before computing, naming the first such value and the option', async () => {
    const { code, stderr } = await cli(['segment', csvFile('retail.csv', ONLINE_RETAIL)]);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(
      /Dates such as '12\/1\/2010 8:26' \(data row 1\) can be day-month or month-day: give --date-order mdy \(12\/1\/2010 = 1 December 2010\) or --date-order dmy/,
    );
  });

  test('--date-order mdy reads 12/1/2010 as 1 December 2010', async () => {
    const { code, stdout } = await cli(['segment', csvFile('retail.csv', ONLINE_RETAIL), '--date-order', 'mdy']);
    expect(code).toBe(0);
    const byId = Object.fromEntries(csvRows(stdout).map((row) => [row.customer_id, row]));
    expect(byId['17850']).toMatchObject({ first_purchase: '2010-12-01', last_purchase: '2010-12-01' });
    expect(byId['13047']).toMatchObject({ first_purchase: '2011-01-12', last_purchase: '2011-02-03' });
  });

  test('--date-order dmy reads the same file as 12 January 2010', async () => {
    const { code, stdout } = await cli(['segment', csvFile('retail.csv', ONLINE_RETAIL), '--date-order', 'dmy']);
    expect(code).toBe(0);
    const byId = Object.fromEntries(csvRows(stdout).map((row) => [row.customer_id, row]));
    expect(byId['17850']).toMatchObject({ first_purchase: '2010-01-12' });
    expect(byId['13047']).toMatchObject({ first_purchase: '2011-03-02', last_purchase: '2011-12-01' });
  });

  test('fit accepts --date-order too', async () => {
    const { code, stderr } = await cli([
      'fit',
      csvFile('retail.csv', ONLINE_RETAIL),
      '--date-order',
      'xyz',
      '--as-of',
      '2011-01-01',
      '--unit',
      'weeks',
    ]);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/--date-order must be ymd, mdy or dmy, got xyz/);
  });
});

describe('ambiguous text dates in the pane', () => {
  const ROWS = [
    ['customer', 'date', 'amount'],
    ['17850', '12/1/2010 8:26', 15.3],
    ['17850', '12/1/2010 8:28', 22],
    ['13047', '1/12/2011 9:01', 54.08],
  ];

  test('picking the data finds a day-month-year text, so the pane asks for the date order', async () => {
    const book = new StandinWorkbook();
    book.addSheet('Data', ROWS);
    book.select('Data', { row: 0, column: 0, rowCount: 4, columnCount: 3 });
    const events: PaneEvent[] = [];
    await pickData(
      { kind: 'selection' },
      (batch) => batch(asExcelContext(new StandinRequestContext(book))),
      (event) => events.push(event),
    );
    const loaded = events.find((event) => event.type === 'dataLoaded');
    expect(loaded?.type === 'dataLoaded' ? loaded.data.ambiguousDate : undefined).toBe('12/1/2010 8:26');
  });

  test('with "month/day/year" chosen, 12/1/2010 is 1 December 2010 and the choice is kept with the options', async () => {
    const run = await runPane(ROWS, [], { dateOrder: 'mdy' });
    const byId = Object.fromEntries(byHeader(run.segments).map((row) => [row.customer_id, row]));
    // Dates are written as Excel serials: 40513 = 2010-12-01, 40555 = 2011-01-12.
    expect(byId['17850']?.first_purchase).toBe(40513);
    expect(byId['13047']?.first_purchase).toBe(40555);
    expect(run.result?.options.dateOrder).toBe('mdy');
  });

  test("a few such rows among good dates: the pane's skip list shows the first bad value", async () => {
    const run = await runPane([...ROWS, ['13047', 40600, 10], ['99', 40610, 5]]);
    const finished = run.events.at(-1);
    expect(finished?.type).toBe('runFinished');
    const skipped = finished?.type === 'runFinished' ? finished.summary.skipped : [];
    expect(skipped).toEqual([{ reason: 'badDate', count: 3, firstRows: [2, 3, 4], firstValue: '12/1/2010 8:26' }]);
  });

  test('without a choice every such row is a bad date, and the message shows the first one and the formats', async () => {
    const run = await runPane(ROWS);
    const failed = run.events.at(-1);
    expect(failed?.type).toBe('runFailed');
    expect(failed?.type === 'runFailed' ? failed.detail : '').toMatch(
      /the first is '12\/1\/2010 8:26'; dates must be yyyy-mm-dd/,
    );
  });
});

describe('numbers in a CSV date column', () => {
  test('a bare 1 is a bad date (not 1900-01-01), reported with its value and the accepted formats', async () => {
    const file = csvFile('bare.csv', 'customer,date,amount\na,2024-01-05,10\nb,1,20\nc,20240107,30\n');
    const { code, stdout, stderr } = await cli(['segment', file]);
    expect(code).toBe(0);
    expect(csvRows(stdout).map((row) => [row.customer_id, row.first_purchase])).toEqual([
      ['a', '2024-01-05'],
      ['c', '2024-01-07'],
    ]);
    expect(stderr).toMatch(
      /1 row skipped: bad date 1 \(first at row 3, the first is '1'; dates must be yyyy-mm-dd \[hh:mm\[:ss\]\], yyyy\/m\/d, yyyy年m月d日, yyyymmdd or a date cell\)/,
    );
  });
});

describe('as-of dates past the end of the data', () => {
  const FILE = 'customer,date,amount\na,2024-01-05,10\na,2024-02-05,10\nb,2024-01-10,20\nb,2024-03-01,5\n';

  test("segment warns, naming the data's last purchase, when --as-of is far after it", async () => {
    const { code, stderr } = await cli(['segment', csvFile('late.csv', FILE), '--as-of', '2025-03-01']);
    expect(code).toBe(0);
    expect(stderr).toMatch(
      /Warning: The as-of date 2025-03-01 is 365 days after the last purchase in the data \(2024-03-01\): those days count as days without purchases/,
    );
  });

  test('segment does not warn for the default as-of (the day after the last purchase)', async () => {
    const { stderr } = await cli(['segment', csvFile('late.csv', FILE)]);
    expect(stderr).not.toMatch(/days after the last purchase/);
  });

  test("fit warns when --holdout-end is after the data's last purchase", async () => {
    // The CDNOW sample ends on 1998-06-30; a holdout to the end of 1999 would count 549 days without data.
    const { code, stderr } = await cli([
      'fit',
      cdnowWith('cdnow.csv', ''),
      '--as-of',
      '1997-09-30',
      '--holdout-end',
      '1999-12-31',
      '--unit',
      'weeks',
    ]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/--holdout-end 1999-12-31 is 549 days after the data's last purchase on 1998-06-30/);
  });
});
