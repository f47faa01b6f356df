/*
 * PostgreSQL as a test warehouse, started by the tests themselves: initdb and pg_ctl on a Unix socket in a
 * temporary folder (no TCP port, no system service), queried with psql --csv, stopped and removed after.
 * PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user (or `nobody`).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { EngineRow, TransactionTable } from './transactionTable';
import { tableColumns, writeTableCsv } from './transactionTable';

const PG_TYPES = { text: 'TEXT', timestamp: 'TIMESTAMP', double: 'DOUBLE PRECISION' } as const;
const PORT = '54329';

/** The folder of initdb / pg_ctl: $PG_BIN, else Debian's newest /usr/lib/postgresql/N/bin; null when absent. */
export function postgresBinaries(): string | null {
  const candidates = [process.env.PG_BIN, ...[17, 16, 15, 14, 13].map((v) => `/usr/lib/postgresql/${v}/bin`)];
  for (const candidate of candidates) {
    if (
      candidate !== undefined &&
      existsSync(path.join(candidate, 'initdb')) &&
      existsSync(path.join(candidate, 'pg_ctl'))
    ) {
      return candidate;
    }
  }
  return null;
}

function userIdOf(name: string): { uid: number; gid: number } | null {
  try {
    const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    return null;
  }
}

export class PostgresEngine {
  readonly dialect = 'postgres';

  private constructor(
    private readonly folder: string,
    private readonly binaries: string,
    private readonly runAs: string | null,
  ) {}

  /** Creates a cluster in a new temporary folder and starts it; throws with the server's log on failure. */
  static start(binaries: string): PostgresEngine {
    const folder = mkdtempSync(path.join(tmpdir(), 'crm-postgres-'));
    let runAs: string | null = null;
    if (typeof process.getuid === 'function' && process.getuid() === 0) {
      runAs = userIdOf('postgres') !== null ? 'postgres' : 'nobody';
      const ids = userIdOf(runAs);
      if (ids === null) throw new Error('Running as root, and neither a postgres nor a nobody user exists.');
      chownSync(folder, ids.uid, ids.gid);
    }
    chmodSync(folder, 0o700);
    const engine = new PostgresEngine(folder, binaries, runAs);
    const data = path.join(folder, 'data');
    engine.server('initdb', ['-D', data, '-U', 'crm', '--auth=trust', '-E', 'UTF8', '--no-locale']);
    const settings = `-k ${folder} -p ${PORT} -c listen_addresses='' -c fsync=off -c max_worker_processes=0`;
    engine.server('pg_ctl', ['-D', data, '-l', path.join(folder, 'server.log'), '-o', settings, '-w', 'start']);
    return engine;
  }

  private server(program: string, args: string[]): void {
    const binary = path.join(this.binaries, program);
    const [command, commandArgs] =
      this.runAs === null ? [binary, args] : ['runuser', ['-u', this.runAs, '--', binary, ...args]];
    execFileSync(command, commandArgs, { stdio: 'pipe', cwd: this.folder });
  }

  private psql(args: string[]): string {
    return execFileSync(
      'psql',
      ['-h', this.folder, '-p', PORT, '-U', 'crm', '-d', 'postgres', '-X', '-q', '-v', 'ON_ERROR_STOP=1', ...args],
      { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] },
    );
  }

  /** Replaces table `transactions` with the rows of `table`, loaded with \copy from a CSV. */
  load(table: TransactionTable): Promise<void> {
    const csv = path.join(this.folder, 'transactions.csv');
    writeTableCsv(table, csv);
    const columns = tableColumns(table)
      .map(([name, type]) => `${name} ${PG_TYPES[type]}`)
      .join(', ');
    this.psql(['-c', `DROP TABLE IF EXISTS transactions; CREATE TABLE transactions (${columns});`]);
    this.psql(['-c', `\\copy transactions FROM '${csv}' WITH (FORMAT csv, HEADER true)`]);
    return Promise.resolve();
  }

  /** Runs one query and returns its rows (numeric text as numbers). */
  query(sql: string): Promise<EngineRow[]> {
    const file = path.join(this.folder, 'query.sql');
    writeFileSync(file, sql, 'utf8');
    const text = this.psql(['--csv', '-f', file]);
    const records = parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    const rows = records.map((record) => {
      const row: EngineRow = {};
      for (const [name, value] of Object.entries(record)) {
        row[name] =
          value === ''
            ? null
            : /^-?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(value) && name !== 'customer_id'
              ? Number(value)
              : value;
      }
      return row;
    });
    return Promise.resolve(rows);
  }

  /** Stops the server and removes the folder. */
  close(): void {
    try {
      this.server('pg_ctl', ['-D', path.join(this.folder, 'data'), '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(this.folder, { recursive: true, force: true });
    }
  }
}
