import { DAYS_PER_UNIT, dayToExcelSerial, dayToIso, excelSerialToDay, parseDate, requireDate } from '../../src/core';

// Independent reference: day numbers from the platform's own UTC calendar.
const utcDay = (year: number, month: number, day: number): number => Date.UTC(year, month - 1, day) / 86_400_000;

describe('parseDate(value) in the 1900 date system', () => {
  test('serial 1 is 1900-01-01 and serial 59 is 1900-02-28', () => {
    expect(parseDate(1)).toBe(utcDay(1900, 1, 1));
    expect(parseDate(59)).toBe(utcDay(1900, 2, 28));
  });
  test("serial 60, Excel's fictitious 1900-02-29, is placed on 1900-03-01 like serial 61", () => {
    expect(parseDate(60)).toBe(utcDay(1900, 3, 1));
    expect(parseDate(61)).toBe(utcDay(1900, 3, 1));
  });
  test('known serials: 45356 is 2024-03-05 and 2958465 is 9999-12-31', () => {
    expect(parseDate(45356)).toBe(utcDay(2024, 3, 5));
    expect(parseDate(2958465)).toBe(utcDay(9999, 12, 31));
  });
  test('a fraction is the time of day', () => {
    expect(parseDate(45356.75)).toBe(utcDay(2024, 3, 5) + 0.75);
  });
  test('serials out of range are not dates', () => {
    expect(parseDate(0)).toBeNull();
    expect(parseDate(-3)).toBeNull();
    expect(parseDate(3_000_000)).toBeNull();
    expect(parseDate(Number.NaN)).toBeNull();
  });
});

describe('parseDate(value, "1904")', () => {
  test('serial 0 is 1904-01-01 and the two systems differ by 1462 days', () => {
    expect(parseDate(0, '1904')).toBe(utcDay(1904, 1, 1));
    expect(parseDate(45356 - 1462, '1904')).toBe(utcDay(2024, 3, 5));
  });
});

describe('parseDate(text)', () => {
  test.each([
    ['2024-03-05', utcDay(2024, 3, 5)],
    ['2024-3-5', utcDay(2024, 3, 5)],
    ['2024-03-05 18:00', utcDay(2024, 3, 5) + 0.75],
    ['2024-03-05T06:00:00Z', utcDay(2024, 3, 5) + 0.25],
    ['2024-03-05 12:00:00', utcDay(2024, 3, 5) + 0.5],
    ['2024/3/5', utcDay(2024, 3, 5)],
    ['2024/03/05 06:00', utcDay(2024, 3, 5) + 0.25],
    ['2024年3月5日', utcDay(2024, 3, 5)],
    [' 2024 年 12 月 31 日 ', utcDay(2024, 12, 31)],
    ['45356', utcDay(2024, 3, 5)],
    ['19970101', utcDay(1997, 1, 1)],
  ])('%s', (text, expected) => {
    expect(parseDate(text)).toBeCloseTo(expected, 9);
  });
  test.each(['2023-02-29', '2024-13-01', '3/5/2024', 'yesterday', '', '   ', '2024-03-05 25:00'])(
    '%s is not a date',
    (text) => {
      expect(parseDate(text)).toBeNull();
    },
  );
  test('a Date object is read in UTC; other types are not dates', () => {
    expect(parseDate(new Date(Date.UTC(2024, 2, 5, 12)))).toBe(utcDay(2024, 3, 5) + 0.5);
    expect(parseDate(new Date(Number.NaN))).toBeNull();
    expect(parseDate(true)).toBeNull();
    expect(parseDate(null)).toBeNull();
    expect(parseDate(undefined)).toBeNull();
  });
  test('an 8-digit whole number is yyyymmdd (CDNOW) since it is beyond any Excel serial', () => {
    expect(parseDate(19970325)).toBe(utcDay(1997, 3, 25));
    expect(parseDate(19970230)).toBeNull();
  });
});

describe('requireDate(value, argument)', () => {
  test('throws BAD_DATE naming the argument', () => {
    expect(() => requireDate('soon', 'asOf')).toThrow(
      expect.objectContaining({ code: 'BAD_DATE', where: { argument: 'asOf' } }),
    );
  });
});

describe('dayToIso(day) and dayToExcelSerial(day)', () => {
  test('dayToIso drops the time of day', () => {
    expect(dayToIso(utcDay(2024, 3, 5) + 0.99)).toBe('2024-03-05');
    expect(dayToIso(utcDay(1900, 1, 1))).toBe('1900-01-01');
    expect(dayToIso(utcDay(2000, 2, 29))).toBe('2000-02-29');
  });
  test('dayToIso agrees with Date.toISOString over 1800–2200', () => {
    for (let day = utcDay(1800, 1, 1); day < utcDay(2200, 1, 1); day += 17) {
      expect(dayToIso(day)).toBe(new Date(day * 86_400_000).toISOString().slice(0, 10));
    }
  });
  test('dayToExcelSerial inverts excelSerialToDay in both systems (serial 60 excepted)', () => {
    for (const serial of [1, 59, 61, 100, 45356, 2958465]) {
      expect(dayToExcelSerial(excelSerialToDay(serial) as number)).toBe(serial);
    }
    for (const serial of [0, 1, 43894]) {
      expect(dayToExcelSerial(excelSerialToDay(serial, '1904') as number, '1904')).toBe(serial);
    }
  });
});

test('DAYS_PER_UNIT: a month is 365.25 / 12 days', () => {
  expect(DAYS_PER_UNIT).toEqual({ days: 1, weeks: 7, months: 365.25 / 12 });
});
