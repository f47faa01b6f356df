/*
 * The cohort and contractual-retention custom functions (CRM.COHORT_TABLE, CRM.SBG_*), as declarative wrappers over
 * core like library.ts; kept in their own file so the sBG family reads as one unit.
 */
import {
  AnalyticsError,
  COHORT_HEADERS,
  COHORT_MEASURES,
  cohortRows,
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
import { defineFunction } from './runner';

const language = { kind: 'language' } as const;
const column = { kind: 'column' } as const;
const raw = { kind: 'raw' } as const;

/** CRM.COHORT_TABLE: the cohort triangle of a transaction table, header first (docs/cohorts.md). */
export const cohortTableFunction = defineFunction(
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
export const sbgFitFunction = defineFunction({ survivors_or_triangle: raw }, (args): (string | number)[][] => {
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
});

function sbgParamsOf(range: unknown): SbgParams {
  return readParameters(range, ['alpha', 'beta'] as const, 'params');
}

/** CRM.SBG_SURVIVAL: S(t), the share of a new cohort still a customer after t periods. */
export const sbgSurvivalFunction = defineFunction(
  { params: raw, t: { kind: 'number', integer: true, min: 0 } },
  (args) => sbgSurvival(sbgParamsOf(args.params), args.t),
);

/** CRM.SBG_RETENTION: r(t), the share of the customers alive at t − 1 who renew at t. */
export const sbgRetentionFunction = defineFunction(
  { params: raw, t: { kind: 'number', integer: true, min: 1 } },
  (args) => sbgRetention(sbgParamsOf(args.params), args.t),
);

const lifetimeArguments = {
  discount_rate: { kind: 'number', min: 0, bounds: '≥ 0 (above 0 unless a horizon is given)' },
  renewals: { kind: 'number', optional: true, integer: true, min: 0 },
  horizon: { kind: 'number', optional: true, integer: true, min: 1 },
} as const;

/** CRM.SBG_DERL: DEL (no renewals) or DERL (after `renewals` renewals), Fader & Hardie (2010). */
export const sbgDerlFunction = defineFunction({ params: raw, ...lifetimeArguments }, (args) => {
  const result = sbgLifetime(sbgParamsOf(args.params), {
    discount: args.discount_rate,
    ...(args.renewals === null ? {} : { renewals: args.renewals }),
    ...(args.horizon === null ? {} : { horizon: args.horizon }),
  });
  return result.value;
});

const CLV_LABELS: Readonly<Record<Language, readonly [string, string, string, string]>> = {
  en: ['CLV (sBG retention)', 'CLV (constant retention)', 'constant retention r', 'bounded by'],
  zh: ['CLV（sBG 保留率）', 'CLV（固定保留率）', '固定保留率 r', '收敛依据'],
};

/** CRM.SBG_CLV: margin × DEL/DERL beside the constant-r value, as a labelled block. */
export const sbgClvFunction = defineFunction(
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
