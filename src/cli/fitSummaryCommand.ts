import type { BtydCustomer, CoreWarning, ParetoNbdModel } from '../core';
import { AnalyticsError, fitBgNbd, fitGammaGamma, fitParetoNbd } from '../core';
import { describeBgNbd, describeGammaGamma, describePareto, roundedHistogram } from './fitCommand';
import type { ParsedArguments } from './parseArguments';
import { choiceOption, textOption } from './parseArguments';
import { readSummaryCsv } from './readSummaryCsv';
import type { CommandIo } from './segmentCommand';
import { reportWarnings } from './reportWarnings';

const KNOWN = new Set(['summary', 'unit', 'model', 'penalty', 'help']);

/**
 * Runs `crm-analytics fit --summary FILE`: fits the purchase model on a customer summary or a collapsed
 * (x, t_x, T, customers) table, each row weighted by its customers (one-time buyers included), and
 * Gamma–Gamma on the repeat buyers' mean spend when the summary has one row per customer. Prints the same
 * JSON as `fit` (no holdout: a summary has no later transactions). Returns the exit code.
 *
 * @throws AnalyticsError for bad options or an unusable summary.
 */
export function runFitSummary(parsed: ParsedArguments, io: CommandIo): number {
  for (const name of parsed.options.keys()) {
    if (!KNOWN.has(name)) {
      throw new AnalyticsError(
        'BAD_ARGUMENT',
        `--${name} does not apply to fit --summary (options: --unit, --model, --penalty).`,
        { argument: name },
      );
    }
  }
  if (parsed.positionals.length > 0) {
    throw new AnalyticsError('BAD_ARGUMENT', 'fit --summary FILE takes no transaction file as well.', {
      argument: 'file',
    });
  }
  const file = textOption(parsed, 'summary') as string;
  const unitText = textOption(parsed, 'unit');
  if (unitText !== 'days' && unitText !== 'weeks' && unitText !== 'months') {
    throw new AnalyticsError(
      'BAD_ARGUMENT',
      `--unit must be the summary's unit of t_x and T (days, weeks or months), got ${unitText ?? 'nothing'}.`,
      { argument: 'unit' },
    );
  }
  const unit = unitText;
  const modelName = choiceOption(parsed, 'model', ['bgnbd', 'mbgnbd', 'pareto'], 'bgnbd');
  const penaltyText = textOption(parsed, 'penalty') ?? '0';
  const penalty = Number(penaltyText);
  if (!Number.isFinite(penalty) || penalty < 0) {
    throw new AnalyticsError('OUT_OF_RANGE', `--penalty must be a number ≥ 0, got ${penaltyText}.`, {
      argument: 'penalty',
    });
  }
  const summary = readSummaryCsv(file);
  const customers: BtydCustomer[] = Array.from({ length: summary.length }, (_, index) => ({
    x: summary.x[index] as number,
    tx: summary.tx[index] as number,
    T: summary.T[index] as number,
    count: summary.count[index] as number,
  }));
  const total = customers.reduce((sum, customer) => sum + (customer.count ?? 1), 0);
  io.stderr(`Read ${summary.length} summary rows standing for ${total} customers.\n`);
  const bgnbd = fitBgNbd(customers, { unit, penalty, modified: modelName === 'mbgnbd' });
  const warnings: (CoreWarning | string)[] = [...bgnbd.warnings];
  let pareto: ParetoNbdModel | { error: { code: string; message: string } } | undefined;
  if (modelName === 'pareto') {
    try {
      pareto = fitParetoNbd(customers, { unit, penalty });
      warnings.push(...pareto.warnings);
    } catch (error) {
      if (!(error instanceof AnalyticsError) || (error.code !== 'FLAT_LIKELIHOOD' && error.code !== 'NOT_CONVERGED')) {
        throw error;
      }
      pareto = { error: { code: error.code, message: error.message } };
      warnings.push(`Pareto/NBD could not be fitted (${error.code}): ${error.message}`);
    }
  }
  let gammaGamma: ReturnType<typeof describeGammaGamma> | { error: string };
  const meanSpend = summary.monetaryRepeatAvg;
  if (summary.collapsed || meanSpend === null) {
    gammaGamma = { error: 'Gamma–Gamma needs one row per customer with monetary_repeat_avg.' };
  } else {
    const spend = fitGammaGamma(
      customers.map((customer, index) => ({ x: customer.x, meanSpend: meanSpend[index] as number })),
      { penalty },
    );
    warnings.push(...spend.warnings);
    gammaGamma = describeGammaGamma(spend);
  }
  const warningSentences = reportWarnings(io, warnings);
  const output = {
    unit,
    summary: file,
    customers: total,
    rows: summary.length,
    bgnbd: describeBgNbd(bgnbd),
    ...(pareto === undefined ? {} : { pareto: 'error' in pareto ? pareto : describePareto(pareto) }),
    gammaGamma,
    diagnostics: { frequencyHistogram: roundedHistogram(bgnbd, customers) },
    warnings: warningSentences,
  };
  io.stdout(`${JSON.stringify(output, null, 2)}\n`);
  return 0;
}
