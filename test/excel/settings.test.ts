import { SETTINGS_KEY, loadRunSettings, saveRunSettings } from '../../src/excel';
import type { SavedRun } from '../../src/excel';
import { StandinRequestContext, StandinWorkbook, asExcelContext } from '../../src/standin';

describe('run settings', () => {
  test('saveRunSettings then loadRunSettings in a new session returns the same choices', async () => {
    const book = new StandinWorkbook();
    book.addSheet('Data');
    const saved: SavedRun = {
      version: 1,
      source: { kind: 'table', name: 'Sales' },
      mapping: { customer: 0, date: 1, amount: 3 },
      options: { bins: 4, tierScheme: 'abc', clv: { method: 'probabilistic', horizonMonths: 12 }, language: 'zh' },
    };
    await saveRunSettings(asExcelContext(new StandinRequestContext(book)), saved);
    expect(book.settings.has(SETTINGS_KEY)).toBe(true);
    const colleague = await loadRunSettings(asExcelContext(new StandinRequestContext(book)));
    expect(colleague).toEqual(saved);
  });

  test('loadRunSettings is null for a workbook without saved choices or with an unknown version', async () => {
    const book = new StandinWorkbook();
    book.addSheet('Data');
    expect(await loadRunSettings(asExcelContext(new StandinRequestContext(book)))).toBeNull();
    book.settings.set(SETTINGS_KEY, { version: 99 });
    expect(await loadRunSettings(asExcelContext(new StandinRequestContext(book)))).toBeNull();
  });
});
