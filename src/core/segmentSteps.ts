/*
 * The steps a segmentation shares whether it starts from transactions (segmentCustomers) or from a customer
 * summary (segmentSummary): scoring R, F and M, valuing customers by the chosen CLV method, and tiering them.
 * Internal to core (not exported from its index).
 */
import { predictCustomerValues } from './btyd';
import type { BtydCustomer } from './btyd';
import { clvSeed } from './clv';
import { fixedThresholdScore, rfmScores, roundMoney, tieWarning } from './rfmScore';
import type { ScoreDirection } from './rfmScore';
import { RFM_PACKAGE_GRID } from './rfmSegment';
import type { SegmentRule } from './rfmSegment';
import type { ResolvedSegmentOptions } from './segmentTypes';
import { abcClasses, pyramidTiers, valueMatrixTiers } from './valueTiers';
import type { TierKey } from './labels';
import type { CoreWarning } from './warnings';

const DAYS_PER_YEAR = 365.25;

export interface DimensionScores {
  scores: Int32Array;
  cutPoints: (number | null)[];
}

/** R, F and M scores by the data's quantiles or the user's thresholds; ties that waste scores are warned about. */
export function scoreCustomers(
  values: { recencyDays: ArrayLike<number>; frequency: ArrayLike<number>; money: ArrayLike<number> },
  resolved: ResolvedSegmentOptions,
  warnings: CoreWarning[],
): { recency: DimensionScores; frequency: DimensionScores; monetary: DimensionScores } {
  const { bins } = resolved;
  const thresholds = resolved.rfmThresholds ?? {};
  const score = (
    dimension: 'recency' | 'frequency' | 'monetary',
    column: ArrayLike<number>,
    direction: ScoreDirection,
  ): DimensionScores => {
    const list = thresholds[dimension];
    if (list === undefined) {
      const result = rfmScores(column, bins, direction);
      const warning = tieWarning(dimension, result.distinctValues, bins);
      if (warning !== null) warnings.push(warning);
      return result;
    }
    const scores = new Int32Array(column.length);
    for (let index = 0; index < column.length; index++) {
      scores[index] = fixedThresholdScore(column[index] as number, list, direction);
    }
    // Recency thresholds are "at most t days" for the higher scores: the largest first.
    return { scores, cutPoints: direction === 'lowerIsBetter' ? [...list].reverse() : [...list] };
  };
  return {
    recency: score('recency', values.recencyDays, 'lowerIsBetter'),
    frequency: score('frequency', values.frequency, 'higherIsBetter'),
    monetary: score('monetary', values.money, 'higherIsBetter'),
  };
}

/**
 * Each customer's CLV by the resolved method: historic value (rounded like every money column), the seed
 * formula on the yearly profit (historic value per year of tenure, at least one year), or the predicted CLV of
 * the purchase and spend models. Tenure and the BTYD customers are asked for only when the method needs them
 * (a summary may lack the columns).
 */
export function valueCustomers(
  count: number,
  inputs: {
    historic: ArrayLike<number>;
    tenureDays: () => ArrayLike<number>;
    btydCustomers: () => readonly (BtydCustomer & { meanSpend: number })[];
  },
  resolved: ResolvedSegmentOptions,
  warnings: CoreWarning[],
): { clv: Float64Array; predictions?: ReturnType<typeof predictCustomerValues> } {
  const clvOptions = resolved.clv;
  const clv = new Float64Array(count);
  const { historic } = inputs;
  if (clvOptions.method === 'historic') {
    // Rounded, so equal values summed in another order share a tier.
    for (let index = 0; index < count; index++) clv[index] = roundMoney(historic[index] as number);
    return { clv };
  }
  if (clvOptions.method === 'retention') {
    const tenureDays = inputs.tenureDays();
    for (let index = 0; index < count; index++) {
      const years = Math.max(1, (tenureDays[index] as number) / DAYS_PER_YEAR);
      clv[index] = clvSeed((historic[index] as number) / years, {
        retention: clvOptions.retention,
        discount: clvOptions.discount,
        ...(clvOptions.periods === undefined ? {} : { periods: clvOptions.periods }),
        acquisitionCost: clvOptions.acquisitionCost,
      });
    }
    return { clv };
  }
  const unit = resolved.unit;
  const predictions = predictCustomerValues(inputs.btydCustomers(), {
    unit,
    horizonMonths: clvOptions.horizonMonths,
    ...(clvOptions.purchaseHorizon === undefined
      ? {}
      : { purchaseHorizon: { value: clvOptions.purchaseHorizon, unit } }),
    monthlyDiscount: clvOptions.monthlyDiscount,
    margin: clvOptions.margin,
    model: clvOptions.model,
  });
  warnings.push(...predictions.warnings);
  predictions.perCustomer.forEach((prediction, index) => {
    clv[index] = prediction.predictedClv;
  });
  return { clv, predictions };
}

/** The value tier of each customer by the resolved scheme; the value matrix crosses historic value with CLV. */
export function valueTiersOf(
  scheme: ResolvedSegmentOptions['tierScheme'],
  historic: ArrayLike<number>,
  clv: Float64Array,
): TierKey[] {
  return scheme === 'abc' ? abcClasses(clv) : scheme === 'matrix' ? valueMatrixTiers(historic, clv) : pyramidTiers(clv);
}

/**
 * The grid rules of the 'grid' segment map: the user's own rules (on the run's levels), else the `rfm` package
 * grid, which is on 5 levels and is rescaled for other level counts.
 */
export function segmentGridOf(resolved: Pick<ResolvedSegmentOptions, 'segmentRules' | 'bins'>): readonly SegmentRule[] {
  if (resolved.segmentRules !== undefined) return resolved.segmentRules;
  return resolved.bins === 5 ? RFM_PACKAGE_GRID : scaledGrid(resolved.bins);
}

/** The `rfm` package grid for other than 5 bins: each score is first brought to 5 levels. */
function scaledGrid(
  bins: number,
): { key: string; recency: [number, number]; frequency: [number, number]; monetary: [number, number] }[] {
  const toBins = (level: number, edge: 'low' | 'high'): number =>
    edge === 'low' ? Math.floor(((level - 1) * bins) / 5) + 1 : Math.floor((level * bins) / 5);
  return RFM_PACKAGE_GRID.map((rule) => {
    const range = (levels: readonly [number, number] | undefined): [number, number] =>
      levels === undefined ? [1, bins] : [toBins(levels[0], 'low'), toBins(levels[1], 'high')];
    return {
      key: rule.key,
      recency: range(rule.recency),
      frequency: range(rule.frequency),
      monetary: range(rule.monetary),
    };
  });
}
