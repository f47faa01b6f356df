import { AnalyticsError, describeNumberRule, satisfiesNumberRule } from '../core';
import type { Language } from '../core';
import { cellDate, cellNumber, cellRate, cellsOf, describeCell, isBlank, numbersOf, scalarOf } from './coerce';
import { toExcelError } from './excelError';
import { resolveLanguage } from './language';

/** A number argument with its bounds; `above`/`below` are exclusive, `min`/`max` inclusive. */
export interface NumberSpec {
  kind: 'number';
  optional?: boolean;
  default?: number;
  min?: number;
  max?: number;
  above?: number;
  below?: number;
  integer?: boolean;
  /** What the value is, when "a number" says too little (from core's option rules). */
  noun?: string;
  /** How the bound reads in a message, e.g. "> −100 %". */
  bounds?: string;
  /** A rate or share (10% or 0.1): a text with a currency sign is refused. */
  rate?: boolean;
}
/** A range of numbers read row by row, blanks skipped. */
export interface NumbersSpec {
  kind: 'numbers';
  optional?: boolean;
}
/** A column kept cell for cell (blanks as null), for columns that must line up with others. */
export interface ColumnSpec {
  kind: 'column';
  optional?: boolean;
}
/** A date: serial, date cell or text. */
export interface DateSpec {
  kind: 'date';
  optional?: boolean;
}
/** A text (a number is read as its text), e.g. a customer id. */
export interface TextSpec {
  kind: 'text';
  optional?: boolean;
}
/** One of a few words, matched without regard to case; without a default, omitted gives null (optional). */
export type ChoiceSpec<C extends string = string> =
  { kind: 'choice'; choices: readonly C[]; default: C } | { kind: 'choice'; choices: readonly C[]; optional: true };
/** The label language: "en" or "zh"; omitted = the runtime's display language, else English. */
export interface LanguageSpec {
  kind: 'language';
}
/** Anything, passed through unchanged (a function that accepts a value or a range decides itself). */
export interface RawSpec {
  kind: 'raw';
  /** Excel may omit it (the body handles null). */
  optional?: true;
}

/** The declaration of one argument of a custom function. */
export type ArgumentSpec =
  NumberSpec | NumbersSpec | ColumnSpec | DateSpec | TextSpec | ChoiceSpec | LanguageSpec | RawSpec;

type BaseValue<S> = S extends NumberSpec
  ? number
  : S extends NumbersSpec
    ? number[]
    : S extends ColumnSpec
      ? unknown[]
      : S extends DateSpec
        ? number
        : S extends TextSpec
          ? string
          : S extends { kind: 'choice'; choices: readonly (infer C)[] }
            ? C
            : S extends LanguageSpec
              ? Language
              : unknown;

/** The value a body receives for an argument: null only for an optional argument without a default. */
export type ArgumentValue<S> = S extends { default: unknown }
  ? BaseValue<S>
  : S extends { optional: true }
    ? BaseValue<S> | null
    : BaseValue<S>;

/** The coerced arguments of a function, by name. */
export type ArgumentValues<A extends Record<string, ArgumentSpec>> = { [K in keyof A]: ArgumentValue<A[K]> };

// Bounds are checked and worded by core's option rules, so a function, the CLI and the pane say the same.
function checkNumber(name: string, spec: NumberSpec, value: number): number {
  if (!satisfiesNumberRule(spec, value)) {
    const bounds = spec.bounds ?? describeNumberRule(spec);
    throw new AnalyticsError('OUT_OF_RANGE', `${name} must be ${bounds}, got ${value}.`, { argument: name });
  }
  return value;
}

function missing(name: string): AnalyticsError {
  return new AnalyticsError('BAD_ARGUMENT', `${name} is required.`, { argument: name });
}

/**
 * Coerces one Excel argument by its spec: omitted (null or undefined) → the default, or null when optional.
 *
 * @throws AnalyticsError BAD_ARGUMENT / BAD_NUMBER / BAD_DATE / OUT_OF_RANGE naming the argument.
 */
export function coerceArgument(name: string, spec: ArgumentSpec, raw: unknown): unknown {
  switch (spec.kind) {
    case 'number': {
      const cell = scalarOf(raw, name);
      const number = spec.rate === true ? cellRate(cell, name) : cellNumber(cell, name);
      if (number === null) {
        if (spec.default !== undefined) return spec.default;
        if (spec.optional === true) return null;
        throw missing(name);
      }
      return checkNumber(name, spec, number);
    }
    case 'numbers': {
      if (isBlank(raw)) {
        if (spec.optional === true) return null;
        throw missing(name);
      }
      return numbersOf(raw, name);
    }
    case 'column': {
      if (isBlank(raw)) {
        if (spec.optional === true) return null;
        throw missing(name);
      }
      return cellsOf(raw);
    }
    case 'date': {
      const day = cellDate(scalarOf(raw, name), name);
      if (day === null && spec.optional !== true) throw missing(name);
      return day;
    }
    case 'text': {
      const cell = scalarOf(raw, name);
      if (isBlank(cell)) {
        if (spec.optional === true) return null;
        throw missing(name);
      }
      if (typeof cell === 'string') return cell.trim();
      if (typeof cell === 'number') return String(cell);
      throw new AnalyticsError('BAD_ARGUMENT', `${name} must be a text, got ${describeCell(cell)}.`, {
        argument: name,
      });
    }
    case 'choice': {
      const cell = scalarOf(raw, name);
      if (isBlank(cell)) return 'default' in spec ? spec.default : null;
      const text = String(cell).trim().toLowerCase();
      const match = spec.choices.find((choice) => choice.toLowerCase() === text);
      if (match === undefined) {
        const list = spec.choices.map((choice) => `"${choice}"`).join(', ');
        throw new AnalyticsError('BAD_ARGUMENT', `${name} must be one of ${list}, got ${describeCell(cell)}.`, {
          argument: name,
        });
      }
      return match;
    }
    case 'language':
      return resolveLanguage(scalarOf(raw, name), name);
    case 'raw':
      return raw;
  }
}

/**
 * Checks a result before it goes to Excel: a number must be finite, and blank cells of a spill become `""`
 * (Excel shows null as 0).
 *
 * @throws AnalyticsError BAD_NUMBER for NaN or ±Infinity, so a wrong number is never shown silently.
 */
export function checkResult<R>(result: R): R {
  if (typeof result === 'number' && !Number.isFinite(result)) {
    throw new AnalyticsError('BAD_NUMBER', `The result is not a finite number (${result}); check the arguments.`);
  }
  if (Array.isArray(result)) {
    for (const row of result as unknown[]) {
      if (!Array.isArray(row)) continue;
      const cells = row as unknown[];
      for (let index = 0; index < cells.length; index++) {
        const cell = cells[index];
        if (cell === null || cell === undefined) cells[index] = '';
        else if (typeof cell === 'number' && !Number.isFinite(cell)) {
          throw new AnalyticsError('BAD_NUMBER', `A result cell is not a finite number (${cell}).`);
        }
      }
    }
  }
  return result;
}

/** A text in both languages of the add-in. */
export interface Bilingual {
  en: string;
  zh: string;
}

/** A parameter's help in both languages; `matrix` when Excel should pass a range. */
export type ParameterHelp = Bilingual & { matrix?: true };

/**
 * What Excel shows of a custom function: its id (CRM.<id>), its description and each parameter's, in English
 * and Chinese, and the shape of its result. Parameter order and optionality come from the argument specs, so
 * functions.json cannot drift from the code.
 */
export interface FunctionAbout<Name extends string = string> {
  id: string;
  description: Bilingual;
  /** A single number or text, or a spilled range. */
  result: 'number' | 'string' | 'matrix';
  /** Per parameter, in the specs' order: its help, and `matrix` when Excel should pass a range. */
  parameters: { readonly [K in Name]: ParameterHelp };
}

/** A custom function as Excel calls it, carrying its declaration for the metadata and the registration. */
export type CustomFunction<R = unknown> = ((...raw: unknown[]) => R) & {
  readonly about: FunctionAbout;
  readonly specs: Readonly<Record<string, ArgumentSpec>>;
};

/** Whether Excel may omit an argument: it has a default, is optional, or is a choice or the label language. */
export function isOptionalArgument(spec: ArgumentSpec): boolean {
  if (spec.kind === 'language' || spec.kind === 'choice') return true;
  return ('optional' in spec && spec.optional === true) || ('default' in spec && spec.default !== undefined);
}

/**
 * Declares a custom function (the HyperFormula pattern) in one place: what Excel shows of it (`about`), a spec
 * per argument in Excel's order, and a body that receives the coerced values by name. The returned function
 * takes the arguments as Excel passes them, coerces and checks them, calls the body, checks the result, and
 * turns any failure into the `CustomFunctions.Error` of the one error table. Adding a parameter means adding
 * its spec and its help here, nothing else.
 *
 * Cost: the coercion is O(cells of the arguments).
 * @example
 * const half = defineFunction(
 *   { id: 'HALF', description: { en: 'Half.', zh: '一半。' }, result: 'number', parameters: { value: { en: 'A number.', zh: '一个数。' } } },
 *   { value: { kind: 'number' } },
 *   ({ value }) => value / 2,
 * );
 * half('10') // => 5
 */
export function defineFunction<const A extends Record<string, ArgumentSpec>, R>(
  about: FunctionAbout<keyof A & string>,
  specs: A,
  body: (values: ArgumentValues<A>) => R,
): CustomFunction<R> {
  const names = Object.keys(specs);
  const invoke = (...raw: unknown[]): R => {
    try {
      const values: Record<string, unknown> = {};
      names.forEach((name, index) => {
        values[name] = coerceArgument(name, specs[name] as ArgumentSpec, raw[index]);
      });
      return checkResult(body(values as ArgumentValues<A>));
    } catch (error) {
      throw toExcelError(error);
    }
  };
  return Object.assign(invoke, { about: about as FunctionAbout, specs });
}
