/** The two languages of every user-facing label. */
export type Language = 'en' | 'zh';

/** A user-facing label in both languages (the user's own segment rules carry one). */
export interface Label {
  en: string;
  zh: string;
}

/*
 * The keys core hands out for segments, lifecycle stages and patterns and value tiers. Their words, in English
 * and Chinese, are in the message catalogue (src/messages/labels.ts): core has no labels of its own.
 */

/** The RFM segments (DOMAIN §7.4) and the `rfm` grid's extra segments, in report order. */
export const SEGMENT_KEYS = [
  'champions',
  'loyalCustomers',
  'potentialLoyalists',
  'newCustomers',
  'promising',
  'needAttention',
  'aboutToSleep',
  'atRisk',
  'cantLoseThem',
  'hibernating',
  'lost',
  'others',
] as const;

/** A built-in segment key. */
export type SegmentKey = (typeof SEGMENT_KEYS)[number];

/** Lifecycle stages (DOMAIN §3, §7.6), in order. */
export const STAGE_KEYS = ['exploration', 'formation', 'stability', 'decline', 'lost'] as const;

/** A lifecycle stage. */
export type LifecycleStageKey = (typeof STAGE_KEYS)[number];

/** Lifecycle patterns (DOMAIN §3, §7.6). */
export const PATTERN_KEYS = ['longTermRetention', 'earlyExit', 'midwayBreak', 'earlyAbort', 'ongoing'] as const;

/** A lifecycle pattern. */
export type LifecyclePatternKey = (typeof PATTERN_KEYS)[number];

/** Value tiers (DOMAIN §4, §7.7): pyramid and value matrix share the four metals; ABC has its classes. */
export const TIER_KEYS = ['platinum', 'gold', 'iron', 'lead', 'A', 'B', 'C'] as const;

/** A value tier or ABC class. */
export type TierKey = (typeof TIER_KEYS)[number];

/**
 * The label language of a locale or display language ("zh-CN", "zh-Hans-CN", "en-US"…): Chinese for any "zh"
 * locale, else English. The one place where a locale becomes one of the two label languages.
 * @example
 * languageOfLocale('zh-Hans-CN') // => 'zh'
 */
export function languageOfLocale(locale: string): Language {
  return locale.trim().toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
