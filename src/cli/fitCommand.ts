import type {
  BgNbdModel,
  BtydCustomer,
  CoreWarning,
  GammaGammaModel,
  ParetoNbdModel,
  TimeUnit,
  Transactions,
} from '../core';
import {
  AnalyticsError,
  btydCustomersOf,
  calibrationHoldout,
  dayToIso,
  fitBgNbd,
  fitGammaGamma,
  fitParetoNbd,
  frequencyHistogram,
  requireDate,
  summarizeCustomers,
  OPTION_RULES,
  transactionWarnings,
  withOptionAdvice,
} from '../core';
import { DATE_ORDER_USAGE } from './dateOrderOption';
import { EXIT_CODES } from './exitCodes';
import { choiceOption, fileArgument, numberFlag, parseArguments, textOption } from './parseArguments';
import type { ParsedArguments } from './parseArguments';
import { fileReadingOf, readTransactionFile, TRANSACTION_FILE_OPTIONS } from './transactionFile';
import { runSbgFitCommand } from './sbgFitCommand';
import type { CommandIo } from './segmentCommand';
import { describeSkipped } from '../messages/coreMessages';
import { reportWarnings } from './reportWarnings';

export const FIT_USAGE = `Usage: crm-analytics fit <file.csv> --as-of yyyy-mm-dd --unit days|weeks [options]

Fits the BG/NBD purchase model (or MBG/NBD, and Pareto/NBD when asked) and the Gamma–Gamma spend model to
the transactions up to the as-of date (inclusive) and prints them as JSON, with chart-ready diagnostics.

Options:
  --customer COL            customer id column (default: detected)
  --date COL                transaction date   (default: detected)
  --amount COL              amount             (default: detected)
  --order COL               order / invoice id (default: detected)
  --as-of yyyy-mm-dd        end of the calibration period, inclusive (required)
${DATE_ORDER_USAGE}
  --unit days|weeks         time unit of the model (required); every parameter is in this unit
  --model bgnbd|mbgnbd|pareto   purchase model (default bgnbd); pareto adds a Pareto/NBD fit, or, where
                            the data cannot determine it, "pareto": { "error": … } saying why
  --holdout-end yyyy-mm-dd  also compare predictions with the actual purchases after --as-of up to this date
                            (a warning names the data's last purchase when either date is after it)
  --penalty P               L2 penalty on the parameters (lifetimes' penalizer_coef; default 0)
  --encoding E              utf-8 | utf-16le | utf-16be | gb18030 (gbk) | windows-1252 (default: detected)
  --decimal M               , or . — the file's decimal mark (default: detected from the values)
  --summary FILE            fit a customer summary or a collapsed (x, t_x, T, customers) table from
                            crm-analytics sql instead of transactions (then no file, --as-of or --holdout-end;
                            --unit is the summary's unit)
  --help                    show this help

crm-analytics fit <survivors.csv> --model sbg fits the sBG retention model to contract survivor counts
instead (crm-analytics fit --model sbg --help).

${EXIT_CODES}`;

const KNOWN_OPTIONS = new Set<string>([...TRANSACTION_FILE_OPTIONS, 'unit', 'model', 'holdout-end', 'penalty']);

const PROCESS_IO: CommandIo = {
  stdout: (text) => {
    process.stdout.write(text);
  },
  stderr: (text) => {
    process.stderr.write(text);
  },
};

function isoDateOption(parsed: ParsedArguments, name: string): number | undefined {
  const text = textOption(parsed, name);
  if (text === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    throw new AnalyticsError('BAD_DATE', `--${name} must be a date yyyy-mm-dd, got ${text}.`, { argument: name });
  }
  return requireDate(text, name);
}

function round(value: number): number {
  return Number(value.toPrecision(10));
}

export function roundedHistogram(model: BgNbdModel, customers: readonly BtydCustomer[]) {
  return frequencyHistogram(model, customers).map((row) => ({
    ...row,
    model: row.model === null ? null : round(row.model),
  }));
}

export function describeBgNbd(model: BgNbdModel) {
  const { r, alpha, a, b } = model.params;
  const se = model.standardErrors;
  return {
    kind: model.kind,
    r: round(r),
    alpha: round(alpha),
    a: round(a),
    b: round(b),
    logLikelihood: round(model.logLikelihood),
    standardErrors: se === null ? null : { r: round(se.r), alpha: round(se.alpha), a: round(se.a), b: round(se.b) },
    converged: model.converged,
    iterations: model.iterations,
  };
}

export function describePareto(model: ParetoNbdModel) {
  const { r, alpha, s, beta } = model.params;
  const se = model.standardErrors;
  return {
    r: round(r),
    alpha: round(alpha),
    s: round(s),
    beta: round(beta),
    logLikelihood: round(model.logLikelihood),
    standardErrors:
      se === null ? null : { r: round(se.r), alpha: round(se.alpha), s: round(se.s), beta: round(se.beta) },
    converged: model.converged,
    iterations: model.iterations,
  };
}

export function describeGammaGamma(model: GammaGammaModel) {
  return {
    p: round(model.params.p),
    q: round(model.params.q),
    gamma: round(model.params.gamma),
    logLikelihood: round(model.logLikelihood),
    customers: model.customers,
    excludedNonPositiveSpend: model.excludedNonPositiveSpend,
    frequencySpendCorrelation: round(model.frequencySpendCorrelation),
    converged: model.converged,
  };
}

/**
 * Warnings when the calibration or holdout period ends after the data's last purchase: the days after it count
 * as days without purchases, which is right only if the data really covers them (P(alive) medians of 0.05 and
 * thousands of predicted purchases against hundreds actual when it does not). The data cannot say where its
 * observation ends, so this warns, naming the last date, rather than refusing.
 */
function beyondDataWarnings(transactions: Transactions, asOf: number, holdoutEnd: number | undefined): string[] {
  if (transactions.length === 0) return [];
  let last = -Infinity;
  for (let row = 0; row < transactions.length; row++) last = Math.max(last, transactions.day[row] as number);
  const lastDay = Math.floor(last);
  const beyond = (option: string, day: number): string =>
    `--${option} ${dayToIso(day)} is ${Math.floor(day) - lastDay} days after the data's last purchase on ` +
    `${dayToIso(lastDay)}: those days count as days without purchases. If the data ends earlier, use --${option} ` +
    `${dayToIso(lastDay)} or earlier.`;
  const warnings: string[] = [];
  if (Math.floor(asOf) > lastDay) warnings.push(beyond('as-of', asOf));
  if (holdoutEnd !== undefined && Math.floor(holdoutEnd) > lastDay) warnings.push(beyond('holdout-end', holdoutEnd));
  return warnings;
}

/**
 * Runs `crm-analytics fit`: reads the CSV with the same column handling as `segment`, summarises each
 * customer as of the as-of date (x, t_x, T in --unit; mean repeat spend), fits the models and prints one JSON
 * object: { unit, asOf, customers, bgnbd, gammaGamma, pareto?, diagnostics, warnings }. With --holdout-end the
 * diagnostics compare the predicted and actual repeat purchases in (as-of, holdout-end] by calibration
 * frequency. Returns the exit code (0 ok).
 *
 * @throws AnalyticsError for bad options or unusable data; `main` prints the message and exits non-zero.
 * @example
 * await runFitCommand(['orders.csv', '--as-of', '1997-09-30', '--unit', 'weeks']); // prints JSON, => 0
 */
export async function runFitCommand(argv: readonly string[], io: CommandIo = PROCESS_IO): Promise<number> {
  try {
    return await runFit(argv, io);
  } catch (error) {
    // Core names no option in its advice; here a penalty exists.
    throw withOptionAdvice(error, 'penalty', 'Or add a small penalty: --penalty 0.001.');
  }
}

async function runFit(argv: readonly string[], io: CommandIo): Promise<number> {
  const parsed = parseArguments(argv);
  if (parsed.options.has('help') && parsed.options.get('model') !== 'sbg') {
    io.stdout(`${FIT_USAGE}\n`);
    return 0;
  }
  // The sBG fits a survivor series, not transactions: its own file format and options.
  if (parsed.options.get('model') === 'sbg') return runSbgFitCommand(parsed, io);
  const file = fileArgument(parsed, 'fit', KNOWN_OPTIONS);
  const unit = textOption(parsed, 'unit');
  if (unit !== 'days' && unit !== 'weeks') {
    throw new AnalyticsError(
      'BAD_ARGUMENT',
      `--unit must be days or weeks (the model's time unit must be explicit), got ${unit ?? 'nothing'}.`,
      { argument: 'unit' },
    );
  }
  const asOf = isoDateOption(parsed, 'as-of');
  if (asOf === undefined) {
    throw new AnalyticsError('BAD_ARGUMENT', '--as-of yyyy-mm-dd is required: the end of the calibration period.', {
      argument: 'as-of',
    });
  }
  const holdoutEnd = isoDateOption(parsed, 'holdout-end');
  if (holdoutEnd !== undefined && holdoutEnd <= asOf) {
    throw new AnalyticsError('OUT_OF_RANGE', '--holdout-end must be after --as-of.', { argument: 'holdout-end' });
  }
  const modelName = choiceOption(parsed, 'model', OPTION_RULES.model.choices, OPTION_RULES.model.default);
  const penalty = numberFlag(parsed, 'penalty', 'penalty') ?? OPTION_RULES.penalty.default;
  const transactions = readTransactionFile(file, fileReadingOf(parsed), io);
  const timeUnit: TimeUnit = unit;
  // The Pareto/NBD likelihood has no maximum on data where nobody seems to drop out: then the command still
  // prints BG/NBD and Gamma–Gamma (and BG/NBD holdout diagnostics) and says why Pareto/NBD is missing.
  let paretoFailure: AnalyticsError | undefined;
  const unlessParetoFails = <T>(fit: () => T, fallback: () => T): T => {
    try {
      return fit();
    } catch (error) {
      const modelFailure =
        error instanceof AnalyticsError && (error.code === 'FLAT_LIKELIHOOD' || error.code === 'NOT_CONVERGED');
      if (modelName !== 'pareto' || !modelFailure) throw error;
      paretoFailure = error;
      return fallback();
    }
  };
  // With --holdout-end, core's calibration/holdout split fits the chosen model on the calibration period.
  const splitWith = (model: 'bgnbd' | 'mbgnbd' | 'pareto') =>
    holdoutEnd === undefined
      ? undefined
      : calibrationHoldout(transactions, { calibrationEnd: asOf, holdoutEnd, unit: timeUnit, model, penalty });
  const split = unlessParetoFails(
    () => splitWith(modelName),
    () => splitWith('bgnbd'),
  );
  const summary = split === undefined ? summarizeCustomers(transactions, { asOf, unit: timeUnit }) : undefined;
  const customers = split?.customers ?? btydCustomersOf(summary as NonNullable<typeof summary>);
  io.stderr(`Read ${transactions.rowsRead} rows; ${customers.length} customers with purchases up to the as-of date.\n`);
  // The same skip report as segment: a third of the rows dropped silently would move the parameters.
  const skipped = summary?.skipped ?? transactions.skipped;
  if (skipped.total > 0) io.stderr(`${describeSkipped(skipped, 'en')}\n`);

  const fitted = split?.model;
  const bgnbd =
    fitted !== undefined && fitted.kind !== 'pareto'
      ? fitted
      : fitBgNbd(customers, { unit: timeUnit, penalty, modified: modelName === 'mbgnbd' });
  const pareto =
    modelName !== 'pareto' || paretoFailure !== undefined
      ? undefined
      : fitted?.kind === 'pareto'
        ? fitted
        : unlessParetoFails<ParetoNbdModel | undefined>(
            () => fitParetoNbd(customers, { unit: timeUnit, penalty }),
            () => undefined,
          );
  const gammaGamma = fitGammaGamma(customers, { penalty });

  let diagnostics: object;
  if (split === undefined) {
    diagnostics = { frequencyHistogram: roundedHistogram(bgnbd, customers) };
  } else {
    const holdout = split.diagnostics;
    diagnostics = {
      holdoutLength: round(split.holdoutLength.value),
      byCalibrationFrequency: holdout.byCalibrationFrequency.map((row) => ({
        ...row,
        actual: round(row.actual),
        predicted: round(row.predicted),
      })),
      frequencyHistogram: roundedHistogram(bgnbd, customers),
      totals: { actual: holdout.totals.actual, predicted: round(holdout.totals.predicted) },
    };
  }
  const warnings: (CoreWarning | string)[] = [
    ...beyondDataWarnings(transactions, asOf, holdoutEnd),
    ...transactionWarnings(transactions),
    ...bgnbd.warnings,
    ...(pareto?.warnings ?? []),
    ...gammaGamma.warnings,
  ];
  if (paretoFailure !== undefined) {
    warnings.push(
      `Pareto/NBD could not be fitted (${paretoFailure.code}): ${paretoFailure.message}` +
        (split === undefined ? '' : ' The holdout diagnostics use BG/NBD instead.'),
    );
  }
  const warningSentences = reportWarnings(io, warnings);
  const output = {
    unit: timeUnit,
    asOf: textOption(parsed, 'as-of'),
    customers: customers.length,
    bgnbd: describeBgNbd(bgnbd),
    ...(pareto === undefined ? {} : { pareto: describePareto(pareto) }),
    ...(paretoFailure === undefined
      ? {}
      : { pareto: { error: { code: paretoFailure.code, message: paretoFailure.message } } }),
    gammaGamma: describeGammaGamma(gammaGamma),
    diagnostics,
    warnings: warningSentences,
    skippedRows: skipped,
  };
  io.stdout(`${JSON.stringify(output, null, 2)}\n`);
  return 0;
}
