import { DAYS_PER_UNIT } from '../dates';
import type { TimeUnit } from '../dates';
import { AnalyticsError } from '../errors';
import type { Horizon } from './types';

/**
 * Converts a horizon to the model's time unit (a month is 30.4375 days, a week 7; DOMAIN §7.1), so that a
 * weekly fit asked for "30 days" predicts 30/7 weeks and never 30 weeks.
 *
 * Cost: O(1).
 * @throws AnalyticsError `OUT_OF_RANGE` for a negative or non-finite horizon, `BAD_ARGUMENT` for an unknown unit.
 * @example
 * horizonInUnits({ value: 14, unit: 'days' }, 'weeks'); // => 2
 */
export function horizonInUnits(horizon: Horizon, modelUnit: TimeUnit): number {
  const from = DAYS_PER_UNIT[horizon.unit];
  const to = DAYS_PER_UNIT[modelUnit];
  if (from === undefined || to === undefined) {
    throw new AnalyticsError(
      'BAD_ARGUMENT',
      `Unknown time unit "${String(horizon.unit)}"; use days, weeks or months.`,
      {
        argument: 'unit',
      },
    );
  }
  if (!Number.isFinite(horizon.value) || horizon.value < 0) {
    throw new AnalyticsError('OUT_OF_RANGE', `The horizon must be a number ≥ 0, got ${horizon.value}.`, {
      argument: 'horizon',
    });
  }
  return (horizon.value * from) / to;
}
