import type { NumberOptionName } from '../core';
import { AnalyticsError, checkNumberOption, DECIMAL_NUMBER, oneOf } from '../core';
/** Command-line arguments split into positionals and `--name value` / `--flag` options. */
export interface ParsedArguments {
  positionals: string[];
  options: Map<string, string | true>;
}

/**
 * Splits argv into positionals and options; `--name=value` and `--name value` both work, a `--name` followed
 * by another option or nothing is a flag (`true`). Names in `flags` never take a value, so
 * `--predict data.csv` keeps data.csv as a positional.
 *
 * @example
 * parseArguments(['data.csv', '--bins', '4', '--help']).options.get('bins') // => '4'
 */
export function parseArguments(
  argv: readonly string[],
  flags: ReadonlySet<string> = new Set(['help']),
): ParsedArguments {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] as string;
    if (argument === '-h') {
      options.set('help', true);
    } else if (argument.startsWith('--')) {
      const equals = argument.indexOf('=');
      if (equals > 0) {
        options.set(argument.slice(2, equals), argument.slice(equals + 1));
        continue;
      }
      const next = argv[index + 1];
      if (next !== undefined && !next.startsWith('--') && !flags.has(argument.slice(2))) {
        options.set(argument.slice(2), next);
        index += 1;
      } else {
        options.set(argument.slice(2), true);
      }
    } else {
      positionals.push(argument);
    }
  }
  return { positionals, options };
}

/**
 * The value of `--name`, or undefined when absent.
 *
 * @throws AnalyticsError BAD_ARGUMENT when the option is given without a value.
 */
export function textOption(parsed: ParsedArguments, name: string): string | undefined {
  const value = parsed.options.get(name);
  if (value === true) throw new AnalyticsError('BAD_ARGUMENT', `--${name} needs a value.`, { argument: name });
  return value;
}

/**
 * Checks a `crm-analytics <command> <file.csv> [options]` call: every option known, exactly one file.
 * Returns the file.
 *
 * @throws AnalyticsError BAD_ARGUMENT naming the unknown option, or asking for exactly one file.
 */
export function fileArgument(parsed: ParsedArguments, command: string, known: ReadonlySet<string>): string {
  for (const name of parsed.options.keys()) {
    if (!known.has(name)) {
      throw new AnalyticsError('BAD_ARGUMENT', `Unknown option --${name}. Run crm-analytics ${command} --help.`, {
        argument: name,
      });
    }
  }
  const [file, ...extra] = parsed.positionals;
  if (file === undefined || extra.length > 0) {
    throw new AnalyticsError(
      'BAD_ARGUMENT',
      `Give exactly one CSV file: crm-analytics ${command} <file.csv> [options].`,
      { argument: 'file' },
    );
  }
  return file;
}

/**
 * The value of `--name`, one of `choices` (default `fallback` when absent).
 *
 * @throws AnalyticsError BAD_ARGUMENT listing the choices.
 * @example
 * choiceOption(parseArguments(['--unit', 'weeks']), 'unit', ['days', 'weeks'], 'days') // => 'weeks'
 */
export function choiceOption<C extends string>(
  parsed: ParsedArguments,
  name: string,
  choices: readonly C[],
  fallback: C,
): C {
  return oneOf(`--${name}`, textOption(parsed, name) ?? fallback, choices);
}

/**
 * The value of a numeric `--flag`, checked against core's option table (bounds and words come from there);
 * undefined when absent.
 *
 * @throws AnalyticsError OUT_OF_RANGE saying what the flag must be and what was given.
 * @example
 * numberFlag(parseArguments(['--bins', '4']), 'bins', 'bins') // => 4
 */
export function numberFlag(parsed: ParsedArguments, flag: string, option: NumberOptionName): number | undefined {
  const text = textOption(parsed, flag);
  if (text === undefined) return undefined;
  const value = DECIMAL_NUMBER.test(text.trim()) ? Number(text) : Number.NaN;
  return checkNumberOption(option, value, `--${flag}`, text);
}
