import type { MessageKey } from './en';
import type { Translate } from './translator';

/**
 * The one place the pane turns an engine warning into text, so that swapping core's English strings for
 * { code, params } and a bilingual catalogue changes this function only. Until then the warnings the pane's
 * runs can give are recognised by their fixed wording and said in the pane's language; an unknown one is
 * shown as core wrote it.
 * @example
 * warningText(createTranslator('zh-CN'), 'frequency has 1 distinct value for 5 bins: every customer ties on it and gets score 5.')
 * // '购买频率只有 1 个不同的值，却要分为 5 个等级：…'
 */
export function warningText(
  t: Translate,
  warning: string | { code: string; params?: Record<string, string | number> },
): string {
  if (typeof warning !== 'string') return warning.code;
  for (const [pattern, key, names] of PATTERNS) {
    const match = pattern.exec(warning);
    if (match === null) continue;
    const values: Record<string, string | number> = {};
    names.forEach((name, index) => {
      const text = match[index + 1] ?? '';
      values[name] =
        name === 'dimension' ? t(`dimension.${text}` as MessageKey) : /^\d+$/.test(text) ? Number(text) : text;
    });
    return t(key, values);
  }
  return warning;
}

const PATTERNS: readonly (readonly [RegExp, MessageKey, readonly string[]])[] = [
  [
    /^(recency|frequency|monetary) has 1 distinct value for (\d+) bins: every customer ties on it and gets score \d+\.$/,
    'warning.oneValue',
    ['dimension', 'bins'],
  ],
  [
    /^(recency|frequency|monetary) has (\d+) distinct values for (\d+) bins: tied customers share a score and some scores are not used\.$/,
    'warning.fewValues',
    ['dimension', 'values', 'bins'],
  ],
  [
    /^The as-of date (\S+) is (\d+) days after the last purchase in the data \((\S+)\): /,
    'warning.asOfGap',
    ['asOf', 'days', 'last'],
  ],
  [/^(\d+) customers have a net value ≤ 0 after returns; /, 'warning.negativeValue', ['count']],
  [/^(\d+) order ids appear on more than one day; /, 'warning.ordersOnSeveralDays', ['count']],
];
