/*
 * DuckDB (embedded, @duckdb/node-api) as a test warehouse: load a transaction table from CSV with typed
 * columns, run SQL, read rows back with numbers as numbers and dates as yyyy-mm-dd.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { EngineRow, TransactionTable } from './transactionTable';
import { tableColumns, writeTableCsv } from './transactionTable';

const DUCKDB_TYPES = { text: 'VARCHAR', timestamp: 'TIMESTAMP', double: 'DOUBLE' } as const;

/** An in-memory DuckDB database with one connection. */
export class DuckDbEngine {
  readonly dialect = 'duckdb';

  private constructor(
    private readonly connection: DuckDBConnection,
    private readonly folder: string,
  ) {}

  static async open(): Promise<DuckDbEngine> {
    const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
    return new DuckDbEngine(await instance.connect(), mkdtempSync(path.join(tmpdir(), 'crm-duckdb-')));
  }

  /** Replaces table `transactions` with the rows of `table` (through a CSV in the engine's folder). */
  async load(table: TransactionTable): Promise<void> {
    const csvFile = path.join(this.folder, 'transactions.csv');
    writeTableCsv(table, csvFile);
    const columns = tableColumns(table)
      .map(([name, type]) => `'${name}': '${DUCKDB_TYPES[type]}'`)
      .join(', ');
    await this.connection.run('DROP TABLE IF EXISTS transactions');
    await this.connection.run(
      `CREATE TABLE transactions AS SELECT * FROM read_csv('${csvFile.replace(/'/g, "''")}', header = true, ` +
        `delim = ',', quote = '"', escape = '"', columns = {${columns}})`,
    );
  }

  async query(sql: string): Promise<EngineRow[]> {
    const reader = await this.connection.runAndReadAll(sql);
    return reader.getRowObjectsJson().map((row) => {
      const out: EngineRow = {};
      for (const [name, value] of Object.entries(row)) {
        out[name] =
          value === null || typeof value === 'number' || typeof value === 'string' ? value : JSON.stringify(value);
      }
      return out;
    });
  }

  close(): void {
    this.connection.closeSync();
    rmSync(this.folder, { recursive: true, force: true });
  }
}
