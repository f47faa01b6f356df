/*
 * The cohort and contractual-retention custom functions (CRM.COHORT_TABLE, CRM.SBG_*), as declarative wrappers over
 * core like library.ts; kept in their own file so the sBG family reads as one unit.
 */
import {
  AnalyticsError,
  COHORT_MEASURES,
  cohortTable,
  fitSbg,
  parseTransactions,
  sbgClv,
  sbgLifetime,
  sbgRetention,
  sbgSurvival,
  summarizeCustomers,
} from '../core';
import type { Language, SbgParams } from '../core';
import { cellNumber, isBlank } from './coerce';
import { readParameters } from './modelParameters';
import { PARAMETER_HELP } from './parameterHelp';
import { defineFunction } from './runner';
import { COHORT_HEADERS, cohortRows } from '../messages/cohortRows';

const language = { kind: 'language' } as const;
const column = { kind: 'column' } as const;
const raw = { kind: 'raw' } as const;

/** CRM.COHORT_TABLE: the cohort triangle of a transaction table, header first (docs/cohorts.md). */
export const cohortTableFunction = defineFunction(
  {
    id: 'COHORT_TABLE',
    description: {
      en: "Cohort triangle of a transaction table: cohorts by the month (or week, quarter) of each customer's first purchase down, periods since acquisition across, with a header row; the last column names the partial period (the one containing the day before as_of), which is not a drop.",
      zh: '交易表的同期群三角表：按每位客户首次购买的月份（或周、季度）分组向下排列，横向为获客后的期数，带标题行；最后一列标出未完整期间（含 as_of 前一天的期间），该期数值偏低不代表下滑。',
    },
    result: 'matrix',
    parameters: {
      customers: { matrix: true, en: 'Customer id column of the transaction table.', zh: '交易表的客户编号列。' },
      dates: { matrix: true, en: 'Transaction dates, in the same rows.', zh: '交易日期，与客户同行。' },
      amounts: {
        matrix: true,
        en: 'Amounts in the same rows; negative amounts are returns (they lower revenue, they are not activity).',
        zh: '金额，与客户同行；负数为退货（减少收入，不算活跃）。',
      },
      period: {
        en: '"month" (default), "week" (ISO, Monday to Sunday) or "quarter".',
        zh: '"month"（默认）、"week"（ISO 周，周一至周日）或 "quarter"。',
      },
      measure: {
        en: '"share" of the cohort active (default), "active" customers, "survivors" (contract reading: last activity at this age or later), "revenue", "revenue_per_customer" or "cumulative_revenue_per_customer".',
        zh: '"share" 同期群中活跃的比例（默认）、"active" 活跃客户数、"survivors" 存续客户数（合约口径：最后一次活跃在此期或之后）、"revenue" 收入、"revenue_per_customer" 每位原始客户收入或 "cumulative_revenue_per_customer" 每位原始客户累计收入。',
      },
      as_of: {
        en: 'Date D the data run to (default: the day after the latest transaction); later rows are ignored.',
        zh: '数据截止日期 D（默认：最后一笔交易的次日）；之后的行被忽略。',
      },
      language: {
        en: '"en" or "zh" for the headers (default: Excel\'s display language, else English).',
        zh: '标题语言 "en" 或 "zh"（默认：Excel 的显示语言，否则英文）。',
      },
    },
  },
  {
    customers: column,
    dates: column,
    amounts: column,
    period: { kind: 'choice', choices: ['month', 'week', 'quarter'] as const, default: 'month' },
    measure: { kind: 'choice', choices: COHORT_MEASURES, default: 'share' },
    as_of: { kind: 'date', optional: true },
    language,
  },
  (args) => {
    const lengths = [args.customers.length, args.dates.length, args.amounts.length];
    if (lengths.some((length) => length !== lengths[0])) {
      throw new AnalyticsError(
        'SHAPE_MISMATCH',
        `customers, dates and amounts have ${lengths.join(', ')} cells: select ranges of equal length.`,
        { argument: 'dates' },
      );
    }
    const transactions = parseTransactions({ customer: args.customers, date: args.dates, amount: args.amounts });
    const summary = summarizeCustomers(transactions, args.as_of === null ? {} : { asOf: Math.floor(args.as_of) });
    return cohortRows(cohortTable(summary, { period: args.period }), args.measure, args.language);
  },
);

function rowsOf(range: unknown): unknown[][] {
  if (!Array.isArray(range)) return [[range]];
  return (range as unknown[]).map((row) => (Array.isArray(row) ? (row as unknown[]) : [row]));
}

/**
 * Reads survivor series from a range: a single column or row is one cohort; a block is one cohort per row (blank
 * cells after a cohort's age); a COHORT_TABLE spill (measure "survivors") is read by its layout, dropping the label,
 * size and partial columns and each partial cell.
 *
 * @throws AnalyticsError BAD_NUMBER naming the row and column of a cell that is not a count.
 */
export function readSurvivorSeries(range: unknown): number[][] {
  const rows = rowsOf(range);
  const header = rows[0]?.[0];
  const isSpill =
    typeof header === 'string' && Object.values(COHORT_HEADERS).some((labels) => labels.cohort === header.trim());
  if (isSpill) {
    return rows.slice(1).map((row, index) => {
      const partial = !isBlank(row[row.length - 1]);
      const cells = row.slice(2, row.length - 1).filter((cell) => !isBlank(cell));
      if (partial) cells.pop();
      return cells.map((cell, age) => cellNumber(cell, `survivors_or_triangle row ${index + 2}, age ${age}`) ?? 0);
    });
  }
  const isColumn = rows.every((row) => row.length === 1);
  const series = isColumn ? [rows.map((row) => row[0])] : rows;
  return series
    .map((row, index) =>
      row
        .map((cell, position) => ({ cell, position }))
        .filter(({ cell }) => !isBlank(cell))
        .map(({ cell, position }) => {
          const where = isColumn ? `row ${position + 1}` : `row ${index + 1}, column ${position + 1}`;
          return cellNumber(cell, `survivors_or_triangle ${where}`) as number;
        }),
    )
    .filter((row) => row.length > 0);
}

/** CRM.SBG_FIT: the sBG fit of a survivor series or a triangle, as a labelled block. */
export const sbgFitFunction = defineFunction(
  {
    id: 'SBG_FIT',
    description: {
      en: 'Fits the shifted-beta-geometric (sBG) retention model of Fader & Hardie (2007) to contract renewals and spills alpha, beta, the log-likelihood, their standard errors, the periods, cohorts and customers used.',
      zh: '对合约续约数据拟合 Fader & Hardie (2007) 的移位贝塔几何（sBG）保留模型，溢出 alpha、beta、对数似然、二者的标准误，以及所用期数、同期群数和客户数。',
    },
    result: 'matrix',
    parameters: {
      survivors_or_triangle: {
        matrix: true,
        en: 'Customers still subscribed at periods 0, 1, 2, … (counts, not shares): one row or column for one cohort, one row per cohort for a triangle, or a COHORT_TABLE spill with measure "survivors".',
        zh: '第 0、1、2……期仍在订阅的客户数（人数，不是比例）：一个同期群为一行或一列；三角表每个同期群一行；或 measure 为 "survivors" 的 COHORT_TABLE 溢出区域。',
      },
    },
  },
  { survivors_or_triangle: raw },
  (args): (string | number)[][] => {
    const model = fitSbg(readSurvivorSeries(args.survivors_or_triangle));
    const se = model.standardErrors;
    return [
      ['alpha', model.params.alpha],
      ['beta', model.params.beta],
      ['log-likelihood', model.logLikelihood],
      ['se alpha', se === null ? '' : se.alpha],
      ['se beta', se === null ? '' : se.beta],
      ['periods', model.periods],
      ['cohorts', model.cohorts],
      ['customers', model.customers],
    ];
  },
);

function sbgParamsOf(range: unknown): SbgParams {
  return readParameters(range, ['alpha', 'beta'] as const, 'params');
}

/** CRM.SBG_SURVIVAL: S(t), the share of a new cohort still a customer after t periods. */
export const sbgSurvivalFunction = defineFunction(
  {
    id: 'SBG_SURVIVAL',
    description: {
      en: 'sBG survival S(t) = B(alpha, beta + t) / B(alpha, beta): the share of a new cohort still a customer after t renewal periods.',
      zh: 'sBG 生存函数 S(t) = B(alpha, beta + t) / B(alpha, beta)：新同期群经过 t 个续约期后仍为客户的比例。',
    },
    result: 'number',
    parameters: {
      params: PARAMETER_HELP.params,
      t: { en: 'Periods since acquisition, a whole number 0 or more.', zh: '获客后的期数，0 或以上的整数。' },
    },
  },
  { params: raw, t: { kind: 'number', integer: true, min: 0 } },
  (args) => sbgSurvival(sbgParamsOf(args.params), args.t),
);

/** CRM.SBG_RETENTION: r(t), the share of the customers alive at t − 1 who renew at t. */
export const sbgRetentionFunction = defineFunction(
  {
    id: 'SBG_RETENTION',
    description: {
      en: 'sBG retention rate r(t) = (beta + t − 1) / (alpha + beta + t − 1): the share of customers alive at t − 1 who renew at t; it rises with tenure.',
      zh: 'sBG 保留率 r(t) = (beta + t − 1) / (alpha + beta + t − 1)：第 t − 1 期存续的客户在第 t 期续约的比例；随客户年限上升。',
    },
    result: 'number',
    parameters: {
      params: PARAMETER_HELP.params,
      t: { en: 'The renewal period, a whole number 1 or more.', zh: '续约期，1 或以上的整数。' },
    },
  },
  { params: raw, t: { kind: 'number', integer: true, min: 1 } },
  (args) => sbgRetention(sbgParamsOf(args.params), args.t),
);

const lifetimeArguments = {
  discount_rate: { kind: 'number', min: 0, bounds: '≥ 0 (above 0 unless a horizon is given)' },
  renewals: { kind: 'number', optional: true, integer: true, min: 0 },
  horizon: { kind: 'number', optional: true, integer: true, min: 1 },
} as const;

/** CRM.SBG_DERL: DEL (no renewals) or DERL (after `renewals` renewals), Fader & Hardie (2010). */
export const sbgDerlFunction = defineFunction(
  {
    id: 'SBG_DERL',
    description: {
      en: 'Discounted expected residual lifetime (Fader & Hardie 2010) in payments: after renewals renewals, (beta + n − 1)/(alpha + beta + n − 1) × 2F1(1, beta + n; alpha + beta + n; 1/(1 + d)) with n = renewals + 1; without renewals, the discounted expected lifetime of a new customer. The payment of the period being entered counts undiscounted.',
      zh: '折现期望剩余寿命（Fader & Hardie 2010），以付款次数计：已续约 renewals 次时为 (beta + n − 1)/(alpha + beta + n − 1) × 2F1(1, beta + n; alpha + beta + n; 1/(1 + d))，n = renewals + 1；省略 renewals 时为新客户的折现期望寿命。即将进入的这一期付款不折现。',
    },
    result: 'number',
    parameters: {
      params: PARAMETER_HELP.params,
      discount_rate: {
        en: 'Discount rate per period; above 0 unless a horizon is given (with alpha ≤ 1 the undiscounted lifetime is infinite).',
        zh: '每期折现率；除非给出期限，必须大于 0（alpha ≤ 1 时不折现的寿命为无穷大）。',
      },
      renewals: {
        en: 'Renewals the customer has made (n − 1); omit for a new customer (DEL).',
        zh: '客户已续约的次数（n − 1）；新客户省略（DEL）。',
      },
      horizon: PARAMETER_HELP.horizon,
    },
  },
  { params: raw, ...lifetimeArguments },
  (args) => {
    const result = sbgLifetime(sbgParamsOf(args.params), {
      discount: args.discount_rate,
      ...(args.renewals === null ? {} : { renewals: args.renewals }),
      ...(args.horizon === null ? {} : { horizon: args.horizon }),
    });
    return result.value;
  },
);

const CLV_LABELS: Readonly<Record<Language, readonly [string, string, string, string]>> = {
  en: ['CLV (sBG retention)', 'CLV (constant retention)', 'constant retention r', 'bounded by'],
  zh: ['CLV（sBG 保留率）', 'CLV（固定保留率）', '固定保留率 r', '收敛依据'],
};

/** CRM.SBG_CLV: margin × DEL/DERL beside the constant-r value, as a labelled block. */
export const sbgClvFunction = defineFunction(
  {
    id: 'SBG_CLV',
    description: {
      en: 'Customer lifetime value with sBG retention (margin × DEL or DERL, Fader & Hardie 2010) beside the value under one constant retention rate, the rate of the next renewal, so the difference heterogeneity makes is visible; also says whether the discount or the horizon bounded the sum.',
      zh: '用 sBG 保留率计算的客户终身价值（利润 × DEL 或 DERL，Fader & Hardie 2010），并列出采用一个固定保留率（下一次续约的保留率）时的价值，使异质性带来的差异一目了然；同时说明求和是由折现率还是期限限定的。',
    },
    result: 'matrix',
    parameters: {
      params: PARAMETER_HELP.params,
      margin: { en: 'Margin per period while the customer is subscribed.', zh: '客户订阅期间每期的利润。' },
      discount_rate: {
        en: 'Discount rate per period; above 0 unless a horizon is given.',
        zh: '每期折现率；除非给出期限，必须大于 0。',
      },
      renewals: {
        en: 'Renewals the customer has made; omit for a new customer.',
        zh: '客户已续约的次数；新客户省略。',
      },
      horizon: PARAMETER_HELP.horizon,
      language: {
        en: '"en" or "zh" for the labels (default: Excel\'s display language, else English).',
        zh: '标签语言 "en" 或 "zh"（默认：Excel 的显示语言，否则英文）。',
      },
    },
  },
  { params: raw, margin: { kind: 'number' }, ...lifetimeArguments, language },
  (args): (string | number)[][] => {
    const result = sbgClv(sbgParamsOf(args.params), {
      margin: args.margin,
      discount: args.discount_rate,
      ...(args.renewals === null ? {} : { renewals: args.renewals }),
      ...(args.horizon === null ? {} : { horizon: args.horizon }),
    });
    const labels = CLV_LABELS[args.language];
    const bound =
      result.boundedBy === 'horizon'
        ? args.language === 'zh'
          ? `期限 ${args.horizon ?? ''} 期`
          : `horizon of ${args.horizon ?? ''} periods`
        : args.language === 'zh'
          ? `折现率 ${args.discount_rate}`
          : `discount rate ${args.discount_rate}`;
    return [
      [labels[0], result.clv],
      [labels[1], result.constantRetentionClv],
      [labels[2], result.constantRetention],
      [labels[3], bound],
    ];
  },
);
