import { AnalyticsError } from '../errors';

/** The warehouses the customer-summary query is written for. */
export type DialectName = 'duckdb' | 'postgres' | 'spark' | 'bigquery' | 'snowflake';

/** Every dialect, in the order the CLI lists them. */
export const DIALECT_NAMES: readonly DialectName[] = ['duckdb', 'postgres', 'spark', 'bigquery', 'snowflake'];

/**
 * Everything that differs between the warehouses, and nothing else: the query is written once against this
 * interface (docs/warehouse.md lists each difference). Expressions are SQL text; callers pass operands that
 * are already SQL expressions.
 */
export interface SqlDialect {
  readonly name: DialectName;
  /** A quoted identifier (column or output name), so `T` stays `T` and a header with spaces works. */
  quote(identifier: string): string;
  /** The string type ids and order numbers are cast to before trimming. */
  readonly textType: string;
  /** Exact decimal type for money: sums of it do not depend on row order. */
  readonly moneyType: string;
  /** IEEE double, for x / t_x / T and the lifecycle comparisons core makes in doubles. */
  readonly doubleType: string;
  /** A DATE literal from yyyy-mm-dd. */
  dateLiteral(iso: string): string;
  /** date + whole days. */
  addDays(date: string, days: number): string;
  /** end − start in whole days, an integer. */
  daysBetween(start: string, end: string): string;
  /** Floor division of two non-negative integers. */
  integerDivide(numerator: string, denominator: string): string;
  /**
   * numerator / denominator rounded to 6 decimal places, half away from zero (money averages): the numerator
   * is a money sum, the denominator a count ≥ 1.
   */
  moneyRatio(numerator: string, denominator: string): string;
  /** A money expression rounded to 6 decimals, as core's roundMoney. */
  roundMoney(expression: string): string;
}

function doubleQuoted(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}

function backQuoted(identifier: string): string {
  return `\`${identifier.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\``;
}

const DUCKDB: SqlDialect = {
  name: 'duckdb',
  quote: doubleQuoted,
  textType: 'VARCHAR',
  moneyType: 'DECIMAL(38, 6)',
  doubleType: 'DOUBLE',
  dateLiteral: (iso) => `DATE '${iso}'`,
  addDays: (date, days) => `(${date} + ${days})`,
  daysBetween: (start, end) => `CAST((${end}) - (${start}) AS BIGINT)`,
  integerDivide: (numerator, denominator) => `((${numerator}) // (${denominator}))`,
  // DuckDB divides decimals in DOUBLE; the same double division and rounding core does.
  moneyRatio: (numerator, denominator) => `ROUND(CAST(${numerator} AS DOUBLE) / (${denominator}), 6)`,
  roundMoney: (expression) => `ROUND(${expression}, 6)`,
};

const POSTGRES: SqlDialect = {
  name: 'postgres',
  quote: doubleQuoted,
  textType: 'TEXT',
  moneyType: 'NUMERIC(38, 6)',
  doubleType: 'DOUBLE PRECISION',
  dateLiteral: (iso) => `DATE '${iso}'`,
  addDays: (date, days) => `(${date} + ${days})`,
  // date − date is an integer number of days in PostgreSQL.
  daysBetween: (start, end) => `((${end}) - (${start}))`,
  integerDivide: (numerator, denominator) => `((${numerator}) / (${denominator}))`,
  moneyRatio: (numerator, denominator) => `ROUND((${numerator}) / (${denominator}), 6)`,
  roundMoney: (expression) => `ROUND(${expression}, 6)`,
};

const SPARK: SqlDialect = {
  name: 'spark',
  quote: backQuoted,
  textType: 'STRING',
  moneyType: 'DECIMAL(38, 6)',
  doubleType: 'DOUBLE',
  dateLiteral: (iso) => `DATE '${iso}'`,
  addDays: (date, days) => `DATE_ADD(${date}, ${days})`,
  daysBetween: (start, end) => `DATEDIFF(${end}, ${start})`,
  integerDivide: (numerator, denominator) => `((${numerator}) DIV (${denominator}))`,
  moneyRatio: (numerator, denominator) => `ROUND((${numerator}) / (${denominator}), 6)`,
  roundMoney: (expression) => `ROUND(${expression}, 6)`,
};

const BIGQUERY: SqlDialect = {
  name: 'bigquery',
  quote: backQuoted,
  textType: 'STRING',
  moneyType: 'NUMERIC',
  doubleType: 'FLOAT64',
  dateLiteral: (iso) => `DATE '${iso}'`,
  addDays: (date, days) => `DATE_ADD(${date}, INTERVAL ${days} DAY)`,
  daysBetween: (start, end) => `DATE_DIFF(${end}, ${start}, DAY)`,
  integerDivide: (numerator, denominator) => `DIV(${numerator}, ${denominator})`,
  moneyRatio: (numerator, denominator) => `ROUND((${numerator}) / (${denominator}), 6)`,
  roundMoney: (expression) => `ROUND(${expression}, 6)`,
};

const SNOWFLAKE: SqlDialect = {
  name: 'snowflake',
  quote: doubleQuoted,
  textType: 'VARCHAR',
  moneyType: 'NUMBER(38, 6)',
  doubleType: 'DOUBLE',
  dateLiteral: (iso) => `TO_DATE('${iso}')`,
  addDays: (date, days) => `DATEADD(day, ${days}, ${date})`,
  daysBetween: (start, end) => `DATEDIFF(day, ${start}, ${end})`,
  integerDivide: (numerator, denominator) => `FLOOR((${numerator}) / (${denominator}))`,
  moneyRatio: (numerator, denominator) => `ROUND((${numerator}) / (${denominator}), 6)`,
  roundMoney: (expression) => `ROUND(${expression}, 6)`,
};

const DIALECTS: Readonly<Record<DialectName, SqlDialect>> = Object.freeze({
  duckdb: DUCKDB,
  postgres: POSTGRES,
  spark: SPARK,
  bigquery: BIGQUERY,
  snowflake: SNOWFLAKE,
});

/**
 * The dialect of a warehouse by name.
 *
 * Cost O(1).
 * @throws AnalyticsError BAD_ARGUMENT listing the dialects.
 * @example
 * sqlDialect('spark').daysBetween('a', 'b') // => 'DATEDIFF(b, a)'
 */
export function sqlDialect(name: string): SqlDialect {
  if (!Object.prototype.hasOwnProperty.call(DIALECTS, name)) {
    throw new AnalyticsError('BAD_ARGUMENT', `Unknown SQL dialect ${name}: use ${DIALECT_NAMES.join(', ')}.`, {
      argument: 'dialect',
    });
  }
  return DIALECTS[name as DialectName];
}
