import { AnalyticsError } from '../src/core/errors';

/** The AnalyticsError that `run` throws; fails the test when it throws nothing or something else. */
export function errorOf(run: () => unknown): AnalyticsError {
  try {
    run();
  } catch (error) {
    if (error instanceof AnalyticsError) return error;
    throw error;
  }
  throw new Error('expected an AnalyticsError');
}

/** The code of the AnalyticsError `action` throws, 'not an AnalyticsError' for another error, undefined for none. */
export function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    return error instanceof AnalyticsError ? error.code : 'not an AnalyticsError';
  }
  return undefined;
}
