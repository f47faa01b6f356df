import { predictCustomerValues } from './btyd';
import { clvSeed } from './clv';
import { AnalyticsError } from './errors';
import type { TierKey } from './labels';
import { resolveLifecycleOptions } from './lifecycle';
import { lifecycleStageFromPeriods } from './lifecycleFromPeriods';
import { fixedThresholdScore, rfmCode, rfmScores, roundMoney } from './rfmScore';
import type { ScoreDirection } from './rfmScore';
import { defaultSegment, gridSegment, RFM_PACKAGE_GRID } from './rfmSegment';
import { resolveSegmentOptions, segmentationTotals } from './segmentCustomers';
import type { CustomerResult, ResolvedSegmentOptions, SegmentationResult, SegmentOptions } from './segmentTypes';
import type { SummaryTable } from './summaryTable';
import { readSummaryTable } from './summaryTable';
import type { DateSystem } from './dates';
import { dayToIso } from './dates';
import { segmentCustomers } from './segmentCustomers';
import type { TransactionInput } from './transactions';
import { abcClasses, pyramidTiers, valueMatrixTiers } from './valueTiers';
import { coreWarning, NO_PARAMS, type CoreWarning } from './warnings';

const DAYS_PER_YEAR = 365.25;

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
  const unit = resolved.unit ?? 'days';
  const bins = resolved.bins ?? 5;
  const count = table.length;
  const warnings: CoreWarning[] = [];
  const money = monetaryColumn.map((value) => roundMoney(value));
  const historic = (table.historicValue ?? monetaryColumn).map((value) => roundMoney(value));

  const thresholds = resolved.rfmThresholds ?? {};
  const score = (values: Float64Array, list: number[] | undefined, direction: ScoreDirection) => {
    if (list === undefined) return rfmScores(values, bins, direction);
    const scores = new Int32Array(values.length);
    values.forEach((value, index) => {
      scores[index] = fixedThresholdScore(value, list, direction);
    });
    return { scores, cutPoints: direction === 'lowerIsBetter' ? [...list].reverse() : [...list] };
  };
  const recency = score(recencyDays, thresholds.recency, 'lowerIsBetter');
  const frequencyScores = score(frequency, thresholds.frequency, 'higherIsBetter');
  const monetaryScores = score(money, thresholds.monetary, 'higherIsBetter');

  const clvOptions = resolved.clv ?? { method: 'historic' };
  const clv = new Float64Array(count);
  let predictions: ReturnType<typeof predictCustomerValues> | undefined;
  if (clvOptions.method === 'historic') {
    clv.set(historic);
  } else if (clvOptions.method === 'retention') {
    const tenure = required(table, 'tenureDays', 'tenure_days');
    for (let index = 0; index < count; index++) {
      const years = Math.max(1, (tenure[index] as number) / DAYS_PER_YEAR);
      clv[index] = clvSeed((historic[index] as number) / years, {
        retention: clvOptions.retention,
        discount: clvOptions.discount,
        ...(clvOptions.periods === undefined ? {} : { periods: clvOptions.periods }),
        acquisitionCost: clvOptions.acquisitionCost ?? 0,
      });
    }
  } else {
    const meanSpend = required(table, 'monetaryRepeatAvg', 'monetary_repeat_avg');
    const customers = Array.from({ length: count }, (_, index) => ({
      x: table.x[index] as number,
      tx: table.tx[index] as number,
      T: table.T[index] as number,
      meanSpend: meanSpend[index] as number,
    }));
    predictions = predictCustomerValues(customers, {
      unit,
      horizonMonths: clvOptions.horizonMonths ?? 12,
      ...(clvOptions.purchaseHorizon === undefined
        ? {}
        : { purchaseHorizon: { value: clvOptions.purchaseHorizon, unit } }),
      monthlyDiscount: clvOptions.monthlyDiscount ?? 0.01,
      margin: clvOptions.margin ?? 1,
      model: clvOptions.model ?? 'bgnbd',
    });
    warnings.push(...predictions.warnings);
    predictions.perCustomer.forEach((prediction, index) => {
      clv[index] = prediction.predictedClv;
    });
  }
  const scheme = resolved.tierScheme ?? 'pyramid';
  const tiers =
    scheme === 'abc' ? abcClasses(clv) : scheme === 'matrix' ? valueMatrixTiers(historic, clv) : pyramidTiers(clv);

  const lifecycle = resolveLifecycleOptions(resolved.lifecycle);
  const periods = table.periodNet;
  const tenureDays = table.tenureDays;
  if (periods === null || tenureDays === null) {
    warnings.push(coreWarning('summaryWithoutLifecycle', NO_PARAMS));
  }
  warnings.push(coreWarning('summaryWithoutPattern', NO_PARAMS));
  const gridRules = resolved.segmentRules ?? RFM_PACKAGE_GRID;
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
