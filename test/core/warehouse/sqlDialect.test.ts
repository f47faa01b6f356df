// Spark SQL, BigQuery and Snowflake cannot run here: their dialect layer and the rendered query are checked
// as text. DuckDB and PostgreSQL run the same description in test/warehouse.
import type { CustomerSummaryQuerySpec, DialectName } from '../../../src/core';
import { customerSummarySql, DIALECT_NAMES, sqlDialect, SUMMARY_SQL_COLUMNS } from '../../../src/core';
import { codeOf } from '../../analyticsErrors';

const SPEC: CustomerSummaryQuerySpec = {
  table: 'sales.transactions',
  columns: {
    customer: 'Customer ID',
    date: 'InvoiceDate',
    quantity: 'Quantity',
    unitPrice: 'UnitPrice',
    order: 'InvoiceNo',
  },
  asOf: '2011-12-10',
  unit: 'weeks',
};

describe('dialect layer', () => {
  const cases: [DialectName, string, string, string, string, string][] = [
    // name, days between, add days, integer division, date literal, quoted T
    ['duckdb', 'CAST((b) - (a) AS BIGINT)', '(d + 1)', '((n) // (m))', "DATE '2024-03-05'", '"T"'],
    ['postgres', '((b) - (a))', '(d + 1)', '((n) / (m))', "DATE '2024-03-05'", '"T"'],
    ['spark', 'DATEDIFF(b, a)', 'DATE_ADD(d, 1)', '((n) DIV (m))', "DATE '2024-03-05'", '`T`'],
    ['bigquery', 'DATE_DIFF(b, a, DAY)', 'DATE_ADD(d, INTERVAL 1 DAY)', 'DIV(n, m)', "DATE '2024-03-05'", '`T`'],
    ['snowflake', 'DATEDIFF(day, a, b)', 'DATEADD(day, 1, d)', 'FLOOR((n) / (m))', "TO_DATE('2024-03-05')", '"T"'],
  ];
  test.each(cases)(
    '%s: date arithmetic, integer division, literals and quoting',
    (name, between, add, divide, literal, quoted) => {
      const dialect = sqlDialect(name);
      expect(dialect.daysBetween('a', 'b')).toBe(between);
      expect(dialect.addDays('d', 1)).toBe(add);
      expect(dialect.integerDivide('n', 'm')).toBe(divide);
      expect(dialect.dateLiteral('2024-03-05')).toBe(literal);
      expect(dialect.quote('T')).toBe(quoted);
    },
  );

  test('money: exact decimal types, rounded to 6 places; averages divided exactly except on DuckDB', () => {
    expect(sqlDialect('spark').moneyType).toBe('DECIMAL(38, 6)');
    expect(sqlDialect('bigquery').moneyType).toBe('NUMERIC');
    expect(sqlDialect('snowflake').moneyType).toBe('NUMBER(38, 6)');
    expect(sqlDialect('snowflake').moneyRatio('s', 'n')).toBe('ROUND((s) / (n), 6)');
    expect(sqlDialect('duckdb').moneyRatio('s', 'n')).toBe('ROUND(CAST(s AS DOUBLE) / (n), 6)');
  });

  test('quoting escapes the quote character, so any header is one identifier', () => {
    expect(sqlDialect('postgres').quote('say "hi"')).toBe('"say ""hi"""');
    expect(sqlDialect('spark').quote('a`b')).toBe('`a\\`b`');
  });

  test('an unknown dialect is refused with the list', () => {
    expect(codeOf(() => sqlDialect('oracle'))).toBe('BAD_ARGUMENT');
    expect(() => sqlDialect('oracle')).toThrow(/duckdb, postgres, spark, bigquery, snowflake/);
  });
});

describe('the rendered query', () => {
  test.each(DIALECT_NAMES)('%s: every summary column is returned, quoted the dialect’s way', (name) => {
    const sql = customerSummarySql(SPEC, name);
    const dialect = sqlDialect(name);
    for (const column of SUMMARY_SQL_COLUMNS) expect(sql).toContain(`AS ${dialect.quote(column)}`);
    expect(sql).toContain(`TRIM(CAST(${dialect.quote('Customer ID')} AS ${dialect.textType}))`);
    expect(sql).toContain(`CAST(${dialect.quote('Quantity')} * ${dialect.quote('UnitPrice')} AS ${dialect.moneyType})`);
    expect(sql).toContain(`${dialect.dateLiteral('2011-12-10')} AS as_of_day`);
    expect(sql).toContain(`CAST(7 AS ${dialect.doubleType})`);
  });

  test('spark, bigquery and snowflake texts carry no other dialect’s syntax', () => {
    const spark = customerSummarySql(SPEC, 'spark');
    const bigquery = customerSummarySql(SPEC, 'bigquery');
    const snowflake = customerSummarySql(SPEC, 'snowflake');
    expect(spark).not.toMatch(/\/\/|"|DATE_DIFF|INTERVAL|DATEADD|NUMERIC|FLOAT64/);
    expect(spark).toMatch(/DATEDIFF\(as_of_day, last_day\) AS recency_days/);
    expect(spark).toMatch(/\) DIV \(/);
    expect(bigquery).not.toMatch(/\/\/|"|DATEDIFF|DATEADD| DIV |DECIMAL|DOUBLE|VARCHAR/);
    expect(bigquery).toMatch(/DATE_DIFF\(as_of_day, last_day, DAY\) AS recency_days/);
    expect(bigquery).toMatch(/CAST\(`Quantity` \* `UnitPrice` AS NUMERIC\)/);
    expect(snowflake).not.toMatch(/\/\/|`|DATE_DIFF|DATE_ADD| DIV |INTERVAL|FLOAT64/);
    expect(snowflake).toMatch(/DATEDIFF\(day, last_day, as_of_day\) AS recency_days/);
  });

  test('RFM scores are the COUNTIF rule as window ranks: 1 + floor(bins × (rank − 1) / N)', () => {
    const sql = customerSummarySql({ ...SPEC, bins: 4 }, 'bigquery');
    expect(sql).toContain(
      'CASE WHEN MIN(recency_days) OVER () = MAX(recency_days) OVER () THEN 4 ELSE 1 + DIV(4 * (RANK() OVER (ORDER BY recency_days DESC) - 1), COUNT(*) OVER ()) END AS r_score',
    );
    expect(sql).toContain('1 + DIV(4 * (RANK() OVER (ORDER BY monetary ASC) - 1), COUNT(*) OVER ()) END AS m_score');
  });

  test('the segment map covers every (R, F) pair of the bins, from core’s own map', () => {
    const sql = customerSummarySql({ ...SPEC, bins: 3 }, 'snowflake');
    expect(sql.match(/WHEN r_score = \d+ AND f_score = \d+ THEN/g)).toHaveLength(9);
    expect(sql).toContain("WHEN r_score = 3 AND f_score = 3 THEN 'champions'");
    expect(sql).toContain("WHEN r_score = 1 AND f_score = 1 THEN 'hibernating'");
  });

  test('lifecycle thresholds are written as the doubles core compares with', () => {
    const sql = customerSummarySql(
      { ...SPEC, lifecycle: { declineThreshold: 0.3, growthThreshold: 0.2, churnDays: 200 } },
      'spark',
    );
    expect(sql).toContain('latest_value < CAST(0.7 AS DOUBLE) * baseline_value');
    expect(sql).toContain('latest_value > CAST(1.2 AS DOUBLE) * baseline_value');
    expect(sql).toContain('recency_days > 200');
  });

  test('the collapsed table groups whole days and returns (x, t_x, T, customers)', () => {
    const sql = customerSummarySql({ ...SPEC, output: 'collapsed' }, 'bigquery');
    expect(sql).toContain('GROUP BY x, tenure_days, recency_days');
    expect(sql).toMatch(/COUNT\(\*\) AS `customers`/);
    expect(sql).not.toContain('r_score');
  });

  test('without an order column lines group by calendar day only; without --as-of D is the day after the latest', () => {
    const sql = customerSummarySql({ table: 't', columns: { customer: 'c', date: 'd', amount: 'a' } }, 'spark');
    expect(sql).toContain('CAST(NULL AS STRING) AS order_id');
    expect(sql).toContain('DATE_ADD(MAX(purchase_day), 1) AS as_of_day');
  });

  test('bad specs are refused naming what is wrong', () => {
    const base = { table: 't', columns: { customer: 'c', date: 'd', amount: 'a' } };
    expect(codeOf(() => customerSummarySql({ ...base, table: 'x; DROP TABLE y' }, 'duckdb'))).toBe('BAD_ARGUMENT');
    expect(codeOf(() => customerSummarySql({ ...base, columns: { customer: 'c', date: 'd' } }, 'duckdb'))).toBe(
      'MISSING_COLUMN',
    );
    expect(codeOf(() => customerSummarySql({ ...base, asOf: '2023-02-29' }, 'duckdb'))).toBe('BAD_DATE');
    expect(codeOf(() => customerSummarySql({ ...base, asOf: '10/12/2011' }, 'duckdb'))).toBe('BAD_DATE');
    expect(codeOf(() => customerSummarySql({ ...base, bins: 11 }, 'duckdb'))).toBe('OUT_OF_RANGE');
    expect(codeOf(() => customerSummarySql({ ...base, lifecycle: { periodDays: 0 } }, 'duckdb'))).toBe('OUT_OF_RANGE');
  });
});
