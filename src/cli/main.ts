import { AnalyticsError } from '../core';
import { runFitCommand } from './fitCommand';
import { runFitSummary } from './fitSummaryCommand';
import { parseArguments } from './parseArguments';
import type { CommandIo } from './segmentCommand';
import { runSegmentCommand, SEGMENT_FLAGS, SEGMENT_USAGE } from './segmentCommand';
import { runScoreCommand } from './scoreCommand';
import { runSegmentSummary } from './segmentSummaryCommand';
import { runSqlCommand, SQL_FLAGS } from './sqlCommand';

const USAGE = `crm-analytics: customer analytics on transaction CSV files

Commands:
  segment <file.csv> [options]   RFM, segments, lifecycle, value tiers per customer
  fit <file.csv> [options]       fit BG/NBD / Pareto/NBD + Gamma–Gamma, with holdout diagnostics
  sql --dialect D [options]      the customer summary as SQL for a warehouse (duckdb, postgres, spark, …)
  score <summary.csv> --model FIT.json   P(alive), expected purchases, CLV per unit of spend by (x, t_x, T)

Run crm-analytics <command> --help for the options.

${SEGMENT_USAGE}`;

const PROCESS_IO: CommandIo = {
  stdout: (text) => {
    process.stdout.write(text);
  },
  stderr: (text) => {
    process.stderr.write(text);
  },
};

/**
 * The command line: dispatches `segment`, `fit` and `--help`, prints errors as one clear line on stderr and
 * returns the exit code (0 ok, 1 unusable input, 2 bad usage).
 *
 * @example
 * await main(['segment', 'orders.csv', '--format', 'json']) // => 0
 */
export async function main(argv: readonly string[], io: CommandIo = PROCESS_IO): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.stdout(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    }
    if (command === 'segment') {
      const parsed = parseArguments(rest, SEGMENT_FLAGS);
      // --summary: a customer summary exported from a warehouse instead of a transaction file.
      if (parsed.options.has('summary') && !parsed.options.has('help')) return runSegmentSummary(parsed, io);
      return await runSegmentCommand(parsed, io);
    }
    if (command === 'fit') {
      const parsed = parseArguments(rest);
      if (parsed.options.has('summary') && !parsed.options.has('help')) return runFitSummary(parsed, io);
      return await runFitCommand(rest, io);
    }
    if (command === 'sql') return runSqlCommand(parseArguments(rest, SQL_FLAGS), io);
    if (command === 'score') return runScoreCommand(parseArguments(rest), io);
    io.stderr(`crm-analytics: unknown command "${command}". Run crm-analytics --help.\n`);
    return 2;
  } catch (error) {
    if (error instanceof AnalyticsError) {
      io.stderr(`crm-analytics ${command}: ${error.message}\n`);
      return error.code === 'BAD_ARGUMENT' ? 2 : 1;
    }
    io.stderr(`crm-analytics ${command}: unexpected error: ${error instanceof Error ? error.stack : String(error)}\n`);
    return 1;
  }
}

// Run when started as the program (the built bin or `tsx src/cli/main.ts`), not when imported by tests.
const invokedAs = typeof process === 'undefined' ? '' : (process.argv[1] ?? '');
if (/crm-analytics(\.js)?$|[\\/]cli[\\/]main\.ts$/.test(invokedAs)) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
