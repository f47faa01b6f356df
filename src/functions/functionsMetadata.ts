import type { Language } from '../core';
import { FUNCTIONS_BY_ID } from './catalogue';
import { isOptionalArgument, type CustomFunction } from './runner';

/** One parameter of functions.json, in the shape Excel documents for hand-written custom function metadata. */
export interface ParameterMetadata {
  description: string;
  dimensionality?: 'matrix';
  name: string;
  optional?: true;
  type: 'any';
}

/** One function of functions.json. */
export interface FunctionMetadata {
  description: string;
  helpUrl: string;
  id: string;
  name: string;
  parameters: ParameterMetadata[];
  result: { dimensionality: 'matrix' } | { type: 'number' | 'string' };
}

export interface FunctionsMetadata {
  functions: FunctionMetadata[];
}

const REFERENCE_PAGE: Readonly<Record<Language, string>> = { en: 'functions.html', zh: 'functions.zh-CN.html' };

/** One function's metadata from its declaration: parameter order and optionality from its argument specs. */
function metadataOf(fn: CustomFunction, language: Language, docsUrl: string): FunctionMetadata {
  const { about, specs } = fn;
  return {
    description: about.description[language],
    helpUrl: `${docsUrl}${REFERENCE_PAGE[language]}#crm${about.id.toLowerCase()}`,
    id: about.id,
    name: about.id,
    parameters: Object.entries(specs).map(([name, spec]) => {
      const help = about.parameters[name];
      if (help === undefined) throw new Error(`${about.id}: parameter ${name} has no help text.`);
      return {
        description: help[language],
        ...(help.matrix === true ? { dimensionality: 'matrix' as const } : {}),
        name,
        ...(isOptionalArgument(spec) ? { optional: true as const } : {}),
        type: 'any' as const,
      };
    }),
    result: about.result === 'matrix' ? { dimensionality: 'matrix' } : { type: about.result },
  };
}

/**
 * functions.json (English) or functions.zh-CN.json (Chinese descriptions, same ids and parameters) built from the
 * declarations; help links point at the function reference under `docsUrl` (ending in "/"). The build writes
 * both, so the metadata, the registration and the code are one declaration.
 *
 * Cost O(functions × parameters).
 */
export function buildFunctionsMetadata(language: Language, docsUrl: string): FunctionsMetadata {
  return { functions: Object.values(FUNCTIONS_BY_ID).map((fn) => metadataOf(fn, language, docsUrl)) };
}
