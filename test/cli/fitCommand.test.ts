import { runFitCommand } from '../../src/cli/fitCommand';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AnalyticsError } from '../../src/core';
import { sampleGamma } from '../core/btyd/simulate';
import { mulberry32 } from '../seededRandom';
import { capture, cdnowCsvForTests } from './cdnowCsv';

const cdnowCsv = cdnowCsvForTests();

describe('runFitCommand', () => {
  test('fit cdnow.csv --as-of 1997-09-30 --unit weeks reproduces Fader, Hardie & Lee (2005) and Fader & Hardie (2013)', async () => {
    const { io, out } = capture();
    const code = await runFitCommand(
      [cdnowCsv.path(), '--as-of', '1997-09-30', '--unit', 'weeks', '--holdout-end', '1998-06-30', '--model', 'pareto'],
      io,
    );
    expect(code).toBe(0);
    const json = JSON.parse(out.join('')) as {
      unit: string;
      customers: number;
      bgnbd: { r: number; alpha: number; a: number; b: number; logLikelihood: number; converged: boolean };
      pareto: { logLikelihood: number };
      gammaGamma: { p: number; q: number; gamma: number; logLikelihood: number };
      diagnostics: { byCalibrationFrequency: { label: string; actual: number }[]; frequencyHistogram: unknown[] };
    };
    expect(json.unit).toBe('weeks');
    expect(json.customers).toBe(2357);
    expect(json.bgnbd.r).toBeCloseTo(0.2426, 4);
    expect(json.bgnbd.alpha).toBeCloseTo(4.4136, 3);
    expect(json.bgnbd.a).toBeCloseTo(0.7929, 4);
    expect(json.bgnbd.b).toBeCloseTo(2.4259, 3);
    expect(Math.abs(json.bgnbd.logLikelihood - -9582.43)).toBeLessThan(0.01);
    expect(json.bgnbd.converged).toBe(true);
    expect(Math.abs(json.pareto.logLikelihood - -9594.98)).toBeLessThan(0.01);
    expect(json.gammaGamma.p).toBeCloseTo(6.25, 2);
    expect(json.gammaGamma.q).toBeCloseTo(3.74, 2);
    expect(json.gammaGamma.gamma).toBeCloseTo(15.44, 2);
    expect(json.diagnostics.byCalibrationFrequency[7]).toMatchObject({ label: '7+' });
    expect(json.diagnostics.byCalibrationFrequency[7]!.actual).toBeCloseTo(6.359, 3);
    expect(json.diagnostics.frequencyHistogram).toHaveLength(8);
  }, 60_000);

  test('--help prints the usage', async () => {
    const { io, out } = capture();
    expect(await runFitCommand(['--help'], io)).toBe(0);
    expect(out.join('')).toMatch(/--as-of yyyy-mm-dd/);
  });

  test('a missing --unit or --as-of, or an unknown option, is a BAD_ARGUMENT that says what to give', async () => {
    const { io } = capture();
    await expect(runFitCommand([cdnowCsv.path(), '--as-of', '1997-09-30'], io)).rejects.toThrow(
      /--unit must be days or weeks/,
    );
    await expect(runFitCommand([cdnowCsv.path(), '--unit', 'weeks'], io)).rejects.toThrow(
      /--as-of yyyy-mm-dd is required/,
    );
    await expect(
      runFitCommand([cdnowCsv.path(), '--unit', 'weeks', '--as-of', '1997-09-30', '--bins', '3'], io),
    ).rejects.toThrow(AnalyticsError);
    await expect(
      runFitCommand([cdnowCsv.path(), '--unit', 'weeks', '--as-of', '1997-09-30', '--holdout-end', '1997-01-01'], io),
    ).rejects.toThrow(/after --as-of/);
  });
  test('--model pareto on data where nobody drops out: BG/NBD and Gamma–Gamma still printed, pareto.error says why, exit 0', async () => {
    // 1,500 customers who buy at Poisson rates (gamma-distributed) and never stop, over 40 weeks of 2024;
    // spend drawn as the Gamma–Gamma model assumes.
    const random = mulberry32(7);
    const lines = ['customer,date,amount'];
    const start = Date.UTC(2024, 0, 1);
    for (let customer = 1; customer <= 1500; customer++) {
      const rate = sampleGamma(random, 0.7, 9); // purchases per week
      const spendRate = sampleGamma(random, 3.7, 15); // Gamma–Gamma spend heterogeneity (p 6, q 3.7, γ 15)
      const first = Math.floor(random() * 60);
      for (let week = first / 7; week <= 40; week += -Math.log(1 - random()) / rate) {
        const day = new Date(start + Math.floor(week * 7) * 86_400_000).toISOString().slice(0, 10);
        lines.push(`c${customer},${day},${sampleGamma(random, 6, spendRate).toFixed(2)}`);
      }
    }
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'nbd-')), 'nbd.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const { io, out, err } = capture();
    const argv = [file, '--as-of', '2024-10-07', '--unit', 'weeks', '--model', 'pareto', '--holdout-end', '2024-12-31'];
    expect(await runFitCommand(argv, io)).toBe(0);
    const json = JSON.parse(out.join('')) as {
      bgnbd: { r: number };
      gammaGamma: { p: number };
      pareto: { error: { code: string; message: string } };
      diagnostics: { byCalibrationFrequency: unknown[] };
    };
    expect(json.pareto.error.code).toBe('FLAT_LIKELIHOOD');
    expect(json.pareto.error.message).toMatch(/drop out/);
    expect(json.bgnbd.r).toBeGreaterThan(0);
    expect(json.gammaGamma.p).toBeGreaterThan(0);
    expect(json.diagnostics.byCalibrationFrequency).toHaveLength(8);
    expect(err.join('')).toMatch(
      /Pareto\/NBD could not be fitted \(FLAT_LIKELIHOOD\).*holdout diagnostics use BG\/NBD/,
    );
    rmSync(path.dirname(file), { recursive: true, force: true });
  }, 60_000);
});
