import type { BgNbdModel, GammaGammaModel, HoldoutCheck, TierKey } from '../../src/core';
import type { LabelledCustomer, LabelledGroupTotal, LabelledSegmentation } from '../../src/messages/labelSegmentation';
import type { OutputLabels } from '../../src/excel';
import { resolveSegmentOptions } from '../../src/core';
import { outputLabels } from '../../src/taskpane/i18n/outputLabels';
import { createTranslator } from '../../src/taskpane/i18n/translator';

// The cohort and tracking labels as the pane builds them (the blocks below predate them and stay literal).
const PANE_LABELS = outputLabels(createTranslator('en'));

/** English labels as the pane would pass them (the adapter only writes what it is given). */
export const LABELS: OutputLabels = {
  segmentsSheet: 'Customer Segments',
  summarySheet: 'Segment Summary',
  columns: PANE_LABELS.columns,
  summaryTitle: 'Customer segmentation summary',
  tier: 'Value tier',
  segment: 'Segment',
  stage: 'Lifecycle stage',
  customers: 'Customers',
  revenue: 'Revenue',
  customerShare: 'Share of customers',
  revenueShare: 'Share of revenue',
  averageClv: 'Average CLV',
  total: 'Total',
  runInformation: 'Run information',
  source: 'Source',
  rowsRead: 'Rows read',
  rowsUsed: 'Rows used',
  rowsSkipped: 'Rows skipped',
  firstRows: 'first rows',
  skipReasons: {
    blankCustomer: 'blank customer',
    badDate: 'bad date',
    badAmount: 'bad amount',
    afterAsOf: 'after the as-of date',
    returnsOnly: 'returns only',
    errorValue: 'Excel error value',
  },
  options: 'Options',
  asOf: 'As of',
  dateSystem: 'Date system',
  addinVersion: 'Add-in version',
  createdAt: 'Created',
  revenueByTierChart: 'Revenue by value tier',
  customersByStageChart: 'Customers by lifecycle stage',
  customersBySegmentChart: 'Customers by RFM segment',
  modelFitChart: 'Model fit',
  repeatPurchases: 'Repeat purchases',
  actualCustomers: 'Customers (actual)',
  modelCustomers: 'Customers (model)',
  holdoutChart: 'Holdout: actual vs predicted purchases',
  holdoutRepeatPurchases: 'Repeat purchases in calibration',
  holdoutActual: 'Holdout purchases per customer (actual)',
  holdoutPredicted: 'Holdout purchases per customer (predicted)',
  calibrationEnd: 'Calibration end',
  holdoutWeeks: 'Holdout period (weeks)',
  holdoutCheck: 'Holdout check',
  holdoutDone: 'Done',
  holdoutReasons: {
    calibrationEmpty: 'Not done: nobody before the calibration end.',
    noRepeatBuyers: 'Not done: too few repeat buyers.',
    notConverged: 'Not done: not converged.',
    holdoutEmpty: 'Not done: nobody bought in the holdout.',
    fitFailed: 'Not done: the fit failed.',
  },
  tracking: PANE_LABELS.tracking,
  cohorts: PANE_LABELS.cohorts,
};

function customer(id: string, tier: string, monetary: number): LabelledCustomer {
  return {
    customerId: id,
    // Day numbers (days since 1970-01-01) of 1997-01-01 and 1997-03-01.
    firstPurchase: Date.UTC(1997, 0, 1) / 86_400_000,
    lastPurchase: Date.UTC(1997, 2, 1) / 86_400_000,
    recencyDays: 10,
    tenureDays: 69,
    frequency: 2,
    monetary,
    monetaryAvg: monetary / 2,
    monetaryRepeatAvg: monetary / 2,
    returnsValue: 0,
    x: 1,
    tx: 59,
    T: 69,
    rScore: 3,
    fScore: 3,
    mScore: 3,
    rfmCode: 333,
    segmentKey: 'loyalCustomers',
    segment: 'Loyal Customers',
    lifecycleStageKey: 'stability',
    lifecycleStage: 'Stability',
    lifecyclePatternKey: 'longTermRetention',
    lifecyclePattern: 'Long-term retention',
    historicValue: monetary,
    clv: monetary,
    valueTierKey: tier.toLowerCase() as TierKey,
    valueTier: tier,
  };
}

function group(
  key: string,
  customers: number,
  revenue: number,
  all: { customers: number; revenue: number },
  // Keys as core gives them: tier keys are the lower-case labels (customer() keys its tier the same way).
  coreKey = key.toLowerCase(),
): LabelledGroupTotal {
  return {
    key: coreKey,
    label: key,
    customers,
    revenue,
    customerShare: customers / all.customers,
    revenueShare: revenue / all.revenue,
    averageClv: revenue / customers,
  };
}

/**
 * A hand-made result of `count` customers alternating between tiers Gold and Iron (Gold first in
 * core's tier order), ids zero-padded like CDNOW's so text formatting matters.
 */
export function sampleResult(count = 5): LabelledSegmentation {
  const customers = Array.from({ length: count }, (_, index) =>
    customer(String(index + 1).padStart(5, '0'), index % 2 === 0 ? 'Iron' : 'Gold', 10 + index),
  );
  const all = { customers: count, revenue: customers.reduce((sum, row) => sum + row.monetary, 0) };
  const sumOf = (tier: string): number =>
    customers.filter((row) => row.valueTier === tier).reduce((sum, row) => sum + row.monetary, 0);
  const countOf = (tier: string): number => customers.filter((row) => row.valueTier === tier).length;
  return {
    customers,
    totals: {
      all,
      byTier: [group('Gold', countOf('Gold'), sumOf('Gold'), all), group('Iron', countOf('Iron'), sumOf('Iron'), all)],
      bySegment: [group('Loyal Customers', count, all.revenue, all, 'loyalCustomers')],
      byStage: [group('Stability', count, all.revenue, all, 'stability')],
    },
    skipped: { total: 2, reasons: { badDate: { count: 2, firstRows: [7, 9] } } },
    rowsRead: count * 2 + 2,
    rowsUsed: count * 2,
    ordersOnSeveralDays: 0,
    asOf: Date.UTC(1997, 3, 1) / 86_400_000, // day number of 1997-04-01
    options: resolveSegmentOptions(
      { bins: 5, tierScheme: 'pyramid', clv: { method: 'historic' }, language: 'en' },
      undefined,
    ),
    warnings: [],
    labelLanguage: 'en',
  };
}

/** A BG/NBD model as core returns it, with the CDNOW estimates of Fader, Hardie & Lee (2005). */
export const CDNOW_MODEL: BgNbdModel = {
  kind: 'bgnbd',
  unit: 'days',
  params: { r: 0.2426, alpha: 4.4136 * 7, a: 0.7929, b: 2.4259 },
  logLikelihood: -9582.43,
  converged: true,
  iterations: 40,
  standardErrors: null,
  customers: 2357,
  penalty: 0,
  warnings: [],
};

/** A Gamma–Gamma model with the CDNOW estimates of Fader, Hardie & Lee (2005). */
export const CDNOW_SPEND_MODEL: GammaGammaModel = {
  kind: 'gammagamma',
  params: { p: 6.2496, q: 3.7442, gamma: 15.4435 },
  logLikelihood: Number.NaN,
  converged: true,
  iterations: 0,
  standardErrors: null,
  customers: 946,
  excludedNonPositiveSpend: 0,
  frequencySpendCorrelation: 0.11,
  penalty: 0,
  warnings: [],
};

/** A fitted holdout check with hand-picked rows: labels 0 … 7+, one figure per group that is easy to spot. */
export const FITTED_HOLDOUT: HoldoutCheck = {
  calibrationEnd: '1997-09-30',
  holdoutEnd: '1998-06-30',
  holdoutWeeks: 39,
  status: 'fitted',
  model: CDNOW_MODEL,
  rows: ['0', '1', '2', '3', '4', '5', '6', '7+'].map((label, k) => ({
    label,
    customers: 100 - k,
    actual: k + 0.25,
    predicted: k + 0.5,
  })),
  totals: { customers: 772, actual: 1788, predicted: 1900 },
};

/**
 * {@link sampleResult} as the probabilistic method returns it: the fitted model (so the model-fit histogram is
 * written) and the given holdout check.
 */
export function probabilisticResult(count: number, holdout: HoldoutCheck): LabelledSegmentation {
  const result = sampleResult(count);
  return {
    ...result,
    options: resolveSegmentOptions(
      { ...result.options, clv: { method: 'probabilistic', holdoutWeeks: holdout.holdoutWeeks } },
      undefined,
    ),
    model: { purchase: CDNOW_MODEL, spend: CDNOW_SPEND_MODEL },
    holdout,
  };
}
