import { main } from '../../src/cli/main';
import { capture } from './cdnowCsv';

const COLUMNS = ['--customer', 'CustomerID', '--date', 'InvoiceDate', '--amount', 'Amount'];

test('sql prints one query for the dialect, with the summary columns named as segment names them', async () => {
  const { io, out, err } = capture();
  expect(
    await main(['sql', '--dialect', 'postgres', '--table', 'sales.lines', ...COLUMNS, '--unit', 'weeks'], io),
  ).toBe(0);
  const sql = out.join('');
  expect(err).toEqual([]);
  expect(sql.startsWith('WITH lines AS (')).toBe(true);
  expect(sql).toContain('FROM sales.lines');
  for (const column of ['customer_id', 'recency_days', 'frequency', 'monetary', 'r_score', 'rfm_code', 't_x', 'T']) {
    expect(sql).toContain(`AS "${column}"`);
  }
});

test('sql --collapsed prints the (x, t_x, T, customers) table; lifecycle options reach the query', async () => {
  const { io, out } = capture();
  const args = ['sql', '--dialect', 'spark', ...COLUMNS, '--collapsed', '--period-days', '30', '--churn-days', '200'];
  expect(await main(args, io)).toBe(0);
  expect(out.join('')).toContain('COUNT(*) AS `customers`');
  expect(out.join('')).toContain('DIV (30)');
  const { io: io2, out: out2 } = capture();
  expect(await main(['sql', '--dialect', 'spark', ...COLUMNS, '--churn-days', '200'], io2)).toBe(0);
  expect(out2.join('')).toContain('recency_days > 200');
});

test.each([
  [['sql', ...COLUMNS], /--dialect/],
  [['sql', '--dialect', 'oracle', ...COLUMNS], /--dialect must be duckdb, postgres, spark, bigquery or snowflake/],
  [
    ['sql', '--dialect', 'duckdb', '--customer', 'c', '--date', 'd'],
    /--amount COL, or --quantity COL and --unit-price COL/,
  ],
  [['sql', '--dialect', 'duckdb', '--date', 'd', '--amount', 'a'], /customer column/],
  [['sql', '--dialect', 'duckdb', ...COLUMNS, '--as-of', '2011/12/10'], /yyyy-mm-dd/],
  [['sql', '--dialect', 'duckdb', ...COLUMNS, '--bins', '12'], /bins/],
  [['sql', '--dialect', 'duckdb', ...COLUMNS, '--colapsed'], /Unknown option --colapsed/],
])('sql refuses %j with a message saying what is wrong', async (args, message) => {
  const { io, out, err } = capture();
  expect(await main(args, io)).toBeGreaterThan(0);
  expect(out).toEqual([]);
  expect(err.join('')).toMatch(message);
});
