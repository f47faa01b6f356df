import type {
  Label,
  Language,
  LifecyclePatternKey,
  LifecycleStageKey,
  SegmentKey,
  SegmentRule,
  TierKey,
} from '../core';

/*
 * The words of core's keys in English and Chinese. Each table is typed by its key union, so a key added to core
 * without both labels does not compile.
 */

/** Labels of the RFM segments (DOMAIN §7.4) and of the `rfm` grid's extra segments. */
export const SEGMENT_LABELS = {
  champions: { en: 'Champions', zh: '冠军客户' },
  loyalCustomers: { en: 'Loyal Customers', zh: '忠诚客户' },
  potentialLoyalists: { en: 'Potential Loyalists', zh: '潜在忠诚客户' },
  newCustomers: { en: 'New Customers', zh: '新客户' },
  promising: { en: 'Promising', zh: '有潜力客户' },
  needAttention: { en: 'Need Attention', zh: '需要关注' },
  aboutToSleep: { en: 'About to Sleep', zh: '即将沉睡' },
  atRisk: { en: 'At Risk', zh: '有流失风险' },
  cantLoseThem: { en: "Can't Lose Them", zh: '不能失去' },
  hibernating: { en: 'Hibernating', zh: '休眠客户' },
  lost: { en: 'Lost', zh: '流失客户' },
  others: { en: 'Others', zh: '其他' },
} as const satisfies Record<SegmentKey, Label>;

/** Lifecycle stages (DOMAIN §3, §7.6). */
export const STAGE_LABELS = {
  exploration: { en: 'Exploration', zh: '考察期' },
  formation: { en: 'Formation', zh: '形成期' },
  stability: { en: 'Stability', zh: '稳定期' },
  decline: { en: 'Decline', zh: '退化期' },
  lost: { en: 'Lost', zh: '流失' },
} as const satisfies Record<LifecycleStageKey, Label>;

/** Lifecycle patterns (DOMAIN §3, §7.6). */
export const PATTERN_LABELS = {
  longTermRetention: { en: 'Long-term retention', zh: '长久保持型' },
  earlyExit: { en: 'Early exit', zh: '提前退出型' },
  midwayBreak: { en: 'Mid-way break', zh: '中途夭折型' },
  earlyAbort: { en: 'Early abort', zh: '早期流产型' },
  ongoing: { en: 'Ongoing', zh: '发展中' },
} as const satisfies Record<LifecyclePatternKey, Label>;

/** Value tiers (DOMAIN §4, §7.7). */
export const TIER_LABELS = {
  platinum: { en: 'Platinum', zh: '白金' },
  gold: { en: 'Gold', zh: '黄金' },
  iron: { en: 'Iron', zh: '铁质' },
  lead: { en: 'Lead', zh: '铅质' },
  A: { en: 'A', zh: 'A类' },
  B: { en: 'B', zh: 'B类' },
  C: { en: 'C', zh: 'C类' },
} as const satisfies Record<TierKey, Label>;

/** Picks the label text in a language. */
export function labelIn(label: Label, language: Language): string {
  return language === 'zh' ? label.zh : label.en;
}

/**
 * The label of a segment key: the user's rule's own label, else the built-in one, else the key itself.
 * @example
 * segmentLabel('champions', 'zh') // => '冠军客户'
 */
export function segmentLabel(key: string, language: Language, rules: readonly SegmentRule[] = []): string {
  const rule = rules.find((candidate) => candidate.key === key);
  if (rule?.label !== undefined) return labelIn(rule.label, language);
  if (Object.prototype.hasOwnProperty.call(SEGMENT_LABELS, key))
    return labelIn(SEGMENT_LABELS[key as SegmentKey], language);
  return key;
}
