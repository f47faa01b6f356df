import { AnalyticsError, languageOfLocale } from '../core';
import type { Language } from '../core';
import { describeCell, isBlank } from './coerce';

/**
 * The display language of Office when the runtime exposes it (`Office.context.displayLanguage`, e.g. `zh-CN`),
 * else null. Guarded so the functions load in a runtime with no Office and no DOM.
 */
export function runtimeLanguage(): Language | null {
  if (typeof Office === 'undefined') return null;
  const context: { displayLanguage?: unknown } | undefined = (Office as { context?: { displayLanguage?: unknown } })
    .context;
  const display = context?.displayLanguage;
  if (typeof display !== 'string' || display === '') return null;
  return languageOfLocale(display);
}

/**
 * The language of labels: the `language` argument (`"en"`, `"zh"`, `"zh-CN"`, `"中文"`), else the runtime's
 * display language, else English.
 *
 * @throws AnalyticsError BAD_ARGUMENT for another value.
 * @example
 * resolveLanguage('zh-CN') // => 'zh'
 */
export function resolveLanguage(value: unknown, name = 'language'): Language {
  if (isBlank(value)) return runtimeLanguage() ?? 'en';
  const text = typeof value === 'string' ? value.trim().toLowerCase() : '';
  if (text === 'en' || text.startsWith('en-') || text === 'english') return 'en';
  if (text === 'zh' || text.startsWith('zh-') || text === 'cn' || text === '中文' || text === 'chinese') return 'zh';
  throw new AnalyticsError('BAD_ARGUMENT', `${name} must be "en" or "zh", got ${describeCell(value)}.`, {
    argument: name,
  });
}
