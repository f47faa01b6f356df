import type { TimeUnit } from '../dates';
import { DAYS_PER_UNIT, requireDate } from '../dates';
import { AnalyticsError } from '../errors';
import { resolveLifecycleOptions } from '../lifecycle';
import { checkBins } from '../rfmScore';
import { defaultSegment } from '../rfmSegment';
import type { LifecycleOptions } from '../segmentTypes';
import type { DialectName, SqlDialect } from './sqlDialect';
import { sqlDialect } from './sqlDialect';

/** Source columns of the transaction table, by their names in the warehouse. */
export interface WarehouseColumns {
  customer: string;
  /** A DATE or TIMESTAMP column (a time of day is ignored: grouping and day counts use the calendar day). */
  date: string;
  /** The line amount; or give quantity and unitPrice. */
  amount?: string;
  quantity?: string;
  unitPrice?: string;
  /** Order / invoice id; blank ids group by calendar day (DOMAIN §7.2). */
  order?: string;
}

/** What the customer-summary query computes: the same choices as `crm-analytics segment`. */
export interface CustomerSummaryQuerySpec {
  /** The transaction table, e.g. `sales.transactions` (letters, digits, `_`, `$`, dots). */
  table: string;
  columns: WarehouseColumns;
  /** yyyy-mm-dd; default the day after the latest transaction. */
  asOf?: string;
  /** Unit of t_x and T; default days. */
  unit?: TimeUnit;
  /** RFM levels, 2 … 10; default 5. */
  bins?: number;
  lifecycle?: LifecycleOptions;
  /** 'customers' (one row per customer, default) or 'collapsed' ((x, t_x, T, customers)). */
  output?: 'customers' | 'collapsed';
}

/** One named step (a CTE) of the query, written once against the dialect interface. */
export interface QueryStep {
  readonly name: string;
  render(dialect: SqlDialect): string;
}

/** The query as one structure: its steps and final select, and the columns it returns. */
export interface QueryDescription {
  readonly steps: readonly QueryStep[];
  readonly final: (dialect: SqlDialect) => string;
  readonly columns: readonly string[];
}

/** Per-customer columns, named as `crm-analytics segment` names them where both have one. */
export const SUMMARY_SQL_COLUMNS = [
  'customer_id',
  'first_purchase',
  'last_purchase',
  'recency_days',
  'tenure_days',
  'frequency',
  'monetary',
  'monetary_avg',
  'returns_value',
  'r_score',
  'f_score',
  'm_score',
  'rfm_code',
  'segment_key',
  'lifecycle_stage_key',
  'historic_value',
  'value_tier_key',
  'x',
  't_x',
  'T',
  'monetary_repeat_avg',
  'lifecycle_periods',
  'period_0_net',
  'period_1_net',
  'period_2_net',
  'period_3_net',
  'as_of',
] as const;

/** Columns of the collapsed table: the BTYD sufficient statistics and how many customers share them. */
export const COLLAPSED_SQL_COLUMNS = ['x', 't_x', 'T', 'customers'] as const;

const TABLE_NAME = /^[A-Za-z_][A-Za-z0-9_$]*(\.[A-Za-z_][A-Za-z0-9_$-]*){0,2}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkSpec(spec: CustomerSummaryQuerySpec): void {
  if (!TABLE_NAME.test(spec.table)) {
    throw new AnalyticsError(
      'BAD_ARGUMENT',
      `The table name ${JSON.stringify(spec.table)} is not a plain name such as sales.transactions.`,
      { argument: 'table' },
    );
  }
  const { columns } = spec;
  for (const role of ['customer', 'date'] as const) {
    if (typeof columns[role] !== 'string' || columns[role].trim() === '') {
      throw new AnalyticsError('MISSING_COLUMN', `Give the ${role} column of the table.`, { column: role });
    }
  }
  const hasAmount = columns.amount !== undefined;
  const hasProduct = columns.quantity !== undefined && columns.unitPrice !== undefined;
  if (!hasAmount && !hasProduct) {
    throw new AnalyticsError('MISSING_COLUMN', 'Give an amount column, or a quantity and a unit price column.', {
      column: 'amount',
    });
  }
  if (spec.asOf !== undefined) {
    if (!ISO_DATE.test(spec.asOf)) {
      throw new AnalyticsError('BAD_DATE', `The as-of date must be yyyy-mm-dd, got ${spec.asOf}.`, {
        argument: 'asOf',
      });
    }
    requireDate(spec.asOf, 'asOf'); // refuses dates that do not exist, such as 2023-02-29
  }
}

/** A number as a SQL double literal that reads back as the same double. */
function doubleLiteral(dialect: SqlDialect, value: number): string {
  return `CAST(${String(value)} AS ${dialect.doubleType})`;
}

/**
 * The customer summary of DOMAIN §7.2–§7.7 as one query description (steps rendered per dialect): lines grouped
 * per customer by (order id, calendar day) — by calendar day for a blank order id or without an order column;
 * a group with net ≥ 0 is a purchase occasion, < 0 a return; money summed exactly in decimals; x, t_x, T in
 * the unit; the net amount of lifecycle periods 0 … 3 and the stage of §7.6; RFM scores by the COUNTIF rule
 * as window ranks (L = rank − 1 = customers strictly worse); the default R × F segment; the pyramid tier of
 * the historic value. The lifecycle pattern needs every earlier period and is not computed here.
 *
 * Cost O(1) to build; the query itself is two aggregations and four window sorts over customers.
 * @throws AnalyticsError BAD_ARGUMENT / MISSING_COLUMN / BAD_DATE / OUT_OF_RANGE naming what is wrong.
 * @example
 * describeCustomerSummaryQuery({ table: 't', columns: { customer: 'c', date: 'd', amount: 'a' } }).columns[0]
 * // => 'customer_id'
 */
export function describeCustomerSummaryQuery(spec: CustomerSummaryQuerySpec): QueryDescription {
  checkSpec(spec);
  const bins = checkBins(spec.bins ?? 5);
  const lifecycle = resolveLifecycleOptions(spec.lifecycle);
  const unitDays = DAYS_PER_UNIT[spec.unit ?? 'days'];
  const { columns } = spec;
  const period = lifecycle.periodDays;

  const lines: QueryStep = {
    name: 'lines',
    render: (d) => {
      const column = (name: string): string => d.quote(name);
      const amount =
        columns.amount !== undefined
          ? `CAST(${column(columns.amount)} AS ${d.moneyType})`
          : `CAST(${column(columns.quantity as string)} * ${column(columns.unitPrice as string)} AS ${d.moneyType})`;
      const amountPresent =
        columns.amount !== undefined
          ? `${column(columns.amount)} IS NOT NULL`
          : `${column(columns.quantity as string)} IS NOT NULL AND ${column(columns.unitPrice as string)} IS NOT NULL`;
      const order =
        columns.order === undefined
          ? `CAST(NULL AS ${d.textType})`
          : `NULLIF(TRIM(CAST(${column(columns.order)} AS ${d.textType})), '')`;
      return [
        `SELECT TRIM(CAST(${column(columns.customer)} AS ${d.textType})) AS customer_id,`,
        `    CAST(${column(columns.date)} AS DATE) AS purchase_day,`,
        `    ${order} AS order_id,`,
        `    ${amount} AS amount`,
        `  FROM ${spec.table}`,
        `  WHERE ${column(columns.customer)} IS NOT NULL AND ${column(columns.date)} IS NOT NULL AND ${amountPresent}`,
      ].join('\n');
    },
  };
  const asOf: QueryStep = {
    name: 'as_of',
    render: (d) =>
      spec.asOf !== undefined
        ? `SELECT ${d.dateLiteral(spec.asOf)} AS as_of_day`
        : `SELECT ${d.addDays('MAX(purchase_day)', 1)} AS as_of_day FROM lines WHERE customer_id <> ''`,
  };
  const groups: QueryStep = {
    name: 'purchase_groups',
    render: () =>
      [
        'SELECT lines.customer_id, lines.order_id, lines.purchase_day, MIN(as_of.as_of_day) AS as_of_day,',
        '    SUM(lines.amount) AS net',
        '  FROM lines CROSS JOIN as_of',
        "  WHERE lines.customer_id <> '' AND lines.purchase_day <= as_of.as_of_day",
        '  GROUP BY lines.customer_id, lines.order_id, lines.purchase_day',
      ].join('\n'),
  };
  const flagged: QueryStep = {
    name: 'dated_groups',
    render: (d) =>
      [
        'SELECT customer_id, purchase_day, as_of_day, net,',
        '    MIN(CASE WHEN net >= 0 THEN purchase_day END) OVER (PARTITION BY customer_id) AS first_day,',
        `    ${d.integerDivide(d.daysBetween('purchase_day', 'as_of_day'), String(period))} AS period_index`,
        '  FROM purchase_groups',
      ].join('\n'),
  };
  const periodSums = [0, 1, 2, 3]
    .map((k) => `    SUM(CASE WHEN period_index = ${k} THEN net ELSE 0 END) AS period_${k}_sum`)
    .join(',\n');
  const perCustomer: QueryStep = {
    name: 'customer_facts',
    render: () =>
      [
        'SELECT customer_id, MIN(as_of_day) AS as_of_day, MIN(first_day) AS first_day,',
        '    MAX(CASE WHEN net >= 0 THEN purchase_day END) AS last_day,',
        '    SUM(CASE WHEN net >= 0 THEN 1 ELSE 0 END) AS occasions,',
        '    COUNT(DISTINCT CASE WHEN net >= 0 THEN purchase_day END) AS purchase_days,',
        '    SUM(net) AS net_value,',
        '    SUM(CASE WHEN net < 0 THEN -net ELSE 0 END) AS returned,',
        '    SUM(CASE WHEN net >= 0 AND purchase_day <> first_day THEN net ELSE 0 END) AS repeat_value,',
        `${periodSums}`,
        '  FROM dated_groups',
        '  GROUP BY customer_id',
        // Customers with returns only are not customers of the summary (DOMAIN §7.2).
        '  HAVING SUM(CASE WHEN net >= 0 THEN 1 ELSE 0 END) > 0',
      ].join('\n'),
  };
  const summary: QueryStep = {
    name: 'summary',
    render: (d) => {
      const unit = doubleLiteral(d, unitDays);
      return [
        'SELECT customer_id, first_day, last_day, as_of_day,',
        `    ${d.daysBetween('last_day', 'as_of_day')} AS recency_days,`,
        `    ${d.daysBetween('first_day', 'as_of_day')} AS tenure_days,`,
        '    occasions AS frequency,',
        `    ${d.roundMoney('net_value')} AS monetary,`,
        `    ${d.moneyRatio('net_value', 'occasions')} AS monetary_avg,`,
        `    ${d.roundMoney('returned')} AS returns_value,`,
        `    ${d.roundMoney('net_value')} AS historic_value,`,
        '    purchase_days - 1 AS x,',
        `    CAST(${d.daysBetween('first_day', 'last_day')} AS ${d.doubleType}) / ${unit} AS t_x,`,
        `    CAST(${d.daysBetween('first_day', 'as_of_day')} AS ${d.doubleType}) / ${unit} AS big_t,`,
        `    CASE WHEN purchase_days > 1 THEN ${d.moneyRatio('repeat_value', 'purchase_days - 1')} ELSE 0 END AS monetary_repeat_avg,`,
        `    ${d.integerDivide(d.daysBetween('first_day', 'as_of_day'), String(period))} + 1 AS lifecycle_periods,`,
        '    period_0_sum, period_1_sum, period_2_sum, period_3_sum',
        '  FROM customer_facts',
      ].join('\n');
    },
  };
  const ranked: QueryStep = {
    name: 'ranked',
    render: (d) => {
      // One distinct value (everyone tied, or one customer) scores bins, as core does: nobody is worse.
      const score = (column: string, direction: 'ASC' | 'DESC'): string =>
        `CASE WHEN MIN(${column}) OVER () = MAX(${column}) OVER () THEN ${bins} ELSE 1 + ${d.integerDivide(
          `${bins} * (RANK() OVER (ORDER BY ${column} ${direction}) - 1)`,
          'COUNT(*) OVER ()',
        )} END`;
      // The baseline of §7.6: the mean of periods 1 … m, m = min(3, K − 1) (≥ 1 whenever it is used).
      const baselinePeriods = 'GREATEST(1, LEAST(3, lifecycle_periods - 1))';
      return [
        'SELECT summary.*,',
        `    ${score('recency_days', 'DESC')} AS r_score,`,
        `    ${score('frequency', 'ASC')} AS f_score,`,
        `    ${score('monetary', 'ASC')} AS m_score,`,
        '    RANK() OVER (ORDER BY historic_value DESC) - 1 AS higher_value,',
        '    COUNT(*) OVER () AS customer_count,',
        `    CAST(period_0_sum AS ${d.doubleType}) AS latest_value,`,
        `    CAST(CASE ${baselinePeriods} WHEN 1 THEN period_1_sum WHEN 2 THEN period_1_sum + period_2_sum`,
        `      ELSE period_1_sum + period_2_sum + period_3_sum END AS ${d.doubleType}) / ${baselinePeriods} AS baseline_value`,
        '  FROM summary',
      ].join('\n');
    },
  };

  const segmentCase = (): string => {
    const arms: string[] = [];
    for (let r = 1; r <= bins; r++) {
      for (let f = 1; f <= bins; f++) {
        arms.push(`WHEN r_score = ${r} AND f_score = ${f} THEN '${defaultSegment(r, f, bins)}'`);
      }
    }
    return `CASE ${arms.join(' ')} END`;
  };
  const stageCase = (d: SqlDialect): string =>
    [
      `CASE WHEN recency_days > ${String(lifecycle.churnDays)} THEN 'lost'`,
      `      WHEN frequency < ${String(lifecycle.minOccasions)} OR tenure_days < ${period} THEN 'exploration'`,
      // The same double products core compares: (1 − 0.3) and (1 + 0.2) computed once, as literals.
      `      WHEN latest_value < ${doubleLiteral(d, 1 - lifecycle.declineThreshold)} * baseline_value THEN 'decline'`,
      `      WHEN latest_value > ${doubleLiteral(d, 1 + lifecycle.growthThreshold)} * baseline_value`,
      "        OR (baseline_value <= 0 AND latest_value > 0) THEN 'formation'",
      "      ELSE 'stability' END",
    ].join('\n');
  const tierCase = [
    "CASE WHEN historic_value <= 0 THEN 'lead'",
    // s = higher / N: s < 20 % ⟺ 5·higher < N, s < 50 % ⟺ 2·higher < N, s < 80 % ⟺ 5·higher < 4·N (exact).
    "      WHEN 5 * higher_value < customer_count THEN 'platinum'",
    "      WHEN 2 * higher_value < customer_count THEN 'gold'",
    "      WHEN 5 * higher_value < 4 * customer_count THEN 'iron'",
    "      ELSE 'lead' END",
  ].join('\n');

  const collapsed = spec.output === 'collapsed';
  const final = (d: SqlDialect): string => {
    const q = (name: string): string => d.quote(name);
    if (collapsed) {
      return [
        // Grouped by whole days, not by the doubles t_x and T (some warehouses do not group floating point).
        `SELECT x AS ${q('x')}, MIN(t_x) AS ${q('t_x')}, MIN(big_t) AS ${q('T')}, COUNT(*) AS ${q('customers')}`,
        '  FROM summary',
        '  GROUP BY x, tenure_days, recency_days',
        '  ORDER BY 1, 2, 3',
      ].join('\n');
    }
    const select: [string, string][] = [
      ['customer_id', 'customer_id'],
      ['first_day', 'first_purchase'],
      ['last_day', 'last_purchase'],
      ['recency_days', 'recency_days'],
      ['tenure_days', 'tenure_days'],
      ['frequency', 'frequency'],
      ['monetary', 'monetary'],
      ['monetary_avg', 'monetary_avg'],
      ['returns_value', 'returns_value'],
      ['r_score', 'r_score'],
      ['f_score', 'f_score'],
      ['m_score', 'm_score'],
      ['100 * r_score + 10 * f_score + m_score', 'rfm_code'],
      [segmentCase(), 'segment_key'],
      [stageCase(d), 'lifecycle_stage_key'],
      ['historic_value', 'historic_value'],
      [tierCase, 'value_tier_key'],
      ['x', 'x'],
      ['t_x', 't_x'],
      ['big_t', 'T'],
      ['monetary_repeat_avg', 'monetary_repeat_avg'],
      ['lifecycle_periods', 'lifecycle_periods'],
      [d.roundMoney('period_0_sum'), 'period_0_net'],
      [d.roundMoney('period_1_sum'), 'period_1_net'],
      [d.roundMoney('period_2_sum'), 'period_2_net'],
      [d.roundMoney('period_3_sum'), 'period_3_net'],
      ['as_of_day', 'as_of'],
    ];
    return [
      `SELECT ${select.map(([expression, name]) => `${expression} AS ${q(name)}`).join(',\n    ')}`,
      '  FROM ranked',
      '  ORDER BY customer_id',
    ].join('\n');
  };
  return {
    steps: collapsed
      ? [lines, asOf, groups, flagged, perCustomer, summary]
      : [lines, asOf, groups, flagged, perCustomer, summary, ranked],
    final,
    columns: collapsed ? COLLAPSED_SQL_COLUMNS : SUMMARY_SQL_COLUMNS,
  };
}

/**
 * Renders a query description as SQL text in one dialect: `WITH step AS (…), … final`.
 *
 * Cost O(length of the text).
 * @example
 * renderQuery(describeCustomerSummaryQuery({ table: 't', columns: { customer: 'c', date: 'd', amount: 'a' } }), 'postgres')
 *   .startsWith('WITH lines AS') // => true
 */
export function renderQuery(description: QueryDescription, dialect: DialectName | SqlDialect): string {
  const resolved = typeof dialect === 'string' ? sqlDialect(dialect) : dialect;
  const steps = description.steps.map((step) => `${step.name} AS (\n${step.render(resolved)}\n)`);
  return `WITH ${steps.join(',\n')}\n${description.final(resolved)}\n`;
}

/**
 * The customer-summary SQL of {@link describeCustomerSummaryQuery} in one dialect.
 *
 * Cost O(length of the text).
 * @throws AnalyticsError as {@link describeCustomerSummaryQuery}, or BAD_ARGUMENT for an unknown dialect.
 * @example
 * customerSummarySql({ table: 'sales', columns: { customer: 'id', date: 'day', amount: 'value' } }, 'duckdb')
 */
export function customerSummarySql(spec: CustomerSummaryQuerySpec, dialect: DialectName | string): string {
  const resolved = sqlDialect(dialect);
  return renderQuery(describeCustomerSummaryQuery(spec), resolved);
}
