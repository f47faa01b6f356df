import type { CustomerResult, GroupTotal, Language, SegmentationResult } from '../core';
import { labelIn, PATTERN_LABELS, segmentLabel, STAGE_LABELS, TIER_LABELS } from './labels';

/** A customer's row with the words of its keys, as people read it. */
export interface LabelledCustomer extends CustomerResult {
  segment: string;
  lifecycleStage: string;
  lifecyclePattern: string;
  valueTier: string;
}

/** A group total with the word of its key. */
export interface LabelledGroupTotal extends GroupTotal {
  label: string;
}

/** A segmentation with labels in one language, for the writers (CLI, Excel, RFM_TABLE) and the pane. */
export interface LabelledSegmentation extends Omit<SegmentationResult, 'customers' | 'totals'> {
  customers: LabelledCustomer[];
  totals: {
    all: SegmentationResult['totals']['all'];
    byTier: LabelledGroupTotal[];
    bySegment: LabelledGroupTotal[];
    byStage: LabelledGroupTotal[];
  };
  /** The language of the labels. */
  labelLanguage: Language;
}

/**
 * Adds the words of core's keys (segment, lifecycle stage and pattern, value tier) to a segmentation, in the
 * run's output language unless another is given; the user's own segment rules keep their own labels. Few keys,
 * many customers: each key is worded once. O(customers).
 * @example
 * labelSegmentation(segmentCustomers({ customer: ['a'], date: ['2024-01-01'], amount: [5] }), 'zh').customers[0].valueTier // => '白金'
 */
export function labelSegmentation(
  result: SegmentationResult,
  language: Language = result.options.language,
): LabelledSegmentation {
  const rules = result.options.segmentRules ?? [];
  const segmentWords = new Map<string, string>();
  const segmentOf = (key: string): string => {
    let word = segmentWords.get(key);
    if (word === undefined) {
      word = segmentLabel(key, language, rules);
      segmentWords.set(key, word);
    }
    return word;
  };
  const stageOf = (key: CustomerResult['lifecycleStageKey']): string =>
    key === '' ? '' : labelIn(STAGE_LABELS[key], language);
  const customers = result.customers.map((customer): LabelledCustomer => ({
    ...customer,
    segment: segmentOf(customer.segmentKey),
    lifecycleStage: stageOf(customer.lifecycleStageKey),
    lifecyclePattern:
      customer.lifecyclePatternKey === '' ? '' : labelIn(PATTERN_LABELS[customer.lifecyclePatternKey], language),
    valueTier: labelIn(TIER_LABELS[customer.valueTierKey], language),
  }));
  const totals = result.totals;
  return {
    ...result,
    customers,
    totals: {
      all: totals.all,
      byTier: totals.byTier.map((group) => ({
        ...group,
        label: labelIn(TIER_LABELS[group.key as keyof typeof TIER_LABELS], language),
      })),
      bySegment: totals.bySegment.map((group) => ({ ...group, label: segmentOf(group.key) })),
      byStage: totals.byStage.map((group) => ({
        ...group,
        label: stageOf(group.key as CustomerResult['lifecycleStageKey']),
      })),
    },
    labelLanguage: language,
  };
}
