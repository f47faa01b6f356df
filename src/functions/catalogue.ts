import * as cohorts from './cohortFunctions';
import * as library from './library';
import type { CustomFunction } from './runner';

function isCustomFunction(value: unknown): value is CustomFunction {
  return typeof value === 'function' && 'about' in value;
}

/**
 * Every CRM function by its id: whatever library.ts and cohortFunctions.ts declare with defineFunction, so a new
 * function is registered and described by being declared. Built once when the bundle loads.
 * @throws Error when two declarations share an id.
 */
export const FUNCTIONS_BY_ID: Readonly<Record<string, CustomFunction>> = (() => {
  const byId: Record<string, CustomFunction> = {};
  for (const value of [...Object.values(library), ...Object.values(cohorts)]) {
    if (!isCustomFunction(value)) continue;
    if (byId[value.about.id] !== undefined) throw new Error(`Two custom functions have the id ${value.about.id}.`);
    byId[value.about.id] = value;
  }
  return Object.freeze(byId);
})();
