// The warehouse round trip on CDNOW master: `sql` prints the query, DuckDB runs it and exports the summary
// and the collapsed table as CSV (as any warehouse would), and `fit --summary`, `score` and
// `segment --summary` complete the analysis from those files alone.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { main } from '../../src/cli/main';
import { modelFromFitJson } from '../../src/cli/scoreCommand';
import { probabilityAlive } from '../../src/core';
import { cdnowMasterTable } from '../warehouse/dataSets';
import { DuckDbEngine } from '../warehouse/duckdbEngine';
import { capture } from './cdnowCsv';

let folder: string;
const file = (name: string): string => path.join(folder, name);

async function run(args: string[]): Promise<{ out: string; err: string }> {
  const { io, out, err } = capture();
  const code = await main(args, io);
  if (code !== 0) throw new Error(`crm-analytics ${args.join(' ')} exited ${code}: ${err.join('')}`);
  return { out: out.join(''), err: err.join('') };
}

function records(name: string): Record<string, string>[] {
  return parse(readFileSync(file(name), 'utf8'), { columns: true }) as Record<string, string>[];
}

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'crm-warehouse-cli-'));
  const table = cdnowMasterTable();
  const lines = ['customer,date,amount'];
  table.customer.forEach((customer, row) => lines.push(`${customer},${table.date[row]},${table.amount?.[row]}`));
  writeFileSync(file('cdnow.csv'), `${lines.join('\n')}\n`);
  const engine = await DuckDbEngine.open();
  try {
    await engine.load(table);
    const columns = ['--customer', 'customer', '--date', 'purchased_at', '--amount', 'amount'];
    const common = ['sql', '--dialect', 'duckdb', ...columns, '--as-of', '1997-09-30', '--unit', 'weeks'];
    for (const [name, extra] of [
      ['summary.csv', []],
      ['collapsed.csv', ['--collapsed']],
    ] as const) {
      const { out } = await run([...common, ...extra]);
      await engine.query(`COPY (${out}) TO '${file(name)}' (HEADER, DELIMITER ',')`);
    }
  } finally {
    engine.close();
  }
}, 120_000);

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

test('fit --summary on the collapsed table prints the same BG/NBD as fit on the transactions', async () => {
  const fromTransactions = JSON.parse(
    (await run(['fit', file('cdnow.csv'), '--as-of', '1997-09-30', '--unit', 'weeks'])).out,
  ) as { bgnbd: object; customers: number; gammaGamma: { p: number } };
  const collapsed = JSON.parse((await run(['fit', '--summary', file('collapsed.csv'), '--unit', 'weeks'])).out) as {
    bgnbd: object;
    customers: number;
    rows: number;
  };
  expect(collapsed.customers).toBe(23_570);
  expect(collapsed.rows).toBe(8_685);
  expect(collapsed.bgnbd).toEqual(fromTransactions.bgnbd);
  const perCustomer = JSON.parse((await run(['fit', '--summary', file('summary.csv'), '--unit', 'weeks'])).out) as {
    bgnbd: object;
    gammaGamma: { p: number };
  };
  expect(perCustomer.bgnbd).toEqual(fromTransactions.bgnbd);
  expect(perCustomer.gammaGamma.p).toBeCloseTo(fromTransactions.gammaGamma.p, 5);
  writeFileSync(file('fit.json'), JSON.stringify(collapsed));
}, 120_000);

test('score writes one row per (x, t_x, T) with the model’s P(alive)', async () => {
  await run([
    'score',
    file('collapsed.csv'),
    '--model',
    file('fit.json'),
    '--out',
    file('scores.csv'),
    '--margin',
    '0.3',
  ]);
  const scores = records('scores.csv');
  const collapsed = records('collapsed.csv');
  expect(scores).toHaveLength(collapsed.length);
  expect(scores.reduce((sum, row) => sum + Number(row.customers), 0)).toBe(23_570);
  const model = modelFromFitJson(readFileSync(file('fit.json'), 'utf8'), 'fit.json', 'bgnbd');
  const row = scores.find((candidate) => candidate.x === '2') as Record<string, string>;
  const customer = { x: 2, tx: Number(row.t_x), T: Number(row.T) };
  expect(Number(row.p_alive)).toBe(probabilityAlive(model, customer));
  expect(Number(row.p_alive)).toBeGreaterThan(0);
  expect(Number(row.clv_per_unit_spend)).toBeGreaterThan(0);
}, 60_000);

test('segment --summary writes the segment table from the exported summary, with --predict', async () => {
  const { err } = await run([
    'segment',
    '--summary',
    file('summary.csv'),
    '--unit',
    'weeks',
    '--predict',
    '--out',
    file('segments.csv'),
  ]);
  expect(err).toMatch(/23570 customers as of 1997-09-30/);
  const rows = records('segments.csv');
  expect(rows).toHaveLength(23_570);
  expect(Object.keys(rows[0] ?? {})).toEqual(expect.arrayContaining(['customer_id', 'rfm_code', 'segment', 'p_alive']));
  expect(rows.filter((row) => row.lifecycle_stage === '')).toEqual([]);
}, 120_000);

test('bad summaries and options are refused saying what is wrong', async () => {
  writeFileSync(file('bad.csv'), 'x,t_x,T\n1,2,abc\n');
  const { io, err } = capture();
  expect(await main(['fit', '--summary', file('bad.csv'), '--unit', 'weeks'], io)).toBe(1);
  expect(err.join('')).toMatch(/Row 2, column T: "abc" is not a number/);
  const second = capture();
  expect(await main(['segment', '--summary', file('collapsed.csv')], second.io)).toBeGreaterThan(0);
  expect(second.err.join('')).toMatch(/collapsed table/);
  const third = capture();
  expect(await main(['score', file('collapsed.csv')], third.io)).toBe(2);
  expect(third.err.join('')).toMatch(/--model FIT.json is required/);
});
