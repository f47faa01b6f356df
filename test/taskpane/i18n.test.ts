import { OPTION_RULES } from '../../src/core';
import { CHOICE_TEXT, choiceKey } from '../../src/taskpane/components/choiceOptions';
import { en } from '../../src/taskpane/i18n/en';
import { warningText } from '../../src/taskpane/i18n/warningText';
import { createTranslator, languageFromOffice } from '../../src/taskpane/i18n/translator';
import { zhCN } from '../../src/taskpane/i18n/zhCN';

describe('i18n', () => {
  test('the Chinese table has exactly the English keys, none empty', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of Object.entries(zhCN))
      expect({ key, empty: value.trim() === '' }).toEqual({ key, empty: false });
  });

  test('every placeholder of an English message is also in its Chinese message', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const placeholders = (text: string): string[] => (text.match(/\{\w+\}/g) ?? []).sort();
      expect({ key, placeholders: placeholders(zhCN[key]) }).toEqual({ key, placeholders: placeholders(en[key]) });
    }
  });

  test('t(key, values) fills placeholders and formats numbers for the language', () => {
    expect(createTranslator('en')('phase.reading', { done: 120000, total: 1048575 })).toBe(
      'Reading rows 120,000 of 1,048,575',
    );
    expect(createTranslator('zh-CN')('run')).toBe('运行');
  });

  test('languageFromOffice follows Office display language', () => {
    expect(languageFromOffice('zh-CN')).toBe('zh-CN');
    expect(languageFromOffice('zh-Hans-CN')).toBe('zh-CN');
    expect(languageFromOffice('en-US')).toBe('en');
    expect(languageFromOffice(undefined)).toBe('en');
  });

  test('every word of the choice options the pane offers (from core’s option table) has its words in both languages', () => {
    for (const name of Object.keys(CHOICE_TEXT) as (keyof typeof CHOICE_TEXT)[]) {
      for (const choice of OPTION_RULES[name].choices) {
        const key = choiceKey(name, choice as never);
        expect({ key, en: key in en, zh: key in zhCN }).toEqual({ key, en: true, zh: true });
      }
    }
  });

  test('engine warnings go through one function: the pane words the common ones itself, the catalogue the rest', () => {
    const zh = createTranslator('zh-CN');
    expect(
      warningText(zh, 'zh-CN', { code: 'scoreTies', params: { dimension: 'frequency', distinctValues: 2, bins: 5 } }),
    ).toBe(
      '购买频率只有 2 个不同的值，却要分为 5 个等级：并列的客户得分相同，有些分数用不到。减少评分等级数（在“更多选项”中）会有帮助。',
    );
    expect(warningText(createTranslator('en'), 'en', { code: 'nonPositiveValue', params: { customers: 3 } })).toBe(
      '3 customers have spent nothing or less after returns; they are kept and get the lowest spend score.',
    );
    // A warning the pane has no words of its own for comes from the catalogue, in the pane's language.
    expect(warningText(zh, 'zh-CN', { code: 'spendExcluded', params: { customers: 2 } })).toBe(
      '2 位平均消费 ≤ 0 的客户未纳入消费模型。',
    );
  });
});
