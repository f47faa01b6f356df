import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';
import { readDataText } from '../data/dataFiles';
import { capture } from './cdnowCsv';

// These tests read the 69,659 rows of CDNOW master: seconds each on a busy machine, more than Jest's default 5 s.
jest.setTimeout(60_000);

let directory: string;
let masterCsv: string;
beforeAll(() => {
  directory = mkdtempSync(path.join(tmpdir(), 'crm-cohorts-'));
  // CDNOW master as a user's CSV (ISO dates), written independently of core's readers.
  const lines = ['customer_id;date;cds;dollar_value'];
  for (const line of readDataText('CDNOW_master.txt').split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 4) continue;
    const [id, date, cds, value] = fields as [string, string, string, string];
    lines.push(`${id};${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)};${cds};${value}`);
  }
  masterCsv = path.join(directory, 'master.csv');
  writeFileSync(masterCsv, `${lines.join('\n')}\n`);
});
afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

describe('crm-analytics cohorts', () => {
  test('cohorts master.csv --measure active prints the CDNOW triangle (checked against a pandas groupby)', async () => {
    const { io, out, err } = capture();
    expect(await main(['cohorts', masterCsv, '--measure', 'active'], io)).toBe(0);
    const lines = out.join('').trim().split('\n');
    expect(lines[0]).toBe(`Cohort,Customers,${Array.from({ length: 18 }, (_, age) => age).join(',')},Partial period`);
    expect(lines[1]!.split(',').slice(0, 6)).toEqual(['1997-01', '7846', '7846', '1157', '964', '810']);
    expect(lines[3]!.split(',').slice(0, 6)).toEqual(['1997-03', '7248', '7248', '1032', '752', '756']);
    expect(lines).toHaveLength(4);
    expect(err.join('')).toMatch(/23570 customers in 3 cohorts by month/);
  });

  test('--format json carries every measure per cell and marks the partial period; --as-of cuts the data', async () => {
    const out = path.join(directory, 'cohorts.json');
    const { io, err } = capture();
    expect(
      await main(
        ['cohorts', masterCsv, '--period', 'quarter', '--as-of', '1998-06-15', '--format', 'json', '--out', out],
        io,
      ),
    ).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8')) as {
      period: string;
      partialPeriod: string | null;
      cohorts: { cohort: string; customers: number; cells: { age: number; survivors: number; partial: boolean }[] }[];
    };
    expect(json.period).toBe('quarter');
    expect(json.partialPeriod).toBe('1998-Q2');
    expect(json.cohorts).toHaveLength(1);
    expect(json.cohorts[0]!.customers).toBe(23570);
    expect(json.cohorts[0]!.cells.map((cell) => cell.partial)).toEqual([false, false, false, false, false, true]);
    expect(err.join('')).toMatch(/1998-Q2 is partial \(data to 1998-06-14\)/);
  });

  test('bad options say what is wrong', async () => {
    const { io, err } = capture();
    expect(await main(['cohorts', masterCsv, '--period', 'year'], io)).toBe(2);
    expect(err.join('')).toMatch(/--period must be month, week or quarter, got year/);
    const second = capture();
    expect(await main(['cohorts', masterCsv, '--as-of', '30/06/1998'], second.io)).toBe(1);
    expect(second.err.join('')).toMatch(/--as-of must be a date yyyy-mm-dd/);
  });
});

describe('crm-analytics fit --model sbg', () => {
  test('reproduces Fader & Hardie (2007) on the high-end series: alpha 0.668, beta 3.806, LL −1611.2, DERL 7.53', async () => {
    const file = path.join(directory, 'highend.csv');
    writeFileSync(file, 'year,alive\n0,1000\n1,869\n2,743\n3,653\n4,593\n5,551\n6,517\n7,491\n');
    const { io, out } = capture();
    expect(await main(['fit', file, '--model', 'sbg', '--discount', '0.1', '--renewals', '7'], io)).toBe(0);
    const json = JSON.parse(out.join('')) as {
      alpha: number;
      beta: number;
      logLikelihood: number;
      standardErrors: { alpha: number; beta: number };
      periods: number;
      lifetime: { measure: string; value: number; boundedBy: string };
      projection: { period: number; survival: number; projected: boolean }[];
    };
    expect(json.alpha).toBeCloseTo(0.668, 3);
    expect(json.beta).toBeCloseTo(3.806, 3);
    expect(json.logLikelihood).toBeCloseTo(-1611.16, 2);
    expect(json.standardErrors.alpha).toBeGreaterThan(0);
    expect(json.lifetime).toMatchObject({ measure: 'DERL', boundedBy: 'discount' });
    expect(json.lifetime.value).toBeCloseTo(7.53, 2);
    expect(json.projection).toHaveLength(15);
    expect(json.projection[12]).toMatchObject({ period: 12, projected: true });
    expect(json.projection[12]!.survival).toBeCloseTo(0.378, 3);
  });

  test('a triangle file (one cohort per row) is pooled; an undiscounted lifetime without horizon is refused', async () => {
    const file = path.join(directory, 'triangle.txt');
    writeFileSync(file, '1000 869 743 653 593 551 517 491\n500 430 370\n');
    const { io, out } = capture();
    expect(await main(['fit', file, '--model', 'sbg'], io)).toBe(0);
    expect(JSON.parse(out.join(''))).toMatchObject({ cohorts: 2, customers: 1500, periods: 7 });
    const refused = capture();
    expect(await main(['fit', file, '--model', 'sbg', '--discount', '0'], refused.io)).toBe(1);
    expect(refused.err.join('')).toMatch(/discount rate above 0 or a horizon/);
  });
});
