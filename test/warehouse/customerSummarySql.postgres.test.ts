import { defineEngineCases } from './engineCases';
import { PostgresEngine, postgresBinaries } from './postgresEngine';

// PostgreSQL is a system package: without it a developer's run says so and skips; CI installs it and must run.
const binaries = postgresBinaries();
const inCi = process.env.CI === 'true';

if (binaries === null) {
  test('PostgreSQL is installed (initdb and pg_ctl under /usr/lib/postgresql/N/bin or $PG_BIN)', () => {
    if (inCi) throw new Error('PostgreSQL is missing in CI: .ci/run installs the Debian package postgresql.');
    console.warn('PostgreSQL not found: the warehouse SQL was not executed on PostgreSQL (install postgresql).');
  });
} else {
  let engine: PostgresEngine;
  beforeAll(() => {
    engine = PostgresEngine.start(binaries);
  }, 60_000);
  afterAll(() => {
    engine.close();
  });
  defineEngineCases(() => engine, 25);
}
