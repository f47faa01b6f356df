/*
 * Calls into the production bundle (dist/functions.js) as Excel would, for the reliability tests of the custom
 * functions: one loaded bundle per test file, Excel-shaped arguments (ranges as 2-D arrays, omitted = null).
 */
import { loadFunctionsBundle } from '../loadFunctionsBundle';

const bundle = loadFunctionsBundle();

/** Calls a registered function by id. */
export function call(id: string, ...args: unknown[]): unknown {
  const fn = bundle.functions.get(id);
  if (fn === undefined) throw new Error(`${id} is not registered`);
  return fn(...args);
}

/** The Excel error a call threw (fails the test when it returned). */
export function errorOf(id: string, ...args: unknown[]): { code: string; message: string } {
  try {
    call(id, ...args);
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error(`${id} did not throw`);
}

/** A column range as Excel passes it. */
export const col = (values: readonly unknown[]): unknown[][] => values.map((value) => [value]);

/** An error cell inside a range, as Excel hands it to a custom function (a CustomFunctions.Error). */
export const errorCell = (code: string): unknown => new bundle.standIn.Error(code);

/** Excel serial of an ISO date (1900 system). */
export const serial = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000 + 25_569;
