import type { BgNbdTracking, ConditionalExpectationRow, GammaGammaModel, PurchaseModel } from './btyd';
import type { CohortAnalysis, CohortOptions } from './cohorts';
import type { DateOrder, TimeUnit } from './dates';
import type { Language, LifecyclePatternKey, LifecycleStageKey, TierKey } from './labels';
import type { SegmentRule } from './rfmSegment';
import type { SkippedRows } from './transactions';
import type { CoreWarning } from './warnings';

/** Lifecycle thresholds of DOMAIN §7.6 (defaults: 90-day periods, 365-day churn window, 0.3, 0.2, 3 occasions). */
export interface LifecycleOptions {
  periodDays?: number;
  churnDays?: number;
  declineThreshold?: number;
  growthThreshold?: number;
  minOccasions?: number;
}

/** How `segmentCustomers` values a customer (DOMAIN §7.5). */
export type ClvOptions =
  | { method: 'historic' }
  | { method: 'retention'; retention: number; discount: number; periods?: number; acquisitionCost?: number }
  | {
      method: 'probabilistic';
      /** Horizon of the predicted CLV in months of 30.4375 days; default 12. */
      horizonMonths?: number;
      /**
       * Horizon of `expected_purchases` in the run's unit (`SegmentOptions.unit`); default the CLV horizon.
       * P(alive) and the CLV do not depend on it.
       */
      purchaseHorizon?: number;
      monthlyDiscount?: number;
      margin?: number;
      model?: 'bgnbd' | 'mbgnbd' | 'pareto';
      /**
       * Also check the model out of sample: refit on the data up to `holdoutWeeks` weeks before the as-of date
       * and compare predicted with actual purchases in those weeks (`SegmentationResult.holdout`). A whole
       * number ≥ 1, or 'auto' for a third of the span from the first purchase to the as-of date; omitted: no
       * check. The per-customer predictions always use all the data.
       */
      holdoutWeeks?: number | 'auto';
    };

/** Everything that shapes a segmentation; the resolved copy in the result reproduces it exactly. */
export interface SegmentOptions {
  /** Day number or 'yyyy-mm-dd'; default the day after the latest transaction. */
  asOf?: number | string;
  /** Unit of x / t_x / T; default 'days'. */
  unit?: TimeUnit;
  /** 2..10, default 5. */
  bins?: number;
  segmentMap?: 'default' | 'grid';
  /**
   * How to read day-month-year date texts such as `12/1/2010 8:26`: 'mdy' or 'dmy'; default 'ymd', where they
   * are refused rather than guessed. Kept with the options so "Run again" reads the dates the same way.
   */
  dateOrder?: DateOrder;
  /** Rules for segmentMap 'grid' (inclusive score ranges, first match wins, else "others"); default the `rfm` package grid. */
  segmentRules?: SegmentRule[];
  /**
   * Fixed business thresholds instead of the data's quantiles, per dimension, ascending, `bins − 1` of them
   * (recency in days: lower is better; frequency in occasions; monetary in money).
   */
  rfmThresholds?: { recency?: number[]; frequency?: number[]; monetary?: number[] };
  tierScheme?: 'pyramid' | 'matrix' | 'abc';
  lifecycle?: LifecycleOptions;
  clv?: ClvOptions;
  language?: Language;
  /** The "Cohorts and retention" output: the cohort triangle, and the sBG projection for contract data. */
  cohorts?: CohortOptions;
}

/** The CLV options with every default filled in. */
export type ResolvedClvOptions =
  | { method: 'historic' }
  | { method: 'retention'; retention: number; discount: number; periods?: number; acquisitionCost: number }
  | {
      method: 'probabilistic';
      horizonMonths: number;
      purchaseHorizon?: number;
      monthlyDiscount: number;
      margin: number;
      model: 'bgnbd' | 'mbgnbd' | 'pareto';
      holdoutWeeks?: number | 'auto';
    };

/**
 * The options of a run, checked and with every default filled in (from core's option table): what a run
 * actually used, so passing it back reproduces the result. Only the genuinely optional parts stay optional
 * (fixed thresholds, user rules, a purchase horizon, a holdout check).
 */
export interface ResolvedSegmentOptions {
  /** 'yyyy-mm-dd'. */
  asOf?: string;
  unit: TimeUnit;
  bins: number;
  segmentMap: 'default' | 'grid';
  segmentRules?: SegmentRule[];
  rfmThresholds?: { recency?: number[]; frequency?: number[]; monetary?: number[] };
  tierScheme: 'pyramid' | 'matrix' | 'abc';
  lifecycle: Required<LifecycleOptions>;
  clv: ResolvedClvOptions;
  language: Language;
  /** Present only when chosen ('mdy' or 'dmy'), so options saved before it existed resolve the same. */
  dateOrder?: DateOrder;
  /** The "Cohorts and retention" output, every field resolved. */
  cohorts?: Required<CohortOptions>;
}

/** One customer's row of the segmentation: figures and keys (the message catalogue words the keys). */
export interface CustomerResult {
  customerId: string;
  /** Day numbers (days since 1970-01-01); NaN when a customer summary does not give them. */
  firstPurchase: number;
  lastPurchase: number;
  recencyDays: number;
  tenureDays: number;
  /** Purchase occasions. */
  frequency: number;
  monetary: number;
  monetaryAvg: number;
  monetaryRepeatAvg: number;
  /** Value of returns as a positive number (monetary already has it subtracted). */
  returnsValue: number;
  x: number;
  tx: number;
  T: number;
  rScore: number;
  fScore: number;
  mScore: number;
  rfmCode: number;
  /** A key of SEGMENT_LABELS, or of the user's own segment rules. */
  segmentKey: string;
  /** Empty when a customer summary has no lifecycle columns. */
  lifecycleStageKey: LifecycleStageKey | '';
  lifecyclePatternKey: LifecyclePatternKey | '';
  historicValue: number;
  clv: number;
  valueTierKey: TierKey;
  pAlive?: number;
  expectedPurchases?: number;
  expectedAvgValue?: number;
  predictedClv?: number;
}

/** Customers and revenue of one tier, segment or stage. */
export interface GroupTotal {
  key: string;
  customers: number;
  revenue: number;
  customerShare: number;
  revenueShare: number;
  averageClv: number;
}

/** Why the holdout check was not done; the pane and the summary sheet say it in words. */
export type HoldoutSkipReason = 'calibrationEmpty' | 'noRepeatBuyers' | 'notConverged' | 'holdoutEmpty' | 'fitFailed';

/**
 * The outcome of the holdout check of the probabilistic method: the calibration period ends `holdoutWeeks`
 * weeks before the as-of date (which ends the holdout). Either the chart rows of `calibrationHoldout`, or the
 * reason it could not be done, because a diagnostic never fails the segmentation.
 */
export type HoldoutCheck = {
  /** ISO dates, inclusive. */
  calibrationEnd: string;
  holdoutEnd: string;
  holdoutWeeks: number;
} & (
  | {
      status: 'fitted';
      /** The purchase model fitted on the calibration period only. */
      model: PurchaseModel;
      /** Mean actual and predicted holdout purchases by calibration repeat purchases 0, 1, …, 7+. */
      rows: ConditionalExpectationRow[];
      totals: { customers: number; actual: number; predicted: number };
    }
  | { status: 'skipped'; reason: HoldoutSkipReason; detail: string }
);

/** What `segmentCustomers` returns. */
export interface SegmentationResult {
  customers: CustomerResult[];
  totals: {
    all: { customers: number; revenue: number };
    byTier: GroupTotal[];
    bySegment: GroupTotal[];
    byStage: GroupTotal[];
  };
  /**
   * The RFM cut points: per dimension, cutPoints[s − 2] is the least favourable value that scored ≥ s
   * (s = 2 … bins; null when nobody reached s). With fixed thresholds, the thresholds themselves.
   */
  cutPoints?: { recency: (number | null)[]; frequency: (number | null)[]; monetary: (number | null)[] };
  skipped: SkippedRows;
  rowsRead: number;
  rowsUsed: number;
  /** Order ids found on more than one day; each day's lines were counted as a separate purchase (DOMAIN §7.2). */
  ordersOnSeveralDays: number;
  /** The as-of day number (days since 1970-01-01); NaN for a customer summary without an as_of column. */
  asOf: number;
  options: ResolvedSegmentOptions;
  /** With the probabilistic method: the fitted purchase and spend models. */
  model?: { purchase: PurchaseModel; spend: GammaGammaModel };
  /** Present when `clv.holdoutWeeks` was given with the probabilistic method. */
  holdout?: HoldoutCheck;
  warnings: CoreWarning[];
  /** With the `cohorts` option: the triangle, average curves and, for contract data, the sBG projection. */
  cohorts?: CohortAnalysis;
  /** Probabilistic method with a fitted BG/NBD holdout check: expected vs actual cumulative repeat transactions. */
  tracking?: BgNbdTracking;
}
