import { AnalyticsError } from '../core';
import { COHORTS_FLAGS, runCohortsCommand } from './cohortsCommand';
import { runFitCommand } from './fitCommand';
import { FILE_CONTENTS } from './exitCodes';
import { OutputError } from './outputFile';
import { runFitSummary } from './fitSummaryCommand';
import { parseArguments } from './parseArguments';
import type { CommandIo } from './segmentCommand';
import { runSegmentCommand, SEGMENT_FLAGS, SEGMENT_USAGE } from './segmentCommand';
import { runScoreCommand } from './scoreCommand';
import { runSegmentSummary } from './segmentSummaryCommand';
import { runSqlCommand, SQL_FLAGS } from './sqlCommand';
import { describeFailure } from '../messages/coreMessages';
import { tuneCompilerBudget } from './compilerBudget';

const USAGE = `crm-analytics: customer analytics on transaction CSV files

Commands:
  segment <file.csv> [options]   RFM, segments, lifecycle, value tiers per customer
  fit <file.csv> [options]       fit BG/NBD / Pareto/NBD + Gamma–Gamma, with holdout diagnostics;
                                 fit <survivors.csv> --model sbg: the sBG contract-retention model
  cohorts <file.csv> [options]   cohort triangle by month, week or quarter of first purchase
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
 * The command line: dispatches `segment`, `fit`, `cohorts` and `--help`, prints errors as one clear line on stderr
 * and returns the exit code of {@link EXIT_CODES} (0 done, 1 unusable input, 2 usage error, 3 output not written).
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
    if (command === 'cohorts') return await runCohortsCommand(parseArguments(rest, COHORTS_FLAGS), io);
    if (command === 'sql') return runSqlCommand(parseArguments(rest, SQL_FLAGS), io);
    if (command === 'score') return runScoreCommand(parseArguments(rest), io);
    io.stderr(`crm-analytics: unknown command "${command}". Run crm-analytics --help.\n`);
    return 2;
  } catch (error) {
    if (error instanceof AnalyticsError) {
      io.stderr(`crm-analytics ${command}: ${describeFailure(error, 'en')}\n`);
      // Usage errors are 2; a bad file (a row of it, its bytes) is unusable input, 1.
      const aboutTheFile = error.where?.row !== undefined || error.where?.argument === FILE_CONTENTS;
      return error.code === 'BAD_ARGUMENT' && !aboutTheFile ? 2 : 1;
    }
    if (error instanceof OutputError) {
      io.stderr(`crm-analytics ${command}: ${error.message}\n`);
      return 3;
    }
    // A fault of ours: one line for the user; the stack only when asked for (CRM_ANALYTICS_DEBUG=1).
    const detail = error instanceof Error ? error.message : String(error);
    io.stderr(
      `crm-analytics ${command}: unexpected error: ${detail}. Please report it with the command you ran.\n` +
        (process.env.CRM_ANALYTICS_DEBUG === '1' && error instanceof Error ? `${error.stack ?? ''}\n` : ''),
    );
    return 1;
  }
}

// Run when started as the program (the built bin or `tsx src/cli/main.ts`), not when imported by tests.
const invokedAs = typeof process === 'undefined' ? '' : (process.argv[1] ?? '');
if (/crm-analytics(\.js)?$|[\\/]cli[\\/]main\.ts$/.test(invokedAs)) {
  tuneCompilerBudget();
  // A reader that stops early (`| head -1`) closes the pipe: say so once and exit 3, without a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    process.stderr.write(
      error.code === 'EPIPE'
        ? 'crm-analytics: the output was closed before everything was written (a closed pipe).\n'
        : `crm-analytics: cannot write the output: ${error.message}\n`,
    );
    process.exit(3);
  });
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
