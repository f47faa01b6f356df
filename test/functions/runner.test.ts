import { excelErrorOf } from './customFunctionsStandIn';
import { AnalyticsError } from '../../src/core';
import type { AnalyticsErrorCode } from '../../src/core';
import { coerceArgument, defineFunction } from '../../src/functions/runner';
import { EXCEL_ERROR_OF_CODE, toExcelError } from '../../src/functions/excelError';

describe('coerceArgument(number)', () => {
  const rate = { kind: 'number', above: -1, bounds: '> −100 %' } as const;

  it('reads numbers, numbers stored as text and percentages', () => {
    expect(coerceArgument('discount_rate', rate, 0.1)).toBe(0.1);
    expect(coerceArgument('discount_rate', rate, ' 0.1 ')).toBe(0.1);
    expect(coerceArgument('discount_rate', rate, '10%')).toBeCloseTo(0.1, 15);
    expect(coerceArgument('discount_rate', rate, '1,234.5')).toBe(1234.5);
    expect(coerceArgument('discount_rate', rate, [[0.2]])).toBe(0.2);
  });

  it('refuses text that is not a number, naming the argument and the value', () => {
    expect(() => coerceArgument('discount_rate', rate, 'abc')).toThrow("discount_rate must be a number, got 'abc'.");
    expect(() => coerceArgument('discount_rate', rate, true)).toThrow('discount_rate must be a number, got TRUE.');
  });

  it('gives the default, null or "is required" for an omitted argument (null from Excel, undefined in JS)', () => {
    expect(coerceArgument('bins', { kind: 'number', default: 5 }, null)).toBe(5);
    expect(coerceArgument('periods', { kind: 'number', optional: true }, undefined)).toBeNull();
    expect(coerceArgument('periods', { kind: 'number', optional: true }, '')).toBeNull();
    expect(() => coerceArgument('discount_rate', rate, null)).toThrow('discount_rate is required.');
  });

  it('checks bounds with an OUT_OF_RANGE error', () => {
    let thrown: unknown;
    try {
      coerceArgument('discount_rate', rate, -1);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AnalyticsError);
    expect((thrown as AnalyticsError).code).toBe('OUT_OF_RANGE');
    expect((thrown as AnalyticsError).message).toBe('discount_rate must be > −100 %, got -1.');
    expect(() => coerceArgument('bins', { kind: 'number', integer: true, min: 2, max: 10 }, 2.5)).toThrow(
      'bins must be a whole number from 2 to 10, got 2.5.',
    );
  });

  it('refuses a range of several cells for a single value', () => {
    expect(() => coerceArgument('margin', { kind: 'number' }, [[1], [2]])).toThrow(
      'margin must be a single value, got a range of 2 × 1 cells.',
    );
  });
});

describe('coerceArgument(other kinds)', () => {
  it('numbers: reads a range row by row and skips blank cells (null on the web, "" for empty text)', () => {
    expect(
      coerceArgument('profits', { kind: 'numbers' }, [
        [1, null],
        ['2', ''],
        [3, '4%'],
      ]),
    ).toEqual([1, 2, 3, 0.04]);
  });

  it('numbers: names the row and column of a bad cell', () => {
    expect(() =>
      coerceArgument('profits', { kind: 'numbers' }, [
        [1, 2],
        [3, 'x'],
      ]),
    ).toThrow("profits: row 2, column 2 is 'x', not a number.");
  });

  it('date: serials, ISO, slash and Chinese texts give the same day number', () => {
    const spec = { kind: 'date' } as const;
    const day = Date.UTC(2024, 2, 5) / 86_400_000;
    expect(coerceArgument('as_of', spec, 45356)).toBe(day);
    expect(coerceArgument('as_of', spec, '2024-03-05')).toBe(day);
    expect(coerceArgument('as_of', spec, '2024/3/5')).toBe(day);
    expect(coerceArgument('as_of', spec, '2024年3月5日')).toBe(day);
    expect(() => coerceArgument('as_of', spec, '3/5/2024')).toThrow('as_of must be a date');
  });

  it('choice: matches without case and lists the choices when wrong', () => {
    const spec = { kind: 'choice', choices: ['RFM', 'R', 'F', 'M'], default: 'RFM' } as const;
    expect(coerceArgument('part', spec, 'r')).toBe('R');
    expect(coerceArgument('part', spec, null)).toBe('RFM');
    expect(() => coerceArgument('part', spec, 'X')).toThrow('part must be one of "RFM", "R", "F", "M", got \'X\'.');
  });

  it('language: "zh", "zh-CN" and 中文 are Chinese; omitted is English without Office', () => {
    expect(coerceArgument('language', { kind: 'language' }, 'zh-CN')).toBe('zh');
    expect(coerceArgument('language', { kind: 'language' }, '中文')).toBe('zh');
    expect(coerceArgument('language', { kind: 'language' }, null)).toBe('en');
    expect(() => coerceArgument('language', { kind: 'language' }, 'fr')).toThrow('language must be "en" or "zh"');
  });

  it('language: omitted follows Office.context.displayLanguage when the runtime has it', () => {
    (globalThis as Record<string, unknown>).Office = { context: { displayLanguage: 'zh-CN' } };
    try {
      expect(coerceArgument('language', { kind: 'language' }, null)).toBe('zh');
    } finally {
      delete (globalThis as Record<string, unknown>).Office;
    }
  });
});

describe('defineFunction', () => {
  const text = { en: 'Help.', zh: '帮助。' };
  const half = defineFunction(
    { id: 'HALF', description: text, result: 'matrix', parameters: { value: text, scale: text } },
    { value: { kind: 'number' }, scale: { kind: 'number', default: 2, above: 0 } },
    (args) => [[args.value / args.scale, null]],
  );

  it('coerces positionally, applies defaults and turns null spill cells into ""', () => {
    expect(half('10')).toEqual([[5, '']]);
    expect(half(10, null)).toEqual([[5, '']]);
    expect(half(9, 3)).toEqual([[3, '']]);
  });

  it('maps failures to Excel errors that name the argument', () => {
    expect(excelErrorOf(() => half('abc'))).toEqual({ code: '#VALUE!', message: "value must be a number, got 'abc'." });
    expect(excelErrorOf(() => half(1, 0)).code).toBe('#NUM!');
  });

  it('never returns a non-finite number', () => {
    const broken = defineFunction(
      { id: 'BROKEN', description: text, result: 'number', parameters: {} },
      {},
      () => Number.NaN,
    );
    expect(excelErrorOf(() => broken()).code).toBe('#VALUE!');
  });

  it('carries its declaration: help for every parameter and none for a parameter that does not exist', () => {
    expect(half.about.id).toBe('HALF');
    expect(Object.keys(half.specs)).toEqual(Object.keys(half.about.parameters));
    defineFunction(
      // @ts-expect-error: the help of `scale` is missing, which must not compile.
      { id: 'X', description: text, result: 'number', parameters: { value: text } },
      { value: { kind: 'number' }, scale: { kind: 'number' } },
      () => 1,
    );
    defineFunction(
      // @ts-expect-error: help for a parameter `extra` that has no spec must not compile.
      { id: 'Y', description: text, result: 'number', parameters: { value: text, extra: text } },
      { value: { kind: 'number' } },
      () => 1,
    );
  });
});

describe('the error table', () => {
  it('maps every core code: input problems to #VALUE!, domain and convergence to #NUM!, no data to #N/A', () => {
    const expected: Record<AnalyticsErrorCode, string> = {
      EMPTY_INPUT: '#N/A',
      BAD_ARGUMENT: '#VALUE!',
      BAD_NUMBER: '#VALUE!',
      BAD_DATE: '#VALUE!',
      OUT_OF_RANGE: '#NUM!',
      SHAPE_MISMATCH: '#VALUE!',
      MISSING_COLUMN: '#VALUE!',
      NOT_FOUND: '#N/A',
      NO_REPEAT_CUSTOMERS: '#N/A',
      NOT_CONVERGED: '#NUM!',
      FLAT_LIKELIHOOD: '#NUM!',
    };
    for (const code of Object.keys(EXCEL_ERROR_OF_CODE) as AnalyticsErrorCode[]) {
      const error = toExcelError(new AnalyticsError(code, 'why')) as unknown as { code: string; message: string };
      expect([code, error.code, error.message]).toEqual([code, expected[code], 'why']);
    }
  });

  it('reports an unexpected exception as #VALUE! with its message', () => {
    const error = toExcelError(new TypeError('boom')) as unknown as { code: string; message: string };
    expect(error).toMatchObject({ code: '#VALUE!', message: 'Unexpected error: boom' });
  });
});
