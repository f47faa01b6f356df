import { readFileSync } from 'node:fs';
import { AnalyticsError, fitSbg, sbgLifetime, sbgRetention, sbgSurvival } from '../core';
import type { ParsedArguments } from './parseArguments';
import { fileArgument, textOption } from './parseArguments';
import type { CommandIo } from './segmentCommand';
import { reportWarnings } from './reportWarnings';

export const SBG_FIT_USAGE = `Usage: crm-analytics fit <survivors.csv> --model sbg [options]

Fits the shifted-beta-geometric (sBG) model of contract renewals (Fader & Hardie 2007) to survivor counts and
prints JSON: alpha, beta, log-likelihood, standard errors, the projected survival and retention curves, and
with --discount or --horizon the discounted expected (residual) lifetime (Fader & Hardie 2010).

The file holds customers still subscribed at periods 0, 1, 2, … (counts, not shares), separated by commas,
semicolons, tabs or spaces; lines that are not numbers (a header) are skipped. One column, one row, or
"period,count" pairs (periods 0, 1, 2, …) are one cohort; several rows are a triangle, one cohort per row.

Options:
  --discount D       discount rate per period, e.g. 0.1; must be above 0 unless --horizon is given
  --renewals N       renewals already made (n − 1): the lifetime is then the DERL; omitted: a new customer's DEL
  --horizon H        count H payments only (finite horizon)
  --periods P        length of the projection (default: twice the periods observed, at least 12)
  --help             show this help`;

const KNOWN_OPTIONS = new Set(['model', 'discount', 'renewals', 'horizon', 'periods', 'help']);

function round(value: number): number {
  return Number(value.toPrecision(10));
}

function numberOption(parsed: ParsedArguments, name: string, integer: boolean, min: number): number | undefined {
  const text = textOption(parsed, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
    throw new AnalyticsError(
      'OUT_OF_RANGE',
      `--${name} must be ${integer ? 'a whole number' : 'a number'} ≥ ${min}, got ${text}.`,
      { argument: name },
    );
  }
  return value;
}

/**
 * Reads survivor series from the text of a file (see the usage above).
 *
 * @throws AnalyticsError EMPTY_INPUT when no line holds numbers.
 * @example
 * readSurvivorText('year,alive\n0,1000\n1,869\n2,743'); // => [[1000, 869, 743]]
 */
export function readSurvivorText(text: string): number[][] {
  const rows: number[][] = [];
  for (const line of text.split(/\r?\n/)) {
    const fields = line
      .trim()
      .split(/[,;\t ]+/)
      .filter((field) => field !== '');
    if (fields.length === 0) continue;
    const numbers = fields.map(Number);
    if (numbers.some((value) => !Number.isFinite(value))) continue;
    rows.push(numbers);
  }
  if (rows.length === 0) {
    throw new AnalyticsError(
      'EMPTY_INPUT',
      'The file holds no line of numbers: give survivor counts at periods 0, 1, 2, …',
      {
        argument: 'file',
      },
    );
  }
  const pairs = rows.length > 1 && rows.every((row, index) => row.length === 2 && row[0] === index);
  if (pairs) return [rows.map((row) => row[1] as number)];
  if (rows.every((row) => row.length === 1)) return [rows.map((row) => row[0] as number)];
  return rows;
}

/**
 * Runs `crm-analytics fit --model sbg`: fits the sBG to a survivor file and prints JSON. Returns the exit code.
 *
 * @throws AnalyticsError for bad options or unusable data; `main` prints the message and exits non-zero.
 * @example
 * runSbgFitCommand(parseArguments(['highend.csv', '--model', 'sbg', '--discount', '0.1']), io); // prints JSON, returns 0
 */
export function runSbgFitCommand(parsed: ParsedArguments, io: CommandIo): number {
  if (parsed.options.has('help')) {
    io.stdout(`${SBG_FIT_USAGE}\n`);
    return 0;
  }
  const file = fileArgument(parsed, 'fit', KNOWN_OPTIONS);
  const discount = numberOption(parsed, 'discount', false, 0);
  const renewals = numberOption(parsed, 'renewals', true, 0);
  const horizon = numberOption(parsed, 'horizon', true, 1);
  const periodsOption = numberOption(parsed, 'periods', true, 1);
  if (renewals !== undefined && discount === undefined && horizon === undefined) {
    throw new AnalyticsError('BAD_ARGUMENT', '--renewals needs --discount or --horizon for the lifetime.', {
      argument: 'renewals',
    });
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new AnalyticsError('NOT_FOUND', `Cannot read ${file}.`, { argument: 'file' });
  }
  const model = fitSbg(readSurvivorText(text));
  const { alpha, beta } = model.params;
  const se = model.standardErrors;
  const horizonOfProjection = periodsOption ?? Math.max(12, 2 * model.periods);
  const projection = Array.from({ length: horizonOfProjection + 1 }, (_, t) => ({
    period: t,
    survival: round(sbgSurvival(model.params, t)),
    retention: t === 0 ? null : round(sbgRetention(model.params, t)),
    projected: t > model.periods,
  }));
  let lifetime: object | undefined;
  if (discount !== undefined || horizon !== undefined) {
    const result = sbgLifetime(model.params, {
      discount: discount ?? 0,
      ...(renewals === undefined ? {} : { renewals }),
      ...(horizon === undefined ? {} : { horizon }),
    });
    lifetime = {
      measure: result.measure,
      value: round(result.value),
      discount: discount ?? 0,
      ...(renewals === undefined ? {} : { renewals }),
      boundedBy: result.boundedBy,
      ...(horizon === undefined ? {} : { horizon }),
    };
  }
  io.stderr(`Read ${model.cohorts} survivor series; ${model.customers} customers over ${model.periods} periods.\n`);
  const warnings = reportWarnings(io, model.warnings);
  const output = {
    model: 'sbg',
    alpha: round(alpha),
    beta: round(beta),
    logLikelihood: round(model.logLikelihood),
    standardErrors: se === null ? null : { alpha: round(se.alpha), beta: round(se.beta) },
    converged: model.converged,
    periods: model.periods,
    cohorts: model.cohorts,
    customers: model.customers,
    ...(lifetime === undefined ? {} : { lifetime }),
    projection,
    warnings,
  };
  io.stdout(`${JSON.stringify(output, null, 2)}\n`);
  return 0;
}
