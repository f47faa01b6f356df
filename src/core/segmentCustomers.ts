import { bgnbdTracking, btydCustomersOf } from './btyd';
import type { predictCustomerValues } from './btyd';
import { cohortAnalysis } from './cohorts';
import { clvSeed } from './clv';
import type { TimeUnit } from './dates';
import { dayToIso, parseDate, requireDate } from './dates';
import { AnalyticsError } from './errors';
import { defaultHoldoutWeeks, holdoutCheck } from './holdoutCheck';
import type { TierKey } from './labels';
import { SEGMENT_KEYS, STAGE_KEYS } from './labels';
import { lifecycleOf, resolveLifecycleOptions } from './lifecycle';
import { checkChoiceOption, checkNumberOption, OPTION_RULES } from './optionTable';
import { checkBins, fixedThresholdScore, rfmCode, roundMoney } from './rfmScore';
import { defaultSegment, gridSegment } from './rfmSegment';
import type {
  ClvOptions,
  CustomerResult,
  GroupTotal,
  HoldoutCheck,
  ResolvedClvOptions,
  ResolvedSegmentOptions,
  SegmentationResult,
  SegmentOptions,
} from './segmentTypes';
import type { PurchaseGroups } from './purchaseGroups';
import { summarizePurchaseGroups } from './purchaseGroups';
import type { CustomerSummary } from './summarizeCustomers';
import { summarizeCustomers } from './summarizeCustomers';
import type { TransactionInput, Transactions } from './transactions';
import { parseTransactions, transactionWarnings } from './transactions';
import { scoreCustomers, segmentGridOf, valueCustomers, valueTiersOf } from './segmentSteps';
import { coreWarning, NO_PARAMS, type CoreWarning } from './warnings';

function resolveClv(clv: ClvOptions | undefined): ResolvedClvOptions {
  if (clv === undefined || clv.method === 'historic') return { method: 'historic' };
  if (clv.method === 'retention') {
    clvSeed(1, { ...clv, periods: clv.periods ?? (clv.retention < 1 ? undefined : 1) }); // validates the terms
    return {
      method: 'retention',
      retention: clv.retention,
      discount: clv.discount,
      ...(clv.periods === undefined ? {} : { periods: clv.periods }),
      acquisitionCost: clv.acquisitionCost ?? 0,
    };
  }
  if (clv.method === 'probabilistic') {
    const holdoutWeeks = clv.holdoutWeeks;
    if (holdoutWeeks !== undefined && holdoutWeeks !== 'auto') {
      checkNumberOption('holdoutWeeks', holdoutWeeks, 'The holdout period');
    }
    return {
      method: 'probabilistic',
      horizonMonths: checkNumberOption('horizonMonths', clv.horizonMonths ?? OPTION_RULES.horizonMonths.default),
      monthlyDiscount: checkNumberOption(
        'monthlyDiscount',
        clv.monthlyDiscount ?? OPTION_RULES.monthlyDiscount.default,
      ),
      margin: checkNumberOption('margin', clv.margin ?? OPTION_RULES.margin.default),
      model: checkChoiceOption('model', clv.model),
      ...(clv.purchaseHorizon === undefined ? {} : { purchaseHorizon: clv.purchaseHorizon }),
      ...(holdoutWeeks === undefined ? {} : { holdoutWeeks }),
    };
  }
  throw new AnalyticsError('BAD_ARGUMENT', `Unknown CLV method: ${String((clv as { method: unknown }).method)}.`, {
    argument: 'clv.method',
  });
}

/**
 * Checks and completes the options, so the copy in the result reproduces the run exactly.
 *
 * @throws AnalyticsError BAD_ARGUMENT / OUT_OF_RANGE / BAD_DATE naming the option.
 */
export function resolveSegmentOptions(options: SegmentOptions, asOfDay: number | undefined): ResolvedSegmentOptions {
  const unit = checkChoiceOption('unit', options.unit);
  const segmentMap = checkChoiceOption('segmentMap', options.segmentMap);
  const tierScheme = checkChoiceOption('tierScheme', options.tierScheme);
  const language = checkChoiceOption('language', options.language);
  const bins = checkBins(options.bins ?? OPTION_RULES.bins.default);
  const dateOrder = checkChoiceOption('dateOrder', options.dateOrder);
  const thresholds = options.rfmThresholds;
  if (thresholds !== undefined) {
    for (const [name, list] of Object.entries(thresholds)) {
      if (list === undefined) continue;
      if (list.length !== bins - 1) {
        throw new AnalyticsError(
          'BAD_ARGUMENT',
          `rfmThresholds.${name} needs bins − 1 = ${bins - 1} thresholds, got ${list.length}.`,
          { argument: `rfmThresholds.${name}` },
        );
      }
      fixedThresholdScore(0, list, 'higherIsBetter'); // validates: numbers, strictly ascending
    }
  }
  return {
    ...(asOfDay === undefined ? {} : { asOf: dayToIso(asOfDay) }),
    unit,
    bins,
    segmentMap,
    // Only when chosen, so options saved before the choice existed resolve to the same object.
    ...(dateOrder === 'ymd' ? {} : { dateOrder }),
    ...(options.segmentRules === undefined ? {} : { segmentRules: options.segmentRules }),
    ...(thresholds === undefined ? {} : { rfmThresholds: thresholds }),
    tierScheme,
    lifecycle: resolveLifecycleOptions(options.lifecycle),
    clv: resolveClv(options.clv),
    language,
    ...(options.cohorts === undefined
      ? {}
      : {
          cohorts: {
            period: options.cohorts.period ?? 'month',
            contractual: options.cohorts.contractual ?? false,
            yearlyDiscount: options.cohorts.yearlyDiscount ?? 0.1,
          },
        }),
  };
}

function asOfDayOf(asOf: number | string | undefined): number | undefined {
  if (asOf === undefined) return undefined;
  if (typeof asOf === 'number') {
    if (!Number.isFinite(asOf)) {
      throw new AnalyticsError('BAD_DATE', `asOf must be a day number or a yyyy-mm-dd text, got ${asOf}.`, {
        argument: 'asOf',
      });
    }
    return Math.floor(asOf);
  }
  return Math.floor(requireDate(asOf, 'asOf'));
}

/**
 * The totals of a segmentation: all customers, and per value tier, RFM segment and lifecycle stage (in the
 * keys' order, empty groups left out), shared by the transaction and the summary paths. O(customers).
 */
export function segmentationTotals(
  customers: readonly CustomerResult[],
  scheme: ResolvedSegmentOptions['tierScheme'],
  revenue: number,
): SegmentationResult['totals'] {
  const tierOrder = scheme === 'abc' ? ['A', 'B', 'C'] : ['platinum', 'gold', 'iron', 'lead'];
  return {
    all: { customers: customers.length, revenue },
    byTier: totalsBy(customers, (c) => c.valueTierKey, tierOrder, revenue),
    bySegment: totalsBy(customers, (c) => c.segmentKey, SEGMENT_KEYS, revenue),
    byStage: totalsBy(customers, (c) => c.lifecycleStageKey, STAGE_KEYS, revenue),
  };
}

/** Customers, revenue and shares per key (tier, segment or stage), in the given key order first. */
function totalsBy(
  customers: readonly CustomerResult[],
  keyOf: (customer: CustomerResult) => string,
  order: readonly string[],
  revenueTotal: number,
): GroupTotal[] {
  const sums = new Map<string, { customers: number; revenue: number; clv: number }>();
  for (const key of order) sums.set(key, { customers: 0, revenue: 0, clv: 0 });
  for (const customer of customers) {
    const key = keyOf(customer);
    let sum = sums.get(key);
    if (sum === undefined) {
      sum = { customers: 0, revenue: 0, clv: 0 };
      sums.set(key, sum);
    }
    sum.customers += 1;
    sum.revenue += customer.monetary;
    sum.clv += customer.clv;
  }
  const result: GroupTotal[] = [];
  for (const [key, sum] of sums) {
    if (sum.customers === 0) continue;
    result.push({
      key,
      customers: sum.customers,
      revenue: sum.revenue,
      customerShare: sum.customers / customers.length,
      revenueShare: revenueTotal === 0 ? 0 : sum.revenue / revenueTotal,
      averageClv: sum.clv / sum.customers,
    });
  }
  return result;
}

/**
 * Segments every customer of a transaction table: the summary of DOMAIN §7.2, RFM scores and code (§7.3), a
 * segment (§7.4), lifecycle stage and pattern (§7.6), a CLV (§7.5) and a value tier (§7.7), with totals per
 * tier, segment and stage, the skipped-row report (money fields rounded to 6 decimals, as the M score compares them) and the fully resolved options (pass them back to
 * reproduce the result exactly). Customers come out sorted by id, so row order never changes the output.
 *
 * CLV methods: 'historic' = the customer's historic value; 'retention' = the seed formula with the customer's
 * yearly profit (historic value per year of tenure, at least one year) as RP, periods in years;
 * 'probabilistic' = BG/NBD (or MBG/NBD, Pareto/NBD) + Gamma–Gamma predicted CLV. The value tiers use that CLV
 * column as their value measure (so historic value unless a forward-looking method is chosen); the value
 * matrix crosses historic value (current) with it (potential).
 *
 * Cost O(n log n) for n rows (O(n) when rows are in date order per customer) plus O(K × groups) for
 * lifecycle patterns; the probabilistic fit adds the model's cost.
 * @throws AnalyticsError EMPTY_INPUT when no row is usable (the message gives the skip report), or the
 *   codes of the options and columns.
 * @example
 * segmentCustomers({ customer: ['a', 'b', 'b'], date: ['2024-01-01', '2024-01-15', '2024-02-01'], amount: [10, 20, 5] })
 *   .customers.map((customer) => customer.segmentKey) // => ['hibernating', 'needAttention']
 */
export function segmentCustomers(
  input: TransactionInput,
  options: SegmentOptions = {},
  onProgress?: (phase: string, fraction: number) => void,
): SegmentationResult {
  return segmentRows(
    (asOf, checked) => {
      const dateText =
        checked.dateOrder === undefined ? input.dateText : { ...input.dateText, dateOrder: checked.dateOrder };
      return parseTransactions(dateText === undefined ? input : { ...input, dateText }, asOf);
    },
    (transactions, summaryOptions) => summarizeCustomers(transactions, summaryOptions),
    options,
    onProgress,
  );
}

/**
 * {@link segmentCustomers} on rows already gathered into purchase groups by a {@link PurchaseGroupBuilder}
 * (the command line's streaming reader): the same result, with memory for the groups instead of the rows.
 * The builder must have been given the same as-of date as `options.asOf`.
 *
 * Cost O(groups log groups) plus the per-customer work of {@link segmentCustomers}.
 * @throws AnalyticsError as {@link segmentCustomers}.
 * @example
 * const builder = new PurchaseGroupBuilder({ hasOrder: false });
 * builder.addRow('a', '2024-01-02', '5', undefined, 2);
 * segmentPurchaseGroups(builder.finish()).customers.length // => 1
 */
export function segmentPurchaseGroups(
  groups: PurchaseGroups,
  options: SegmentOptions = {},
  onProgress?: (phase: string, fraction: number) => void,
): SegmentationResult {
  return segmentRows(
    () => groups.transactions,
    (_transactions, summaryOptions) => summarizePurchaseGroups(groups, summaryOptions),
    options,
    onProgress,
  );
}

type Progress = ((phase: string, fraction: number) => void) | undefined;

/** The steps of a segmentation, each a named function over the resolved options. */
function segmentRows(
  read: (asOf: number | undefined, checked: ResolvedSegmentOptions) => Transactions,
  summarize: (transactions: Transactions, options: { asOf?: number; unit: TimeUnit }) => CustomerSummary,
  options: SegmentOptions,
  onProgress: Progress,
): SegmentationResult {
  const requestedAsOf = asOfDayOf(options.asOf);
  const checked = resolveSegmentOptions(options, requestedAsOf);
  onProgress?.('reading', 0);
  const transactions = read(requestedAsOf, checked);
  onProgress?.('summarizing', 0.2);
  const summary = summarize(transactions, { asOf: requestedAsOf, unit: checked.unit });
  if (summary.count === 0) {
    throw new AnalyticsError(
      'EMPTY_INPUT',
      transactions.rowsRead === 0
        ? 'There are no transactions to segment.'
        : `No usable transactions: all ${summary.skipped.total} rows were skipped (see the error's skip report).`,
      undefined,
      transactions.rowsRead === 0 ? undefined : summary.skipped,
    );
  }
  const resolved = resolveFromData(checked, summary);
  const warnings: CoreWarning[] = [];

  onProgress?.('scoring', 0.4);
  const money = roundedMoney(summary);
  const scores = scoreCustomers(
    { recencyDays: summary.recencyDays, frequency: summary.frequency, money },
    resolved,
    warnings,
  );

  onProgress?.('valuing', 0.55);
  const value = valueTransactionCustomers(transactions, summary, resolved, warnings, onProgress);

  onProgress?.('tiering', 0.65);
  const scheme = resolved.tierScheme;
  if (scheme === 'matrix' && resolved.clv.method === 'historic') {
    warnings.push(coreWarning('matrixWithHistoricClv', NO_PARAMS));
  }
  const tiers = valueTiersOf(scheme, summary.historicValue, value.clv);

  onProgress?.('lifecycle', 0.7);
  const { customers, revenueTotal, nonPositive } = customerRows(summary, money, scores, value, tiers, resolved);
  warnings.push(...transactionWarnings(transactions), ...dataRangeWarnings(summary, nonPositive));

  onProgress?.('totals', 0.95);
  const result: SegmentationResult = {
    customers,
    totals: segmentationTotals(customers, scheme, revenueTotal),
    cutPoints: {
      recency: scores.recency.cutPoints,
      frequency: scores.frequency.cutPoints,
      monetary: scores.monetary.cutPoints,
    },
    skipped: summary.skipped,
    rowsRead: transactions.rowsRead,
    rowsUsed: summary.rowsUsed,
    ordersOnSeveralDays: transactions.ordersOnSeveralDays,
    asOf: summary.asOf,
    options: resolved,
    warnings,
  };
  const { predictions, holdout } = value;
  if (predictions !== undefined) result.model = { purchase: predictions.model, spend: predictions.gammaGamma };
  if (holdout !== undefined) result.holdout = holdout;
  // The tracking chart of the holdout check: the calibration fit's expectations for the whole base, week by week.
  if (holdout?.status === 'fitted' && holdout.model.kind !== 'pareto') {
    result.tracking = bgnbdTracking(holdout.model, summary, { calibrationEnd: parseDate(holdout.calibrationEnd) ?? 0 });
  }
  if (resolved.cohorts !== undefined) {
    onProgress?.('cohorts', 0.95);
    result.cohorts = cohortAnalysis(summary, resolved.cohorts);
  }
  onProgress?.('done', 1);
  return result;
}

/** The options with what only the data decide: the as-of date and an 'auto' holdout period. */
function resolveFromData(checked: ResolvedSegmentOptions, summary: CustomerSummary): ResolvedSegmentOptions {
  const resolved: ResolvedSegmentOptions = { ...checked, asOf: dayToIso(summary.asOf) };
  if (resolved.clv.method === 'probabilistic' && resolved.clv.holdoutWeeks === 'auto') {
    // Resolved from the data, like the as-of date, so the saved options reproduce the same check.
    let firstDay = Infinity;
    for (let index = 0; index < summary.count; index++) firstDay = Math.min(firstDay, summary.first[index] as number);
    resolved.clv = { ...resolved.clv, holdoutWeeks: defaultHoldoutWeeks(firstDay, summary.asOf) };
  }
  return resolved;
}

/** Each customer's net spend rounded to 6 decimals (as M compares it); an overflowing total names the customer. */
function roundedMoney(summary: CustomerSummary): Float64Array {
  const money = new Float64Array(summary.count);
  for (let index = 0; index < summary.count; index++) {
    const monetary = summary.monetary[index] as number;
    // Finite amounts can still add up beyond the largest number; say whose, rather than "Value 1 is not…".
    if (!Number.isFinite(monetary)) {
      throw new AnalyticsError(
        'BAD_NUMBER',
        `The amounts of customer '${summary.customerIds[index] as string}' add up to more than the largest number ` +
          "a spreadsheet holds (about 1.8E+308): check that customer's amounts for values with too many digits.",
      );
    }
    money[index] = roundMoney(monetary);
  }
  return money;
}

interface CustomerValues {
  clv: Float64Array;
  predictions?: ReturnType<typeof predictCustomerValues>;
  holdout?: HoldoutCheck;
}

/** Each customer's CLV by the chosen method, with the model and its holdout check when probabilistic. */
function valueTransactionCustomers(
  transactions: Transactions,
  summary: CustomerSummary,
  resolved: ResolvedSegmentOptions,
  warnings: CoreWarning[],
  onProgress: Progress,
): CustomerValues {
  const values = valueCustomers(
    summary.count,
    {
      historic: summary.historicValue,
      tenureDays: () => summary.tenureDays,
      btydCustomers: () => btydCustomersOf(summary),
    },
    resolved,
    warnings,
  );
  const clvOptions = resolved.clv;
  if (clvOptions.method !== 'probabilistic' || typeof clvOptions.holdoutWeeks !== 'number') return values;
  onProgress?.('holdout', 0.6);
  const holdout = holdoutCheck(transactions, {
    asOf: summary.asOf,
    holdoutWeeks: clvOptions.holdoutWeeks,
    unit: resolved.unit,
    model: clvOptions.model,
  });
  return { ...values, holdout };
}

/** One result row per customer: summary figures, scores, segment, lifecycle, CLV and tier, with labels. */
function customerRows(
  summary: CustomerSummary,
  money: Float64Array,
  scores: ReturnType<typeof scoreCustomers>,
  value: CustomerValues,
  tiers: ArrayLike<string>,
  resolved: ResolvedSegmentOptions,
): { customers: CustomerResult[]; revenueTotal: number; nonPositive: number } {
  const { bins } = resolved;
  const count = summary.count;
  const lifecycleOptions = resolveLifecycleOptions(resolved.lifecycle);
  // User rules are on the run's own bins; the built-in grid is on 5 levels and is rescaled for other bins.
  const gridRules = segmentGridOf(resolved);
  const customers: CustomerResult[] = new Array<CustomerResult>(count);
  let nonPositive = 0;
  let revenueTotal = 0;
  for (let index = 0; index < count; index++) {
    const { stage, pattern } = lifecycleOf(
      {
        days: summary.groupDay,
        amounts: summary.groupAmount,
        start: summary.groupStart[index] as number,
        end: summary.groupStart[index + 1] as number,
      },
      summary.asOf,
      lifecycleOptions,
    );
    const recencyScore = scores.recency.scores[index] as number;
    const frequencyScore = scores.frequency.scores[index] as number;
    const monetaryScore = scores.monetary.scores[index] as number;
    const segmentKey =
      resolved.segmentMap === 'grid'
        ? gridSegment(recencyScore, frequencyScore, monetaryScore, gridRules)
        : defaultSegment(recencyScore, frequencyScore, bins);
    const tierKey = tiers[index] as TierKey;
    const monetary = money[index] as number;
    if (monetary <= 0) nonPositive += 1;
    revenueTotal += monetary;
    customers[index] = {
      customerId: summary.customerIds[index] as string,
      firstPurchase: Math.floor(summary.first[index] as number),
      lastPurchase: Math.floor(summary.last[index] as number),
      recencyDays: summary.recencyDays[index] as number,
      tenureDays: summary.tenureDays[index] as number,
      frequency: summary.frequency[index] as number,
      monetary,
      monetaryAvg: roundMoney(summary.monetaryAvg[index] as number),
      monetaryRepeatAvg: roundMoney(summary.monetaryRepeatAvg[index] as number),
      returnsValue: roundMoney(summary.returnsValue[index] as number),
      x: summary.repeatPurchases[index] as number,
      tx: summary.recencyInUnit[index] as number,
      T: summary.ageInUnit[index] as number,
      rScore: recencyScore,
      fScore: frequencyScore,
      mScore: monetaryScore,
      rfmCode: rfmCode(recencyScore, frequencyScore, monetaryScore),
      segmentKey,
      lifecycleStageKey: stage,
      lifecyclePatternKey: pattern,
      historicValue: roundMoney(summary.historicValue[index] as number),
      clv: value.clv[index] as number,
      valueTierKey: tierKey,
      // p_alive, expected purchases, expected average value and predicted CLV, with the probabilistic method.
      ...value.predictions?.perCustomer[index],
    };
  }
  return { customers, revenueTotal, nonPositive };
}

/** Warnings about the data as a whole: an as-of date past its end, and customers whose returns cancel their buying. */
function dataRangeWarnings(summary: CustomerSummary, nonPositive: number): CoreWarning[] {
  const warnings: CoreWarning[] = [];
  let lastPurchase = -Infinity;
  for (let index = 0; index < summary.count; index++) {
    lastPurchase = Math.max(lastPurchase, summary.last[index] as number);
  }
  const lastPurchaseDay = Math.floor(lastPurchase);
  const days = summary.asOf - lastPurchaseDay;
  // An as-of date past the data's end counts the missing days as days without purchases (P(alive) falls).
  if (days > 1) warnings.push(coreWarning('asOfAfterData', { asOfDay: summary.asOf, lastPurchaseDay, days }));
  if (nonPositive > 0) warnings.push(coreWarning('nonPositiveValue', { customers: nonPositive }));
  return warnings;
}
