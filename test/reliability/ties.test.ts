/*
 * Class 9 (pane and command line): tied customers get labels that agree, and every entry point warns.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';
import { byHeader, runPane } from './paneRun';
import { englishWarnings } from '../messages/englishWarnings';

let directory: string;
beforeAll(() => {
  directory = mkdtempSync(path.join(tmpdir(), 'crm-ties-'));
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** Ten customers, each buying 3 times for $300 on the same days, the last yesterday. */
const IDENTICAL = Array.from({ length: 10 }, (_, index) =>
  ['2024-05-01', '2024-05-15', '2024-05-30'].map((date) => [`C${index}`, date, 300]),
).flat();

describe('ten identical customers', () => {
  test('the pane labels all of them 555 Champions and Platinum, and shows the tie warnings', async () => {
    const serial = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000 + 25_569;
    const rows = [
      ['customer', 'date', 'amount'],
      ...IDENTICAL.map(([id, date, amount]) => [id, serial(String(date)), amount]),
    ];
    const run = await runPane(rows as (string | number)[][]);
    const customers = byHeader(run.segments);
    expect(customers).toHaveLength(10);
    expect(
      new Set(customers.map((row) => `${String(row.rfm_code)} ${String(row.segment)} ${String(row.value_tier)}`)),
    ).toEqual(new Set(['555 Champions Platinum']));
    const finished = run.events.at(-1);
    expect(finished?.type).toBe('runFinished');
    expect(finished?.type === 'runFinished' ? englishWarnings(finished.summary.warnings) : []).toEqual(
      expect.arrayContaining(['recency has 1 distinct value for 5 bins: every customer ties on it and gets score 5.']),
    );
  });

  test('segment on the command line agrees, warns on standard error, and its help says what ties do', async () => {
    const file = path.join(directory, 'identical.csv');
    writeFileSync(file, `customer,date,amount\n${IDENTICAL.map((row) => row.join(',')).join('\n')}\n`);
    let stdout = '';
    let stderr = '';
    const io = { stdout: (text: string) => void (stdout += text), stderr: (text: string) => void (stderr += text) };
    expect(await main(['segment', file], io)).toBe(0);
    const [header = '', ...lines] = stdout.trim().split('\n');
    const names = header.split(',');
    const codes = new Set(lines.map((line) => line.split(',')[names.indexOf('rfm_code')]));
    expect(codes).toEqual(new Set(['555']));
    expect(stderr).toMatch(
      /Warning: frequency has 1 distinct value for 5 bins: every customer ties on it and gets score 5\./,
    );
    stdout = '';
    await main(['segment', '--help'], io);
    expect(stdout).toMatch(/when every customer has the same value\s+they all get the top score N/);
  });
});
