/*
 * The built command line (dist/cli/crm-analytics.js, what `npm install -g` runs) on the cohort and sBG commands:
 * the golden numbers of Fader & Hardie (2007, 2010) through the real process, arguments and exit codes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DIST_DIR } from './loadFunctionsBundle';

const CLI = path.join(DIST_DIR, 'cli', 'crm-analytics.js');
let directory: string;
beforeAll(() => {
  directory = mkdtempSync(path.join(tmpdir(), 'crm-cli-bundle-'));
});
afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('dist/cli/crm-analytics.js', () => {
  test('fit --model sbg on the high-end series prints alpha 0.668, beta 3.806, LL −1611.2 and DERL(n = 8) 7.53', () => {
    const file = path.join(directory, 'highend.csv');
    writeFileSync(file, '1000\n869\n743\n653\n593\n551\n517\n491\n');
    const result = run(['fit', file, '--model', 'sbg', '--discount', '0.1', '--renewals', '7']);
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout) as {
      alpha: number;
      beta: number;
      logLikelihood: number;
      lifetime: { value: number };
    };
    expect(json.alpha).toBeCloseTo(0.668, 3);
    expect(json.beta).toBeCloseTo(3.806, 3);
    expect(json.logLikelihood).toBeCloseTo(-1611.2, 1);
    expect(json.lifetime.value).toBeCloseTo(7.53, 2);
  });

  test('cohorts prints the triangle with the partial period named; a bad option exits 2', () => {
    const file = path.join(directory, 'orders.csv');
    writeFileSync(
      file,
      'customer,date,amount\na,2024-01-05,10\na,2024-02-10,20\nb,2024-01-20,5\nb,2024-03-02,7\nc,2024-02-01,8\n',
    );
    const result = run(['cohorts', file, '--measure', 'active']);
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n')).toEqual([
      'Cohort,Customers,0,1,2,Partial period',
      '2024-01,2,2,1,1,2024-03 (to 2024-03-02)',
      '2024-02,1,1,0,,2024-03 (to 2024-03-02)',
    ]);
    expect(run(['cohorts', file, '--period', 'decade']).status).toBe(2);
  });
});
