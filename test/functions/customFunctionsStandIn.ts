/*
 * Test-only stand-in for the `CustomFunctions` global of Excel's custom-functions runtime: the Error class,
 * the ErrorCode values Excel uses, and an associate() that records what was registered. Used by the unit
 * tests (on the TypeScript source) and by the bundle test (dist/functions.js in a vm context).
 */

/** The error codes as Excel spells them (the values of CustomFunctions.ErrorCode). */
export const ERROR_CODES = Object.freeze({
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
  notSupported: '#BUSY!',
});

/** The stand-in global and what it recorded. */
export interface CustomFunctionsStandIn {
  Error: new (code: string, message?: string) => { code: string; message?: string };
  ErrorCode: typeof ERROR_CODES;
  associate: (idOrMappings: string | Record<string, unknown>, fn?: unknown) => void;
  associations: Map<string, unknown>;
}

/** Builds a fresh stand-in; install it as `CustomFunctions` on a global object or vm context. */
export function createCustomFunctionsStandIn(): CustomFunctionsStandIn {
  const associations = new Map<string, unknown>();
  class StandInError {
    readonly code: string;
    readonly message?: string;
    constructor(code: string, message?: string) {
      this.code = code;
      if (message !== undefined) this.message = message;
    }
  }
  return {
    Error: StandInError,
    ErrorCode: ERROR_CODES,
    associate(idOrMappings, fn) {
      if (typeof idOrMappings === 'string') associations.set(idOrMappings, fn);
      else for (const [id, mapped] of Object.entries(idOrMappings)) associations.set(id, mapped);
    },
    associations,
  };
}

/** Installs a fresh stand-in as the `CustomFunctions` global (for tests importing the TypeScript source). */
export function installCustomFunctionsStandIn(): CustomFunctionsStandIn {
  const standIn = createCustomFunctionsStandIn();
  (globalThis as Record<string, unknown>).CustomFunctions = standIn;
  return standIn;
}

/** The stand-in installed when this module is first imported: import it before the functions. */
export const standIn = installCustomFunctionsStandIn();

/** What a call threw, as Excel would show it: its code and message (fails the test when nothing was thrown). */
export function excelErrorOf(call: () => unknown): { code: string; message: string } {
  try {
    call();
  } catch (error) {
    const { code, message } = error as { code: string; message?: string };
    return { code, message: message ?? '' };
  }
  throw new Error('expected the call to throw an Excel error');
}
