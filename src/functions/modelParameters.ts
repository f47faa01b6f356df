import { AnalyticsError } from '../core';
import type { BgNbdModel, GammaGammaModel, TimeUnit } from '../core';
import { cellNumber, cellsOf, isBlank } from './coerce';

/**
 * Reads fitted parameters from a range, so an analyst can fit once and reference the result: either the
 * labelled 2-column block that CRM.BGNBD_FIT / CRM.GG_FIT spill (labels matched without case; other rows
 * such as log-likelihood ignored), or the numbers alone in the documented order.
 *
 * @throws AnalyticsError BAD_ARGUMENT when a parameter is missing; OUT_OF_RANGE when one is not > 0.
 */
export function readParameters<K extends string>(
  range: unknown,
  names: readonly K[],
  argument: string,
): Record<K, number> {
  const found = new Map<string, number>();
  const rows = Array.isArray(range) ? (range as unknown[]) : [range];
  const labelled = rows.some((row) => Array.isArray(row) && typeof (row as unknown[])[0] === 'string');
  if (labelled) {
    for (const row of rows) {
      if (!Array.isArray(row)) continue;
      const [label, value] = row as unknown[];
      if (typeof label !== 'string' || isBlank(value)) continue;
      const name = label.trim().toLowerCase();
      if ((names as readonly string[]).includes(name)) found.set(name, cellNumber(value, `${argument} ${name}`) ?? NaN);
    }
  } else {
    const numbers = cellsOf(range).filter((cell) => !isBlank(cell));
    names.forEach((name, index) => {
      if (index < numbers.length) found.set(name, cellNumber(numbers[index], `${argument} ${name}`) ?? NaN);
    });
  }
  const result = {} as Record<K, number>;
  for (const name of names) {
    const value = found.get(name);
    if (value === undefined) {
      throw new AnalyticsError(
        'BAD_ARGUMENT',
        `${argument} has no value for ${name}: give the block spilled by the fit, or ${names.join(', ')} in this order.`,
        { argument },
      );
    }
    if (!(value > 0) || !Number.isFinite(value)) {
      throw new AnalyticsError('OUT_OF_RANGE', `${argument}: ${name} must be a number > 0, got ${value}.`, {
        argument,
      });
    }
    result[name] = value;
  }
  return result;
}

const UNITS: readonly TimeUnit[] = ['days', 'weeks', 'months'];

/**
 * The time unit a parameter block carries in a row labelled "unit" (CRM.BGNBD_FIT spills it when given its
 * unit), or null when the block has none. Cost O(rows).
 *
 * @throws AnalyticsError BAD_ARGUMENT when the unit row holds something other than days, weeks or months.
 * @example
 * blockUnit([['r', 0.24], ['unit', 'weeks']], 'bgnbd_params') // => 'weeks'
 */
export function blockUnit(range: unknown, argument: string): TimeUnit | null {
  if (!Array.isArray(range)) return null;
  for (const row of range as unknown[]) {
    if (!Array.isArray(row)) continue;
    const [label, value] = row as unknown[];
    if (typeof label !== 'string' || label.trim().toLowerCase() !== 'unit') continue;
    const unit = typeof value === 'string' ? value.trim().toLowerCase() : '';
    const match = UNITS.find((candidate) => candidate === unit);
    if (match === undefined) {
      throw new AnalyticsError('BAD_ARGUMENT', `${argument}: the unit row must say days, weeks or months.`, {
        argument,
      });
    }
    return match;
  }
  return null;
}

/**
 * The time unit of a BG/NBD fit for a formula that converts time (PREDICTED_CLV's months): the unit argument
 * and the block's unit row must agree, and at least one must be given, because a guessed unit silently scales
 * the value (a weeks fit read as days gives about 3.9 times the right CLV).
 *
 * @throws AnalyticsError BAD_ARGUMENT when neither says the unit, or they disagree.
 */
export function fitUnit(range: unknown, argument: string, unit: TimeUnit | null): TimeUnit {
  const carried = blockUnit(range, argument);
  if (unit !== null && carried !== null && unit !== carried) {
    throw new AnalyticsError(
      'BAD_ARGUMENT',
      `unit is "${unit}" but ${argument} was fitted in ${carried}: give the same unit, or omit unit.`,
      { argument: 'unit' },
    );
  }
  const resolved = unit ?? carried;
  if (resolved === null) {
    throw new AnalyticsError(
      'BAD_ARGUMENT',
      `Give unit ("days", "weeks" or "months"): the time unit that t_x and T, and the fit in ${argument}, are in. ` +
        'Or fit with CRM.BGNBD_FIT(x, t_x, T, , , unit), whose block then carries its unit.',
      { argument: 'unit' },
    );
  }
  return resolved;
}

/** The fit statistics of a model whose parameters were read off a sheet: not known there. */
const NOT_FITTED_HERE = {
  logLikelihood: Number.NaN,
  converged: true,
  iterations: 0,
  standardErrors: null,
  customers: 0,
  penalty: 0,
  warnings: [],
} as const;

/** A BG/NBD model object from parameters read off a sheet (the fit statistics are not known there). */
export function bgnbdModelOf(range: unknown, argument: string, unit: TimeUnit): BgNbdModel {
  const params = readParameters(range, ['r', 'alpha', 'a', 'b'] as const, argument);
  return {
    kind: 'bgnbd',
    unit,
    params,
    ...NOT_FITTED_HERE,
  };
}

/** A Gamma–Gamma model object from parameters read off a sheet. */
export function gammaGammaModelOf(range: unknown, argument: string): GammaGammaModel {
  const params = readParameters(range, ['p', 'q', 'gamma'] as const, argument);
  return {
    kind: 'gammagamma',
    params,
    ...NOT_FITTED_HERE,
    excludedNonPositiveSpend: 0,
    frequencySpendCorrelation: Number.NaN,
  };
}
