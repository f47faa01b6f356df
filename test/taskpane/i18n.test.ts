import { en } from '../../src/taskpane/i18n/en';
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
});
