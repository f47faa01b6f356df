import type { Language } from '../../core';
import { languageOfLocale } from '../../core';
import type { MessageKey } from './en';
import { en } from './en';
import { zhCN } from './zhCN';

/** The pane's two interface languages. */
export type UiLanguage = 'en' | 'zh-CN';

/** Looks up a message and fills `{name}` placeholders; the only way UI code gets text. Knows its language. */
export type Translate = ((key: MessageKey, values?: Record<string, string | number>) => string) & {
  readonly language: UiLanguage;
};

const TABLES: Record<UiLanguage, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };

/**
 * Builds `t` for one language. Placeholders with no value are left visible so a mistake shows.
 * @example
 * createTranslator('zh-CN')('run') // => '运行'
 */
export function createTranslator(language: UiLanguage): Translate {
  const table = TABLES[language];
  const t = (key: MessageKey, values?: Record<string, string | number>): string =>
    table[key].replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = values?.[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? value.toLocaleString(language) : value;
    });
  return Object.assign(t, { language });
}

/**
 * The pane language for an Office display language ("zh-CN", "zh-Hans-CN", "en-US"…).
 * @example
 * languageFromOffice('zh-CN') // => 'zh-CN'
 */
export function languageFromOffice(displayLanguage: string | undefined): UiLanguage {
  return uiLanguageOf(languageOfLocale(displayLanguage ?? ''));
}

/**
 * The pane language that writes labels in `language`, and back: the pane speaks "zh-CN" where core's labels say
 * "zh".
 * @example
 * uiLanguageOf('zh') // => 'zh-CN'
 */
export function uiLanguageOf(language: Language): UiLanguage {
  return language === 'zh' ? 'zh-CN' : 'en';
}

/**
 * The label language of a pane language.
 * @example
 * labelLanguageOf('zh-CN') // => 'zh'
 */
export function labelLanguageOf(language: UiLanguage): Language {
  return language === 'zh-CN' ? 'zh' : 'en';
}
