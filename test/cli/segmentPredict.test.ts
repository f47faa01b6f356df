import { runFitCommand } from '../../src/cli/fitCommand';
import { main } from '../../src/cli/main';
import { conditionalExpectation, probabilityAlive } from '../core/btyd/bgnbdReference';
import type { BgNbdParameters } from '../core/btyd/bgnbdReference';
import { capture, cdnowCsvForTests } from './cdnowCsv';

const cdnowCsv = cdnowCsvForTests();

interface PredictedRow {
  customer_id: string;
  x: number;
  t_x: number;
  T: number;
  p_alive: number;
  expected_purchases: number;
  expected_avg_value: number;
  predicted_clv: number;
}

describe('crm-analytics segment --predict', () => {
  test('on the CDNOW sample to 1997-09-30 in weeks, p_alive and expected_purchases over --horizon 39 equal Fader, Hardie & Lee (2005) eq. 10 and P(alive) at the fitted BG/NBD parameters', async () => {
    const fit = capture();
    expect(await runFitCommand([cdnowCsv.path(), '--as-of', '1997-09-30', '--unit', 'weeks'], fit.io)).toBe(0);
    const params = (JSON.parse(fit.out.join('')) as { bgnbd: BgNbdParameters }).bgnbd;
    // The published estimates (r 0.2426, α 4.4136, a 0.7929, b 2.4259), so the check below is at the MLE.
    expect(params.r).toBeCloseTo(0.2426, 4);

    const run = capture();
    const argv = [
      'segment',
      cdnowCsv.path(),
      '--as-of',
      '1997-09-30',
      '--unit',
      'weeks',
      '--predict',
      '--horizon',
      '39',
    ];
    expect(await main([...argv, '--format', 'json'], run.io)).toBe(0);
    const rows = JSON.parse(run.out.join('')) as PredictedRow[];
    expect(rows).toHaveLength(2357);
    let worst = 0;
    for (const row of rows) {
      const customer = { x: row.x, tx: row.t_x, T: row.T };
      const expected = conditionalExpectation(params, 39, customer);
      worst = Math.max(worst, Math.abs(row.expected_purchases - expected) / expected);
      expect(row.p_alive).toBeCloseTo(probabilityAlive(params, customer), 6);
      expect(row.predicted_clv).toBeGreaterThanOrEqual(0);
    }
    // The command's fit and the fit command's agree to their convergence tolerance, not to the last digit.
    expect(worst).toBeLessThan(1e-5);
    // One-time buyers: P(alive) = 1 by construction, and the command says so.
    expect(rows.filter((row) => row.x === 0).every((row) => row.p_alive === 1)).toBe(true);
    expect(run.err.join('')).toMatch(/no repeat purchase; BG\/NBD gives them P\(alive\) = 1/);
  }, 60_000);

  test('CSV output adds p_alive, expected_purchases, expected_avg_value and predicted_clv after the segment columns', async () => {
    const run = capture();
    expect(
      await main(
        ['segment', cdnowCsv.path(), '--predict', '--unit', 'weeks', '--months', '6', '--margin', '0.3'],
        run.io,
      ),
    ).toBe(0);
    const header = run.out.join('').split('\n')[0]?.split(',') ?? [];
    expect(header.slice(-4)).toEqual(['p_alive', 'expected_purchases', 'expected_avg_value', 'predicted_clv']);
    expect(header).toEqual(expect.arrayContaining(['customer_id', 'rfm_code', 'value_tier', 'x', 't_x', 'T']));
  }, 60_000);

  test('prediction options without --predict, or out of range, stop with a message naming the option', async () => {
    const cases: [string[], RegExp][] = [
      [['--horizon', '3'], /--horizon only applies with --predict/],
      [['--predict', '--margin', '1.5'], /--margin must be a fraction from 0 to 1, got 1.5/],
      [['--predict', '--monthly-discount', '-1'], /--monthly-discount must be a rate above −1/],
      [['--predict', '--model', 'weibull'], /--model must be bgnbd, mbgnbd or pareto, got weibull/],
      [['--predict', '--months', 'abc'], /--months must be a whole number from 1 to 1200, got abc/],
      // Bounds come from core's option table, so the CLI refuses before reading the file what core would refuse.
      [['--predict', '--months', '0.5'], /--months must be a whole number from 1 to 1200, got 0.5/],
      [['--predict', '--months', '0x10'], /--months must be a whole number from 1 to 1200, got 0x10/],
      [['--bins', '11'], /--bins must be a whole number from 2 to 10, got 11/],
    ];
    for (const [options, message] of cases) {
      const run = capture();
      expect(await main(['segment', cdnowCsv.path(), ...options], run.io)).not.toBe(0);
      expect(run.err.join('')).toMatch(message);
    }
  });

  test('--predict before the file name is a flag, so the file is still read', async () => {
    const run = capture();
    expect(await main(['segment', '--predict', cdnowCsv.path(), '--unit', 'weeks'], run.io)).toBe(0);
    expect(run.out.join('')).toMatch(/predicted_clv/);
  }, 60_000);
});
