import type { CoreWarning, WarningCode, WarningParams } from '../../src/core';
import { AnalyticsError, segmentCustomers } from '../../src/core';
import { describeFailure, describeSkipped, describeWarning } from '../../src/messages/coreMessages';

// One sample per code; the type makes a code added to core without a sample fail to compile here.
const SAMPLES: { [Code in WarningCode]: WarningParams[Code] } = {
  hessianNotPositiveDefinite: {},
  oneTimeBuyersAlive: { customers: 12 },
  nearNbdLimit: { meanDropout: 0.0004, limits: ['a → 0'] },
  fitBudgetExhausted: { evaluations: 400 },
  fitStoppedEarly: {},
  predictionsNotConverged: { model: 'pareto' },
  spendCorrelated: { correlation: 0.42 },
  spendExcluded: { customers: 3 },
  meanSpendUndefined: {},
  spendHardlyVaries: { penalty: 0.001 },
  scoreTies: { dimension: 'frequency', distinctValues: 2, bins: 5 },
  matrixWithHistoricClv: {},
  ordersOnSeveralDays: { orders: 7 },
  asOfAfterData: { asOfDay: 19725, lastPurchaseDay: 19700, days: 25 },
  nonPositiveValue: { customers: 4 },
  summaryWithoutLifecycle: {},
  summaryWithoutPattern: {},
};
const warnings = Object.entries(SAMPLES).map(([code, params]) => ({ code, params }) as CoreWarning);

// Two English words in a row: a sentence left untranslated. Model and column names (BG/NBD, tenure_days) are
// single tokens and allowed.
const ENGLISH_PHRASE = /\b[A-Za-z]{2,}\s+[A-Za-z]{2,}\b/;

describe('the message catalogue of core warnings', () => {
  test.each(warnings.map((warning) => [warning.code, warning] as const))(
    '%s reads as a sentence in English and has no English phrase in Chinese',
    (_code, warning) => {
      const english = describeWarning(warning, 'en');
      const chinese = describeWarning(warning, 'zh');
      expect(english).toMatch(/^[A-Za-z0-9q].*[.)]$/);
      expect(chinese).toMatch(/[\u4e00-\u9fff]/);
      expect(chinese).not.toMatch(ENGLISH_PHRASE);
    },
  );
  test('numbers and dates from the parameters appear in both languages', () => {
    const asOf = { code: 'asOfAfterData', params: SAMPLES.asOfAfterData } as const;
    for (const language of ['en', 'zh'] as const) {
      const sentence = describeWarning(asOf, language);
      expect(sentence).toContain('2024-01-03'); // day 19725
      expect(sentence).toContain('2023-12-09'); // day 19700
      expect(sentence).toContain('25');
    }
  });
});

describe('skip reports', () => {
  const skipped = {
    total: 3,
    reasons: {
      badDate: { count: 2, firstRows: [4, 9], firstValue: '03/04/2024' },
      errorValue: { count: 1, firstRows: [12] },
    },
  };
  test('English keeps the wording the CLI has always printed', () => {
    expect(describeSkipped(skipped, 'en')).toBe(
      "3 rows skipped: bad date 2 (first at rows 4, 9, the first is '03/04/2024'; dates must be yyyy-mm-dd " +
        '[hh:mm[:ss]], yyyy/m/d, yyyy年m月d日, yyyymmdd or a date cell); Excel error value (#N/A, #REF! …) 1 ' +
        '(first at row 12).',
    );
  });
  test('Chinese names every reason, row and first value, with no English phrase', () => {
    const chinese = describeSkipped(skipped, 'zh');
    expect(chinese).toContain('跳过了 3 行');
    expect(chinese).toContain('日期无效 2 行');
    expect(chinese).toContain('第 4、9 行');
    expect(chinese).toContain('“03/04/2024”');
    expect(chinese).not.toMatch(ENGLISH_PHRASE);
  });
  test('a run where every row is skipped is worded from the skip report carried by the error', () => {
    let failure: unknown;
    try {
      segmentCustomers({ customer: ['a'], date: ['soon'], amount: [1] });
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(AnalyticsError);
    expect(describeFailure(failure, 'zh')).toBe(
      '没有可用的交易：跳过了 1 行：日期无效 1 行（首次出现在第 1 行，第一个是“soon”；日期须为 ' +
        'yyyy-mm-dd [hh:mm[:ss]]、yyyy/m/d、yyyy年m月d日、yyyymmdd 或日期单元格）。',
    );
    expect(describeFailure(new AnalyticsError('BAD_ARGUMENT', 'bins must be…'), 'zh')).toBe('bins must be…');
  });
});
