import {
  AnalyticsError,
  checkChoiceOption,
  checkNumberOption,
  describeNumberRule,
  OPTION_RULES,
  oneOf,
  resolveLifecycleOptions,
  resolveSegmentOptions,
  satisfiesNumberRule,
} from '../../src/core';

describe('the option table', () => {
  test('describeNumberRule(rule) words every kind of bound', () => {
    expect(describeNumberRule(OPTION_RULES.bins)).toBe('a whole number from 2 to 10');
    expect(describeNumberRule(OPTION_RULES.monthlyDiscount)).toBe('a rate above −1');
    expect(describeNumberRule(OPTION_RULES.retention)).toBe('a number above 0 and at most 1');
    expect(describeNumberRule(OPTION_RULES.periodDays)).toBe('a whole number at least 1');
    expect(describeNumberRule({ kind: 'number', below: 5 })).toBe('a number below 5');
    expect(describeNumberRule({ kind: 'number' })).toBe('a number');
  });

  test('satisfiesNumberRule(rule, value) refuses NaN, infinities, fractions of whole numbers and each bound', () => {
    const rule = OPTION_RULES.bins;
    expect([2, 5, 10].every((value) => satisfiesNumberRule(rule, value))).toBe(true);
    expect([1, 11, 2.5, Number.NaN, Infinity].some((value) => satisfiesNumberRule(rule, value))).toBe(false);
    expect(satisfiesNumberRule(OPTION_RULES.monthlyDiscount, -1)).toBe(false);
    expect(satisfiesNumberRule(OPTION_RULES.monthlyDiscount, -0.99)).toBe(true);
  });

  test('checkNumberOption names the option as the entry point shows it and quotes what was typed', () => {
    expect(() => checkNumberOption('bins', 12, '--bins', '12')).toThrow(
      '--bins must be a whole number from 2 to 10, got 12.',
    );
    expect(() => checkNumberOption('margin', 30)).toThrow(AnalyticsError);
    expect(checkNumberOption('margin', 0.3)).toBe(0.3);
  });

  test('oneOf and checkChoiceOption list the accepted words and give the default for undefined', () => {
    expect(() => oneOf('unit', 'years', OPTION_RULES.unit.choices)).toThrow(
      'unit must be days, weeks or months, got years.',
    );
    expect(() => oneOf('language', 'fr', OPTION_RULES.language.choices)).toThrow('language must be en or zh, got fr.');
    expect(checkChoiceOption('tierScheme', undefined)).toBe('pyramid');
    expect(checkChoiceOption('model', 'pareto')).toBe('pareto');
  });

  test('resolveSegmentOptions fills every default from the table, so the resolved copy has nothing left to guess', () => {
    const resolved = resolveSegmentOptions({ clv: { method: 'probabilistic' } }, undefined);
    expect(resolved).toEqual({
      unit: OPTION_RULES.unit.default,
      bins: OPTION_RULES.bins.default,
      segmentMap: OPTION_RULES.segmentMap.default,
      tierScheme: OPTION_RULES.tierScheme.default,
      lifecycle: resolveLifecycleOptions(),
      clv: {
        method: 'probabilistic',
        horizonMonths: OPTION_RULES.horizonMonths.default,
        monthlyDiscount: OPTION_RULES.monthlyDiscount.default,
        margin: OPTION_RULES.margin.default,
        model: OPTION_RULES.model.default,
      },
      language: OPTION_RULES.language.default,
    });
    // The DOMAIN §7.6 defaults, written here independently of the table.
    expect(resolveLifecycleOptions()).toEqual({
      periodDays: 90,
      churnDays: 365,
      declineThreshold: 0.3,
      growthThreshold: 0.2,
      minOccasions: 3,
    });
  });

  test('a bound of the table is enforced by core whichever door the option comes in by', () => {
    expect(() => resolveSegmentOptions({ bins: 11 }, undefined)).toThrow('bins must be a whole number from 2 to 10');
    expect(() => resolveSegmentOptions({ lifecycle: { periodDays: 0.5 } }, undefined)).toThrow(
      'lifecycle.periodDays must be a whole number at least 1, got 0.5.',
    );
    expect(() => resolveSegmentOptions({ clv: { method: 'probabilistic', margin: 1.2 } }, undefined)).toThrow(
      'margin must be a fraction from 0 to 1, got 1.2.',
    );
  });
});
