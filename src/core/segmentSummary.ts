import { AnalyticsError } from './errors';
import type { TierKey } from './labels';
import { resolveLifecycleOptions } from './lifecycle';
import { lifecycleStageFromPeriods } from './lifecycleFromPeriods';
import { rfmCode, roundMoney } from './rfmScore';
import { defaultSegment, gridSegment } from './rfmSegment';
import { resolveSegmentOptions, segmentationTotals } from './segmentCustomers';
import type { CustomerResult, ResolvedSegmentOptions, SegmentationResult, SegmentOptions } from './segmentTypes';
import type { SummaryTable } from './summaryTable';
import { readSummaryTable } from './summaryTable';
import type { DateSystem } from './dates';
import { dayToIso } from './dates';
import { segmentCustomers } from './segmentCustomers';
import type { TransactionInput } from './transactions';
import { scoreCustomers, segmentGridOf, valueCustomers, valueTiersOf } from './segmentSteps';
import { coreWarning, NO_PARAMS, type CoreWarning } from './warnings';

function required(table: SummaryTable, column: keyof SummaryTable, name: string): Float64Array {
  const values = table[column];
  if (!(values instanceof Float64Array)) {
    throw new AnalyticsError('MISSING_COLUMN', `Segmenting a summary needs its ${name} column.`, { column: name });
  }
  return values;
}

/**
 * Segments customers from a customer summary (one row per customer, e.g. exported from a warehouse with the
 * query of `crm-analytics sql`) instead of transactions: RFM scores by the COUNTIF rule, segment, lifecycle
 * stage from the period sums, CLV (historic, retention, or BG/NBD / MBG/NBD / Pareto/NBD + Gamma–Gamma on x,
 * t_x, T and the mean repeat spend, in the summary's unit `options.unit`) and value tiers, as
 * {@link segmentCustomers} does on the transactions the summary came from. The lifecycle pattern needs
 * every earlier period, so it is left blank (with a warning); without period sums so is the stage.
 *
 * Cost O(N log N) plus the model fit with --predict.
 * @throws AnalyticsError MISSING_COLUMN (customer_id, recency_days, frequency, monetary; tenure_days for the
 *   retention CLV; monetary_repeat_avg to predict), BAD_ARGUMENT for a collapsed table, and the option codes.
 * @example
 * segmentSummary(readSummaryTable(headers, rows), { unit: 'weeks' }).customers[0].segmentKey
 */
export function segmentSummary(table: SummaryTable, options: SegmentOptions = {}): SegmentationResult {
  if (table.collapsed) {
    throw new AnalyticsError(
      'BAD_ARGUMENT',
      'A collapsed table (x, t_x, T, customers) has no customers to segment: fit it with crm-analytics fit --summary.',
      { argument: 'summary' },
    );
  }
  const ids = table.customerId;
  if (ids === null) {
    throw new AnalyticsError('MISSING_COLUMN', 'Segmenting a summary needs its customer_id column.', {
      column: 'customer_id',
    });
  }
  const recencyDays = required(table, 'recencyDays', 'recency_days');
  const frequency = required(table, 'frequency', 'frequency');
  const monetaryColumn = required(table, 'monetary', 'monetary');
  const resolved: ResolvedSegmentOptions = {
    ...resolveSegmentOptions(options, undefined),
    ...(table.asOf === null ? {} : { asOf: dayToIso(table.asOf) }),
  };
  const { bins } = resolved;
  const count = table.length;
  const warnings: CoreWarning[] = [];
  const money = monetaryColumn.map((value) => roundMoney(value));
  const historic = (table.historicValue ?? monetaryColumn).map((value) => roundMoney(value));

  const scores = scoreCustomers({ recencyDays, frequency, money }, resolved, warnings);
  const recency = scores.recency;
  const frequencyScores = scores.frequency;
  const monetaryScores = scores.monetary;
  const { clv, predictions } = valueCustomers(
    count,
    {
      historic,
      tenureDays: () => required(table, 'tenureDays', 'tenure_days'),
      btydCustomers: () => {
        const meanSpend = required(table, 'monetaryRepeatAvg', 'monetary_repeat_avg');
        return Array.from({ length: count }, (_, index) => ({
          x: table.x[index] as number,
          tx: table.tx[index] as number,
          T: table.T[index] as number,
          meanSpend: meanSpend[index] as number,
        }));
      },
    },
    resolved,
    warnings,
  );
  const scheme = resolved.tierScheme;
  const tiers = valueTiersOf(scheme, historic, clv);

  const lifecycle = resolveLifecycleOptions(resolved.lifecycle);
  const periods = table.periodNet;
  const tenureDays = table.tenureDays;
  if (periods === null || tenureDays === null) {
    warnings.push(coreWarning('summaryWithoutLifecycle', NO_PARAMS));
  }
  warnings.push(coreWarning('summaryWithoutPattern', NO_PARAMS));
  const gridRules = segmentGridOf(resolved);
  const customers: CustomerResult[] = [];
  let revenue = 0;
  for (let index = 0; index < count; index++) {
    const r = recency.scores[index] as number;
    const f = frequencyScores.scores[index] as number;
    const m = monetaryScores.scores[index] as number;
    const segmentKey = resolved.segmentMap === 'grid' ? gridSegment(r, f, m, gridRules) : defaultSegment(r, f, bins);
    const stage =
      periods === null || tenureDays === null
        ? null
        : lifecycleStageFromPeriods(
            {
              recencyDays: recencyDays[index] as number,
              tenureDays: tenureDays[index] as number,
              occasions: frequency[index] as number,
              periodNet: periods.map((column) => column[index] as number),
            },
            lifecycle,
          );
    const tierKey = tiers[index] as TierKey;
    const monetary = money[index] as number;
    revenue += monetary;
    const customer: CustomerResult = {
      customerId: ids[index] as string,
      firstPurchase: table.firstPurchase?.[index] ?? Number.NaN,
      lastPurchase: table.lastPurchase?.[index] ?? Number.NaN,
      recencyDays: recencyDays[index] as number,
      tenureDays: tenureDays?.[index] ?? Number.NaN,
      frequency: frequency[index] as number,
      monetary,
      monetaryAvg: roundMoney(table.monetaryAvg?.[index] ?? monetary / (frequency[index] as number)),
      monetaryRepeatAvg: roundMoney(table.monetaryRepeatAvg?.[index] ?? 0),
      returnsValue: roundMoney(table.returnsValue?.[index] ?? 0),
      x: table.x[index] as number,
      tx: table.tx[index] as number,
      T: table.T[index] as number,
      rScore: r,
      fScore: f,
      mScore: m,
      rfmCode: rfmCode(r, f, m),
      segmentKey,
      lifecycleStageKey: stage ?? '',
      lifecyclePatternKey: '',
      historicValue: historic[index] as number,
      clv: clv[index] as number,
      valueTierKey: tierKey,
      // p_alive, expected purchases, expected average value and predicted CLV, with the probabilistic method.
      ...predictions?.perCustomer[index],
    };
    customers.push(customer);
  }
  const result: SegmentationResult = {
    customers,
    totals: segmentationTotals(customers, scheme, revenue),
    cutPoints: {
      recency: recency.cutPoints,
      frequency: frequencyScores.cutPoints,
      monetary: monetaryScores.cutPoints,
    },
    skipped: { total: 0, reasons: {} },
    rowsRead: count,
    rowsUsed: count,
    ordersOnSeveralDays: 0,
    asOf: table.asOf ?? Number.NaN,
    options: resolved,
    warnings,
  };
  if (predictions !== undefined) result.model = { purchase: predictions.model, spend: predictions.gammaGamma };
  return result;
}

/** A customer summary range as the pane reads it: the header row and the data rows, raw cell values. */
export interface SummaryInput {
  summary: {
    headers: readonly unknown[];
    rows: readonly (readonly unknown[])[];
    /** The sheet row number of rows[0] (default 2), for messages. */
    firstRowNumber?: number;
    dateSystem?: DateSystem;
  };
}

/**
 * Segments either transactions ({@link segmentCustomers}) or a customer summary ({@link segmentSummary}), so
 * one worker message serves both kinds of source.
 *
 * Cost as the function it calls.
 * @throws AnalyticsError as {@link segmentCustomers} or {@link readSummaryTable} / {@link segmentSummary}.
 * @example
 * segmentInput({ summary: { headers, rows } }, { unit: 'weeks' }).customers.length
 */
export function segmentInput(
  input: TransactionInput | SummaryInput,
  options: SegmentOptions = {},
  onProgress?: (phase: string, fraction: number) => void,
): SegmentationResult {
  if (!('summary' in input)) return segmentCustomers(input, options, onProgress);
  const { headers, rows, firstRowNumber, dateSystem } = input.summary;
  onProgress?.('reading', 0);
  const result = segmentSummary(readSummaryTable(headers, rows, firstRowNumber ?? 2, dateSystem ?? '1900'), options);
  onProgress?.('done', 1);
  return result;
}
