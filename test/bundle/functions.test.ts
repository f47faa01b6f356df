/*
 * Tests of the production bundle (run after `npm run build`): dist/functions.js loads with no DOM and no
 * Office, registers every id of dist/functions.json, and each function answers Excel-shaped arguments with
 * a value of its declared type, known values and Excel errors.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readCdnowSample } from '../core/btyd/cdnowSample';
import { DIST_DIR, loadFunctionsBundle } from './loadFunctionsBundle';

interface MetadataFunction {
  id: string;
  parameters: { name: string; optional?: boolean; dimensionality?: string }[];
  result: { type?: string; dimensionality?: string };
}

const readMetadata = (file: string): { functions: MetadataFunction[] } =>
  JSON.parse(readFileSync(path.join(DIST_DIR, file), 'utf8')) as { functions: MetadataFunction[] };

const english = readMetadata('functions.json');
const bundle = loadFunctionsBundle();
const col = (values: readonly unknown[]): unknown[][] => values.map((value) => [value]);
const serial = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000 + 25_569;

function call(id: string, ...args: unknown[]): unknown {
  const fn = bundle.functions.get(id);
  if (fn === undefined) throw new Error(`${id} is not registered`);
  return fn(...args);
}

function errorOf(id: string, ...args: unknown[]): { code: string; message: string } {
  try {
    call(id, ...args);
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error(`${id} did not throw`);
}

const cdnow = readCdnowSample();
const repeaters = cdnow.filter((customer) => customer.x > 0);
const bgnbdParams = [
  ['r', 0.2426],
  ['alpha', 4.4136],
  ['a', 0.7929],
  ['b', 2.4259],
  ['log-likelihood', -9582.43],
];
const ggParams = [
  ['p', 6.25],
  ['q', 3.74],
  ['gamma', 15.44],
];
const lifeDates = [...Array.from({ length: 12 }, (_, i) => serial('2023-01-01') + 30 * i), serial('2023-01-01') + 400];
const lifeAmounts = [...Array.from({ length: 12 }, () => 100), 20];

/** Valid Excel-shaped arguments for every function (null = an omitted optional argument, as Excel passes it). */
const VALID_ARGUMENTS: Record<string, unknown[]> = {
  CLV: [col([120, 80, 150, 60, 200]), 0.1, null, null, null],
  RETENTION_CLV: [150, 0.55, 0.1, 100, null],
  RFM_SCORE: [col([5, 30, 90]), col([10, 4, 2]), col([900, 250, 80]), null, null, null, null, null],
  RFM_CUTS: [col([5, 30, 90]), col([10, 4, 2]), col([900, 250, 80]), null],
  RFM_SCORE_CUTS: [
    30,
    4,
    250,
    [
      ['score', 'recency_days_below', 'frequency_above', 'monetary_above'],
      [2, 90, 2, 80],
    ],
    null,
  ],
  RFM_SEGMENT: [5, 4, null, null, null, null],
  LIFECYCLE_STAGE: [col(lifeDates), col(lifeAmounts), null, null, serial('2023-01-01') + 420, null, null, null],
  LIFECYCLE_PATTERN: [col(lifeDates), col(lifeAmounts), null, null, serial('2023-01-01') + 420, null, null, null],
  RFM_TABLE: [
    col(['A', 'A', 'B']),
    col(['2024-01-02', '2024-02-01', 45300]),
    col([10, '20', 5]),
    null,
    null,
    null,
    null,
  ],
  VALUE_TIER: [col([100, 50, 20, 10, 0]), null, null, null],
  VALUE_MATRIX: [col([10, 10, 1, 1]), col([10, 1, 10, 1]), null, null, null],
  BGNBD_FIT: [
    col(cdnow.map((c) => c.x)),
    col(cdnow.map((c) => c.tx)),
    col(cdnow.map((c) => c.T)),
    null,
    null,
    null,
    null,
  ],
  GG_FIT: [col(repeaters.map((c) => c.x)), col(repeaters.map((c) => c.meanSpend)), null],
  P_ALIVE: [bgnbdParams, 2, 30.43, 38.86],
  EXPECTED_PURCHASES: [bgnbdParams, 39, null, null, null],
  PREDICTED_CLV: [bgnbdParams, ggParams, 2, 30.43, 38.86, 40, 'weeks', null, null, null],
  EXPERIENCE_GAP: [[[5]], [[7]], [[9]], null],
  DELIVERED_VALUE: [120, 80, null],
  COHORT_TABLE: [
    col(['A', 'A', 'B']),
    col(['2024-01-02', '2024-02-01', 45300]),
    col([10, '20', 5]),
    null,
    null,
    null,
    null,
  ],
  SBG_FIT: [[[1000, 869, 743, 653, 593, 551, 517, 491]]],
  SBG_SURVIVAL: [[[0.668], [3.806]], 7],
  SBG_RETENTION: [[[0.668], [3.806]], 8],
  SBG_DERL: [[[0.668], [3.806]], 0.1, 7, null],
  SBG_CLV: [[[0.668], [3.806]], 100, 0.1, null, null, null],
};

describe('dist/functions.js in a runtime without DOM or Office', () => {
  it('registers a callable for every id of dist/functions.json, and nothing else', () => {
    const ids = english.functions.map((f) => f.id).sort();
    expect([...bundle.functions.keys()].sort()).toEqual(ids);
    expect(ids).toEqual(Object.keys(VALID_ARGUMENTS).sort());
  });

  it.each(english.functions.map((f) => [f.id, f] as const))('%s returns a value of its declared type', (id, meta) => {
    const given = VALID_ARGUMENTS[id] as unknown[];
    // Every required parameter is given; trailing optional ones left out are passed as Excel passes them (null).
    const required = meta.parameters.filter((parameter) => parameter.optional !== true).length;
    expect(given.length).toBeGreaterThanOrEqual(required);
    expect(given.length).toBeLessThanOrEqual(meta.parameters.length);
    const args = [...given, ...Array.from({ length: meta.parameters.length - given.length }, () => null)];
    const result = call(id, ...args);
    if (meta.result.dimensionality === 'matrix') {
      expect(Array.isArray(result)).toBe(true);
      const rows = result as unknown[][];
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(Array.isArray(row)).toBe(true);
        for (const cell of row) expect(['string', 'number']).toContain(typeof cell);
      }
    } else {
      expect(typeof result).toBe(meta.result.type ?? 'number');
      if (typeof result === 'number') expect(Number.isFinite(result)).toBe(true);
    }
  });

  it('the Chinese metadata has the same ids and parameter lists', () => {
    const chinese = readMetadata('functions.zh-CN.json');
    const shape = (m: { functions: MetadataFunction[] }): unknown =>
      m.functions.map((f) => [f.id, f.parameters.map((p) => [p.name, p.optional === true, p.dimensionality])]);
    expect(shape(chinese)).toEqual(shape(english));
  });
});

describe('known values through the bundle', () => {
  it('CLV(B2:B6, 10%) = NPV(10%, B2:B6), computed here independently', () => {
    const profits = [120, 80, 150, 60, 200];
    const npv = profits.reduce((sum, p, i) => sum + p / 1.1 ** (i + 1), 0);
    expect(call('CLV', col(profits), '10%', null, null, null)).toBeCloseTo(npv, 10);
  });

  it('RETENTION_CLV(150, 55%, 10%, 100) = 50.00', () => {
    expect(call('RETENTION_CLV', 150, '55%', '10%', 100, null)).toBeCloseTo(50, 10);
  });

  it('BGNBD_FIT on the CDNOW sample spills the published r, alpha, a, b, LL as a 5 × 2 block', () => {
    const block = call('BGNBD_FIT', ...(VALID_ARGUMENTS.BGNBD_FIT as unknown[])) as [string, number][];
    expect(block.map((row) => row[0])).toEqual(['r', 'alpha', 'a', 'b', 'log-likelihood']);
    expect(block[0]?.[1]).toBeCloseTo(0.2426, 3);
    expect(block[4]?.[1]).toBeCloseTo(-9582.43, 1);
  });

  it('BGNBD_FIT on the collapsed CDNOW sample with a customers column spills the same block', () => {
    const counts = new Map<string, number[]>();
    for (const c of cdnow) {
      const key = `${c.x}|${c.tx}|${c.T}`;
      const row = counts.get(key) ?? [c.x, c.tx, c.T, 0];
      row[3] = (row[3] as number) + 1;
      counts.set(key, row);
    }
    const rows = [...counts.values()];
    const pick = (index: number): number[][] => rows.map((row) => [row[index] as number]);
    const collapsed = call('BGNBD_FIT', pick(0), pick(1), pick(2), null, null, null, pick(3));
    expect(collapsed).toEqual(call('BGNBD_FIT', ...(VALID_ARGUMENTS.BGNBD_FIT as unknown[])));
  });

  it('labels in English by default and Chinese with "zh"', () => {
    expect(call('RFM_SEGMENT', 5, 4, null, null, null, null)).toBe('Champions');
    expect(call('RFM_SEGMENT', 5, 4, null, null, null, 'zh')).toBe('冠军客户');
    expect(call('LIFECYCLE_STAGE', ...(VALID_ARGUMENTS.LIFECYCLE_STAGE as unknown[]).slice(0, 7), 'zh')).toBe('退化期');
  });

  it('spills: RFM_SCORE gives one code per row, "" (never null) for a blank row', () => {
    const spilled = call('RFM_SCORE', col([5, 30, 90, null]), col([10, 4, 2, null]), col([900, 250, 80, null]));
    // COUNTIF rule with N = 3: L = 2 → 1 + floor(5·2/3) = 4, L = 1 → 2, L = 0 → 1.
    expect(spilled).toEqual([[444], [222], [111], ['']]);
  });

  it('per-row RFM_SCORE with populations equals the spilled code; empty cells (0 desktop, null web) in ranges', () => {
    expect(
      call('RFM_SCORE', [[30]], [[4]], [[250]], col([5, 30, 90]), col([10, 4, 2]), col([900, 250, 80]), null, null),
    ).toEqual([[222]]);
    expect(call('CLV', col([100, null, 100]), 0.1, null, null, null)).toBeCloseTo(100 / 1.1 + 100 / 1.21, 10);
  });
});

describe('RFM_CUTS and RFM_SCORE_CUTS through the bundle', () => {
  // 12 customers with ties, given as Excel passes ranges: numbers, numbers stored as text, empty cells.
  const recency = [3, 3, 10, 40, 40, 40, 95, 120, 200, 365, 400, 12];
  const frequency = [9, 1, 2, 2, 2, 5, 1, 1, 3, 1, 1, 6];
  const monetary = [1200, 15.5, 80, 80, 60, 300, 0.1 + 0.2, 0.3, 45, 20, 10, 700];
  const recencyRange = col([...recency.map(String), null]);
  const frequencyRange = col([...frequency, '']);
  const monetaryRange = col([...monetary, null]);
  /** COUNTIF of DOMAIN §7.3 written out (money to 6 decimals), capped at bins for values better than all. */
  const countif = (value: number, population: readonly number[], bins: number, lowerIsBetter: boolean): number =>
    Math.min(
      bins,
      1 +
        Math.floor(
          (bins * population.filter((other) => (lowerIsBetter ? other > value : other < value)).length) /
            population.length,
        ),
    );
  const money = (value: number): number => Math.round(value * 1e6) / 1e6;
  const fresh = (range: readonly (readonly unknown[])[]): unknown[][] => range.map((row) => [...row]);

  it.each([2, 5, 10])('RFM_CUTS with %i bins spills a 4-column table: header, then scores 2 … bins', (bins) => {
    const table = call('RFM_CUTS', recencyRange, frequencyRange, monetaryRange, bins) as unknown[][];
    expect(table).toHaveLength(bins);
    expect(table[0]).toEqual(['score', 'recency_days_below', 'frequency_above', 'monetary_above']);
    for (const [index, row] of table.slice(1).entries()) {
      expect(row).toHaveLength(4);
      expect(row[0]).toBe(index + 2);
      for (const cell of row) expect(typeof cell).toBe('number');
    }
  });

  it('default bins (null) is 5; every customer scores as COUNTIF, with and without the header, on fresh copies', () => {
    const table = call('RFM_CUTS', recencyRange, frequencyRange, monetaryRange, null) as unknown[][];
    expect(table).toHaveLength(5);
    const rounded = monetary.map(money);
    recency.forEach((_, row) => {
      const expected =
        100 * countif(recency[row] as number, recency, 5, true) +
        10 * countif(frequency[row] as number, frequency, 5, false) +
        countif(money(monetary[row] as number), rounded, 5, false);
      const values = [recency[row], frequency[row], monetary[row]];
      expect(call('RFM_SCORE_CUTS', ...values, fresh(table), null)).toBe(expected);
      expect(call('RFM_SCORE_CUTS', ...values, fresh(table.slice(1)), null)).toBe(expected);
      expect(
        call('RFM_SCORE', [[values[0]]], [[values[1]]], [[values[2]]], recencyRange, frequencyRange, monetaryRange),
      ).toEqual([[expected]]);
    });
  });

  it('text numbers and 1 × 1 ranges for the customer, one part, and a customer outside the population', () => {
    const table = call('RFM_CUTS', recencyRange, frequencyRange, monetaryRange, null);
    expect(call('RFM_SCORE_CUTS', '40', [['2']], '80.00', table, 'M')).toBe(countif(80, monetary, 5, false));
    expect(call('RFM_SCORE_CUTS', 40, 2, 80, table, 'r')).toBe(countif(40, recency, 5, true));
    // Better than every customer: the top score on each dimension.
    expect(call('RFM_SCORE_CUTS', 0, 50, 99_999, table, null)).toBe(555);
    expect(call('RFM_SCORE_CUTS', 999, 0, 0, table, null)).toBe(111);
  });

  it('errors: a cuts range of the wrong shape, a text cut, a text customer value, empty populations', () => {
    const table = call('RFM_CUTS', recencyRange, frequencyRange, monetaryRange, null) as unknown[][];
    const threeColumns = table.map((row) => row.slice(0, 3));
    expect(errorOf('RFM_SCORE_CUTS', 40, 2, 80, threeColumns, null)).toMatchObject({
      code: '#VALUE!',
      message: expect.stringContaining('cuts must be the range spilled by CRM.RFM_CUTS') as string,
    });
    const textCut = fresh(table);
    (textCut[4] as unknown[])[2] = 'n/a';
    expect(errorOf('RFM_SCORE_CUTS', 40, 2, 80, textCut, null)).toMatchObject({
      code: '#VALUE!',
      message: "cuts: row 5, column 3 is 'n/a', not a number.",
    });
    expect(errorOf('RFM_SCORE_CUTS', 'recent', 2, 80, table, null)).toMatchObject({
      code: '#VALUE!',
      message: "recency_days must be a number, got 'recent'.",
    });
    expect(errorOf('RFM_CUTS', col([null]), frequencyRange, monetaryRange, null).code).toBe('#N/A');
    expect(errorOf('RFM_CUTS', recencyRange, frequencyRange, monetaryRange, 1).code).toBe('#NUM!');
  });
});

describe('Excel errors through the bundle', () => {
  it('#VALUE! names the argument; #NUM! for out-of-domain; #N/A for no data', () => {
    expect(errorOf('CLV', col([1, 2]), 'abc', null, null, null)).toMatchObject({
      code: '#VALUE!',
      message: "discount_rate must be a number, got 'abc'.",
    });
    expect(errorOf('CLV', col([1, 2]), -1.5, null, null, null).code).toBe('#NUM!');
    expect(errorOf('RETENTION_CLV', 150, 1.2, 0.1, null, null).code).toBe('#NUM!');
    expect(
      errorOf(
        'LIFECYCLE_STAGE',
        col(lifeDates),
        col(lifeAmounts),
        'X',
        col(lifeDates.map(() => 'C')),
        null,
        null,
        null,
        null,
      ).code,
    ).toBe('#N/A');
    expect(errorOf('VALUE_TIER', [[7]], col([1, 2]), null, null).code).toBe('#N/A');
  });
});
