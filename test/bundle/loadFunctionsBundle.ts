/*
 * Loads the production custom-functions bundle (dist/functions.js) the way Excel's JavaScript-only runtime
 * would: in a fresh vm context with no DOM, no Office and only the CustomFunctions stand-in, and returns
 * what it registered. Shared by the bundle test and bench/functions.bench.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { createCustomFunctionsStandIn } from '../functions/customFunctionsStandIn';
import type { CustomFunctionsStandIn } from '../functions/customFunctionsStandIn';

/** The project's dist/ folder (override with FUNCTIONS_DIST for a build elsewhere). */
export const DIST_DIR = process.env.FUNCTIONS_DIST ?? path.join(__dirname, '../../dist');

/** The registered functions of the bundle by id, and the stand-in they were registered with. */
export interface LoadedBundle {
  functions: Map<string, (...args: unknown[]) => unknown>;
  standIn: CustomFunctionsStandIn;
  context: vm.Context;
}

/** Runs dist/functions.js in a context with only CustomFunctions and console, and collects associate calls. */
export function loadFunctionsBundle(distDir: string = DIST_DIR): LoadedBundle {
  const code = readFileSync(path.join(distDir, 'functions.js'), 'utf8');
  const standIn = createCustomFunctionsStandIn();
  const context = vm.createContext({ CustomFunctions: standIn, console });
  vm.runInContext(code, context, { filename: 'functions.js' });
  const functions = new Map<string, (...args: unknown[]) => unknown>();
  for (const [id, fn] of standIn.associations) {
    if (typeof fn === 'function') functions.set(id, fn as (...args: unknown[]) => unknown);
  }
  return { functions, standIn, context };
}
