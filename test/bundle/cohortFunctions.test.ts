/*
 * The cohort and sBG functions through the production bundle (dist/functions.js), with Excel-shaped arguments:
 * the golden numbers of Fader & Hardie (2007, 2010) and the CDNOW cohort triangle.
 */
import { readDataText } from '../data/dataFiles';
import { loadFunctionsBundle } from './loadFunctionsBundle';

// These tests read the 69,659 rows of CDNOW master: seconds each on a busy machine, more than Jest's default 5 s.
jest.setTimeout(60_000);

const bundle = loadFunctionsBundle();
const col = (values: readonly unknown[]): unknown[][] => values.map((value) => [value]);

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

// Fader & Hardie (2007), Table 1, "High End": survivors per 1,000 at years 0–7.
const HIGH_END = [1000, 869, 743, 653, 593, 551, 517, 491];

describe('CRM.SBG_* through the bundle', () => {
  const block = call('SBG_FIT', col(HIGH_END)) as [string, number | string][];

  it('SBG_FIT(high end) spills alpha 0.668, beta 3.806, LL −1611.2 with standard errors (Fader & Hardie 2007)', () => {
    expect(block.map((row) => row[0])).toEqual([
      'alpha',
      'beta',
      'log-likelihood',
      'se alpha',
      'se beta',
      'periods',
      'cohorts',
      'customers',
    ]);
    expect(block[0]![1]).toBeCloseTo(0.668, 3);
    expect(block[1]![1]).toBeCloseTo(3.806, 3);
    expect(block[2]![1]).toBeCloseTo(-1611.2, 1);
    expect(block[3]![1]).toBeGreaterThan(0);
    expect(block.slice(5).map((row) => row[1])).toEqual([7, 1, 1000]);
    // A row gives the same fit as a column.
    expect((call('SBG_FIT', [HIGH_END]) as unknown[][])[0]![1]).toBeCloseTo(block[0]![1] as number, 8);
  });

  it('SBG_DERL(fit, 10%, 7) = 7.53, the DERL at n = 8 of Fader & Hardie (2010); DEL without renewals', () => {
    expect(call('SBG_DERL', block, '10%', 7, null)).toBeCloseTo(7.53, 2);
    expect(call('SBG_DERL', block, 0.1, null, null)).toBeCloseTo(5.92, 2);
  });

  it('SBG_SURVIVAL and SBG_RETENTION read alpha and beta from the spill or in order', () => {
    expect(call('SBG_SURVIVAL', [[0.668], [3.806]], 1)).toBeCloseTo(3.806 / 4.474, 12);
    expect(call('SBG_RETENTION', block, 8)).toBeCloseTo(
      ((block[1]![1] as number) + 7) / ((block[0]![1] as number) + (block[1]![1] as number) + 7),
      12,
    );
  });

  it('SBG_CLV spills the sBG value beside the constant-r value and says what bounded the sum', () => {
    const clv = call('SBG_CLV', block, 100, 0.1, 7, null, null) as [string, number | string][];
    expect(clv.map((row) => row[0])).toEqual([
      'CLV (sBG retention)',
      'CLV (constant retention)',
      'constant retention r',
      'bounded by',
    ]);
    expect(clv[0]![1]).toBeCloseTo(753, 0);
    const r = clv[2]![1] as number;
    expect(clv[1]![1]).toBeCloseTo((100 * r * 1.1) / (1.1 - r), 8);
    expect(clv[3]![1]).toBe('discount rate 0.1');
    const zh = call('SBG_CLV', block, 100, 0, null, 10, 'zh') as [string, number | string][];
    expect([zh[0]![0], zh[3]![1]]).toEqual(['CLV（sBG 保留率）', '期限 10 期']);
  });

  it('refuses an undiscounted infinite lifetime, a rising series and missing parameters with clear messages', () => {
    const infinite = errorOf('SBG_DERL', block, 0, null, null);
    expect([infinite.code, infinite.message]).toEqual(['#NUM!', expect.stringMatching(/horizon/)]);
    const rising = errorOf('SBG_FIT', col([100, 90, 95]));
    expect([rising.code, rising.message]).toEqual(['#NUM!', expect.stringMatching(/BG\/NBD/)]);
    const text = errorOf('SBG_FIT', col([100, 'many', 80]));
    expect([text.code, text.message]).toEqual(['#VALUE!', expect.stringMatching(/row 2/)]);
    expect(errorOf('SBG_SURVIVAL', [[0.668]], 1).code).toBe('#VALUE!');
  });
});

describe('CRM.COHORT_TABLE through the bundle', () => {
  const customer: string[] = [];
  const date: number[] = [];
  const amount: number[] = [];
  for (const line of readDataText('CDNOW_master.txt').split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 4) continue;
    customer.push(fields[0]!);
    date.push(Number(fields[1]));
    amount.push(Number(fields[3]));
  }

  it('spills the CDNOW master triangle (counts checked against a pandas groupby), header first', () => {
    const table = call(
      'COHORT_TABLE',
      col(customer),
      col(date),
      col(amount),
      null,
      'active',
      null,
      null,
    ) as unknown[][];
    expect(table[0]!.slice(0, 4)).toEqual(['Cohort', 'Customers', 0, 1]);
    expect(table[0]!.at(-1)).toBe('Partial period');
    expect(table.slice(1).map((row) => row.slice(0, 6))).toEqual([
      ['1997-01', 7846, 7846, 1157, 964, 810],
      ['1997-02', 8476, 8476, 1312, 980, 783],
      ['1997-03', 7248, 7248, 1032, 752, 756],
    ]);
    // Cells beyond a cohort's age are "" (never 0), and June 1998 is complete (data end on its last day).
    expect(table[3]!.slice(-3)).toEqual(['', '', '']);
    expect(table[1]!.at(-1)).toBe('');
  });

  it('marks the partial period in English and Chinese, and survivors feed SBG_FIT without it', () => {
    const asOf = Date.UTC(1998, 5, 15) / 86_400_000 + 25_569; // 1998-06-15: June under way
    const zh = call(
      'COHORT_TABLE',
      col(customer),
      col(date),
      col(amount),
      'quarter',
      'survivors',
      asOf,
      'zh',
    ) as unknown[][];
    expect(zh[0]![0]).toBe('同期群');
    expect(zh[1]!.at(-1)).toBe('1998-Q2（截至 1998-06-14）');
    const fit = call('SBG_FIT', zh) as [string, number][];
    // One quarterly cohort (1997-Q1) with ages 0–4 complete: the partial 1998-Q2 cell is left out.
    expect(fit.find((row) => row[0] === 'periods')![1]).toBe(4);
    expect(fit.find((row) => row[0] === 'customers')![1]).toBe(23570);
  });

  it('refuses ranges of unequal length and an unknown measure', () => {
    expect(errorOf('COHORT_TABLE', col(['a']), col([45300, 45301]), col([1]), null, null, null, null).code).toBe(
      '#VALUE!',
    );
    expect(errorOf('COHORT_TABLE', col(['a']), col([45300]), col([1]), null, 'profit', null, null).code).toBe(
      '#VALUE!',
    );
  });
});
