import { DEFAULT_FORM_OPTIONS } from '../../src/taskpane/state/formOptions';
import { mappingProblems } from '../../src/taskpane/state/mappingProblems';
import { fromSegmentOptions, toSegmentOptions } from '../../src/taskpane/state/toSegmentOptions';
import { buildTransactionInput } from '../../src/taskpane/run/buildTransactionInput';
import { isDarkBackground } from '../../src/taskpane/officeTheme';
import { runSummary } from '../../src/taskpane/state/runSummary';
import { FITTED_HOLDOUT, probabilisticResult, sampleResult } from '../excel/fixtures';

describe('option handling', () => {
  test('toSegmentOptions(defaults) leaves as-of to core and uses historic CLV', () => {
    expect(toSegmentOptions(DEFAULT_FORM_OPTIONS)).toEqual({
      tierScheme: 'pyramid',
      segmentMap: 'default',
      bins: 5,
      lifecycle: { periodDays: 90, churnDays: 365 },
      clv: { method: 'historic' },
      language: 'en',
    });
  });

  test('toSegmentOptions passes only the chosen CLV method’s parameters', () => {
    const options = toSegmentOptions({
      ...DEFAULT_FORM_OPTIONS,
      asOf: ' 1998-07-01 ',
      clvMethod: 'probabilistic',
      horizonMonths: '24',
    });
    expect(options.asOf).toBe('1998-07-01');
    expect(options.clv).toEqual({
      method: 'probabilistic',
      horizonMonths: 24,
      monthlyDiscount: 0.01,
      margin: 1,
      holdoutWeeks: 'auto',
    });
    expect(toSegmentOptions({ ...DEFAULT_FORM_OPTIONS, clvMethod: 'retention' }).clv).not.toHaveProperty(
      'holdoutWeeks',
    );
  });

  test('the probabilistic method always asks for the holdout check: blank is auto, a typed number is sent as a number', () => {
    const probabilistic = { ...DEFAULT_FORM_OPTIONS, clvMethod: 'probabilistic' as const };
    expect(DEFAULT_FORM_OPTIONS.holdoutWeeks).toBe('');
    expect(toSegmentOptions({ ...probabilistic, holdoutWeeks: ' ' }).clv).toMatchObject({ holdoutWeeks: 'auto' });
    expect(toSegmentOptions({ ...probabilistic, holdoutWeeks: '13' }).clv).toMatchObject({ holdoutWeeks: 13 });
    // Core validates the value and names it (OUT_OF_RANGE for 0 or 2.5), as for every other option.
    expect(toSegmentOptions({ ...probabilistic, holdoutWeeks: '2.5' }).clv).toMatchObject({ holdoutWeeks: 2.5 });
    const form = { ...probabilistic, holdoutWeeks: '13', horizonMonths: '24' };
    expect(fromSegmentOptions(toSegmentOptions(form), DEFAULT_FORM_OPTIONS)).toEqual(form);
    expect(fromSegmentOptions(toSegmentOptions(probabilistic), DEFAULT_FORM_OPTIONS)).toEqual(probabilistic);
  });

  test('runSummary passes the holdout check through: totals when fitted, the reason when not', () => {
    const result = probabilisticResult(3, FITTED_HOLDOUT);
    const sheets = { segmentsSheet: 'S', summarySheet: 'T' };
    expect(runSummary(result, sheets).holdout).toEqual({
      status: 'fitted',
      calibrationEnd: '1997-09-30',
      weeks: 39,
      actual: 1788,
      predicted: 1900,
    });
    const skipped = probabilisticResult(3, {
      calibrationEnd: '1998-04-22',
      holdoutEnd: '1998-07-01',
      holdoutWeeks: 10,
      status: 'skipped',
      reason: 'holdoutEmpty',
      detail: 'nobody',
    });
    expect(runSummary(skipped, sheets).holdout).toEqual({
      status: 'skipped',
      calibrationEnd: '1998-04-22',
      weeks: 10,
      reason: 'holdoutEmpty',
    });
    expect(runSummary(sampleResult(3), sheets)).not.toHaveProperty('holdout');
  });

  test('fromSegmentOptions(toSegmentOptions(form)) gives the form back', () => {
    const form = {
      ...DEFAULT_FORM_OPTIONS,
      asOf: '1998-01-01',
      clvMethod: 'retention' as const,
      retention: '60',
      discount: '20',
      bins: '4',
    };
    expect(fromSegmentOptions(toSegmentOptions(form), DEFAULT_FORM_OPTIONS)).toEqual(form);
  });

  test('mappingProblems names what is missing before anything runs', () => {
    expect(mappingProblems({})).toEqual(['problem.customer', 'problem.date', 'problem.amount']);
    expect(mappingProblems({ customer: 0, date: 1, quantity: 2 })).toEqual(['problem.amount']);
    expect(mappingProblems({ customer: 0, date: 1, quantity: 2, unitPrice: 3 })).toEqual([]);
  });

  test('buildTransactionInput slices the mapped columns and keeps sheet row numbers', () => {
    const rows = [
      ['00001', 35431, 1, 11.77],
      ['00002', 35442, 5, 77],
    ];
    const frozen = Object.freeze(rows.map((row) => Object.freeze(row)));
    expect(buildTransactionInput(frozen, { customer: 0, date: 1, quantity: 2, amount: 3 }, 5, '1904')).toEqual({
      customer: ['00001', '00002'],
      date: [35431, 35442],
      quantity: [1, 5],
      amount: [11.77, 77],
      firstRowNumber: 5,
      dateSystem: '1904',
    });
  });

  test('isDarkBackground tells Office dark themes from light ones', () => {
    expect(isDarkBackground('#262626')).toBe(true);
    expect(isDarkBackground('#FFFFFF')).toBe(false);
    expect(isDarkBackground(undefined)).toBe(false);
  });
});
