import { AnalyticsError } from '../core';
import type { ParsedArguments } from './parseArguments';
import { textOption } from './parseArguments';

/** The character that separates a number's whole part from its fraction in a file. */
export type DecimalMark = ',' | '.';

const NUMBER_TEXT = /^\s*(?:[$€£¥￥]\s*)?[-+]?[\d.,]*\d[\d.,]*\s*$/;

/**
 * What one number text says about the file's decimal mark: ',' for `3,5` or `1.234,50` or `1.234.567`, '.'
 * for `3.5` or `1,234.50` or `1,234,567`; null when it fits both (`12`, `1.234`, `1,234`) or is no number.
 *
 * @example
 * decimalEvidence('1.234,5') // => ','
 * decimalEvidence('1.234') // => null
 */
export function decimalEvidence(text: string): DecimalMark | null {
  if (!NUMBER_TEXT.test(text)) return null;
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) return lastDot > lastComma ? '.' : ',';
  const mark = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : null;
  if (mark === null) return null;
  const other: DecimalMark = mark === '.' ? ',' : '.';
  // Several of one mark are thousands separators: the decimal mark is the other one.
  if (text.indexOf(mark) !== text.lastIndexOf(mark)) return other;
  const digitsAfter = text.trim().length - (text.trim().lastIndexOf(mark) + 1);
  return digitsAfter === 3 ? null : mark;
}

/**
 * A number text written with `mark` as decimal mark, rewritten with a decimal point and no thousands
 * separators when `mark` is ',' (`1.234,5` → `1234.5`); unchanged otherwise (core reads `1,234.5`).
 *
 * @example
 * toDecimalPoint('1.234,5', ',') // => '1234.5'
 */
export function toDecimalPoint(text: string, mark: DecimalMark): string {
  if (mark === '.' || !NUMBER_TEXT.test(text)) return text;
  return text.replace(/\./g, '').replace(',', '.');
}

/**
 * The `--decimal` option: ',' or '.', or undefined when absent (then the file's values decide).
 *
 * @throws AnalyticsError BAD_ARGUMENT for anything else.
 */
export function decimalOption(parsed: ParsedArguments): DecimalMark | undefined {
  const text = textOption(parsed, 'decimal');
  if (text === undefined || text === ',' || text === '.') return text;
  throw new AnalyticsError('BAD_ARGUMENT', `--decimal must be , or . (the decimal mark), got ${text}.`, {
    argument: 'decimal',
  });
}
