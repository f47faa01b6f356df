/*
 * One path of the warehouse benchmark, in its own process: `duckdb FILE OUT` loads the CSV into DuckDB and
 * exports the customer summary of the generated query; `cli FILE OUT` runs crm-analytics segment. Prints one
 * line: the path, its phases' times and the process's peak memory.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { main } from '../src/cli/main';
import { customerSummarySql } from '../src/core';

const [mode, file, out] = process.argv.slice(2) as [string, string, string];
const seconds = (from: number): string => `${((performance.now() - from) / 1000).toFixed(1)} s`;
const peak = (): string => `peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`;

async function run(): Promise<void> {
  const started = performance.now();
  if (mode === 'duckdb') {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(
      `CREATE TABLE transactions AS SELECT * FROM read_csv('${file}', header = true, columns = ` +
        `{'customer': 'VARCHAR', 'date': 'DATE', 'amount': 'DOUBLE', 'order': 'VARCHAR'})`,
    );
    const loaded = seconds(started);
    const queryStart = performance.now();
    const sql = customerSummarySql(
      { table: 'transactions', columns: { customer: 'customer', date: 'date', amount: 'amount', order: 'order' } },
      'duckdb',
    );
    await connection.run(`COPY (${sql}) TO '${out}' (HEADER)`);
    console.log(`DuckDB: load ${loaded}, query + export ${seconds(queryStart)}, total ${seconds(started)}, ${peak()}`);
    connection.closeSync();
    return;
  }
  const silent = { stdout: () => undefined, stderr: () => undefined };
  const code = await main(['segment', file, '--out', out], silent);
  if (code !== 0) throw new Error(`segment exited ${code}`);
  console.log(`CLI segment: total ${seconds(started)}, ${peak()}`);
}

run().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
