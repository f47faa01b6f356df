import fc from 'fast-check';
import { lifecycleStageAt, lifecycleStageFromPeriods, resolveLifecycleOptions } from '../../src/core';

test('worked example: 100 in each of the three periods before the latest, 20 in the latest → decline', () => {
  expect(
    lifecycleStageFromPeriods({ recencyDays: 5, tenureDays: 400, occasions: 9, periodNet: [20, 100, 100, 100] }),
  ).toBe('decline');
  // 75 ≥ 0.7 × 100 is held; 130 > 1.2 × 100 is rising; with a baseline of 0 any positive latest is rising.
  expect(
    lifecycleStageFromPeriods({ recencyDays: 5, tenureDays: 400, occasions: 9, periodNet: [75, 100, 100, 100] }),
  ).toBe('stability');
  expect(
    lifecycleStageFromPeriods({ recencyDays: 5, tenureDays: 400, occasions: 9, periodNet: [130, 100, 100, 100] }),
  ).toBe('formation');
  expect(
    lifecycleStageFromPeriods({ recencyDays: 5, tenureDays: 120, occasions: 9, periodNet: [5, 0, 999, 999] }),
  ).toBe('formation');
  expect(lifecycleStageFromPeriods({ recencyDays: 366, tenureDays: 800, occasions: 9, periodNet: [0, 0, 0, 0] })).toBe(
    'lost',
  );
  expect(lifecycleStageFromPeriods({ recencyDays: 5, tenureDays: 400, occasions: 2, periodNet: [0, 0, 0, 0] })).toBe(
    'exploration',
  );
});

test('from period sums it gives the stage lifecycleStageAt finds in the purchase groups themselves', () => {
  const group = fc.record({ day: fc.integer({ min: 0, max: 900 }), cents: fc.integer({ min: -5000, max: 30000 }) });
  fc.assert(
    fc.property(
      fc.array(group, { minLength: 1, maxLength: 40 }),
      fc.integer({ min: 0, max: 1000 }),
      fc.constantFrom(30, 90),
      fc.integer({ min: 1, max: 4 }),
      (groups, asOf, periodDays, minOccasions) => {
        const options = resolveLifecycleOptions({ periodDays, minOccasions });
        const sorted = [...groups].sort((left, right) => left.day - right.day);
        const history = { days: sorted.map((g) => g.day), amounts: sorted.map((g) => g.cents / 100) };
        const expected = lifecycleStageAt(history, asOf, options);
        // The summary's facts, computed straight from the groups on or before the as-of day.
        const upTo = sorted.filter((g) => g.day <= asOf);
        const occasions = upTo.filter((g) => g.cents >= 0);
        if (occasions.length === 0) return expected === null;
        const periodNet = [0, 1, 2, 3].map((k) =>
          upTo.filter((g) => Math.floor((asOf - g.day) / periodDays) === k).reduce((sum, g) => sum + g.cents / 100, 0),
        );
        const facts = {
          recencyDays: asOf - Math.max(...occasions.map((g) => g.day)),
          tenureDays: asOf - Math.min(...occasions.map((g) => g.day)),
          occasions: occasions.length,
          periodNet,
        };
        return lifecycleStageFromPeriods(facts, options) === expected;
      },
    ),
    { numRuns: 500, seed: 16 },
  );
});
