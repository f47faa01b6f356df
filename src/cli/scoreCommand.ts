import { readFileSync } from 'node:fs';
import { checkOutputPath, writeOutputFile } from './outputFile';
import type { BgNbdModel, ParetoNbdModel, PurchaseModel, TimeUnit } from '../core';
import { AnalyticsError, conditionalExpectedPurchases, discountedExpectedPurchases, probabilityAlive } from '../core';
import type { ParsedArguments } from './parseArguments';
import { choiceOption, textOption } from './parseArguments';
import { readSummaryCsv } from './readSummaryCsv';
import type { CommandIo } from './segmentCommand';
import { toCsv } from './toCsv';

export const SCORE_USAGE = `Usage: crm-analytics score <summary.csv> --model FIT.json [options]

Writes a scoring table keyed by (x, t_x, T) for the warehouse to join back to its customers: P(alive),
expected purchases over --horizon units, and the CLV per unit of spend (discounted expected purchases over
--months months × --margin; multiply by a customer's expected spend). FIT.json is the output of
'crm-analytics fit'; the summary (or collapsed table) must be in the model's unit.

Options:
  --model FILE          the JSON printed by crm-analytics fit (required)
  --purchase-model M    bgnbd | pareto: which fitted model of FIT.json to use (default bgnbd)
  --horizon N           expected_purchases over N units of the model's unit (default: the CLV horizon)
  --months M            CLV horizon in months of 30.4375 days (default 12)
  --monthly-discount D  discount rate per month (default 0.01)
  --margin F            profit margin applied to spend, 0 to 1 (default 1)
  --out FILE            write to FILE instead of standard output
  --help                show this help`;

const KNOWN = new Set(['model', 'purchase-model', 'horizon', 'months', 'monthly-discount', 'margin', 'out', 'help']);

function numberOf(parsed: ParsedArguments, name: string, fallback: number, check: (value: number) => boolean): number {
  const text = textOption(parsed, name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || !check(value)) {
    throw new AnalyticsError('OUT_OF_RANGE', `--${name} is out of range: ${text}.`, { argument: name });
  }
  return value;
}

function positive(json: Record<string, unknown>, name: string, file: string): number {
  const value = json[name];
  if (typeof value !== 'number' || !(value > 0)) {
    throw new AnalyticsError('BAD_ARGUMENT', `${file}: the model parameter ${name} is missing or not > 0.`, {
      argument: 'model',
    });
  }
  return value;
}

/** The purchase model of a `crm-analytics fit` JSON. */
export function modelFromFitJson(text: string, file: string, which: 'bgnbd' | 'pareto'): PurchaseModel {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new AnalyticsError('BAD_ARGUMENT', `${file} is not JSON: give the output of crm-analytics fit.`, {
      argument: 'model',
    });
  }
  const unit = json.unit;
  if (unit !== 'days' && unit !== 'weeks' && unit !== 'months') {
    throw new AnalyticsError('BAD_ARGUMENT', `${file} has no unit: give the output of crm-analytics fit.`, {
      argument: 'model',
    });
  }
  const part = json[which];
  if (typeof part !== 'object' || part === null || 'error' in part) {
    throw new AnalyticsError('BAD_ARGUMENT', `${file} has no fitted ${which} model.`, { argument: 'model' });
  }
  const fitted = part as Record<string, unknown>;
  const common = {
    unit: unit as TimeUnit,
    logLikelihood: Number(fitted.logLikelihood ?? Number.NaN),
    converged: fitted.converged === true,
    iterations: Number(fitted.iterations ?? 0),
    standardErrors: null,
    customers: Number(json.customers ?? 0),
    penalty: 0,
    warnings: [],
  };
  if (which === 'pareto') {
    const model: ParetoNbdModel = {
      ...common,
      kind: 'pareto',
      params: {
        r: positive(fitted, 'r', file),
        alpha: positive(fitted, 'alpha', file),
        s: positive(fitted, 's', file),
        beta: positive(fitted, 'beta', file),
      },
    };
    return model;
  }
  const model: BgNbdModel = {
    ...common,
    kind: fitted.kind === 'mbgnbd' ? 'mbgnbd' : 'bgnbd',
    params: {
      r: positive(fitted, 'r', file),
      alpha: positive(fitted, 'alpha', file),
      a: positive(fitted, 'a', file),
      b: positive(fitted, 'b', file),
    },
  };
  return model;
}

/**
 * Runs `crm-analytics score`: one row per distinct (x, t_x, T) of the summary with P(alive), expected
 * purchases and CLV per unit of spend under a fitted model. Returns the exit code.
 *
 * @throws AnalyticsError for bad options, a model file that is not fit's output, or a bad summary.
 */
export function runScoreCommand(parsed: ParsedArguments, io: CommandIo): number {
  if (parsed.options.has('help')) {
    io.stdout(`${SCORE_USAGE}\n`);
    return 0;
  }
  for (const name of parsed.options.keys()) {
    if (!KNOWN.has(name)) {
      throw new AnalyticsError('BAD_ARGUMENT', `Unknown option --${name}. Run crm-analytics score --help.`, {
        argument: name,
      });
    }
  }
  const [file, ...extra] = parsed.positionals;
  if (file === undefined || extra.length > 0) {
    throw new AnalyticsError(
      'BAD_ARGUMENT',
      'Give exactly one summary CSV: crm-analytics score <summary.csv> --model FIT.json.',
      {
        argument: 'file',
      },
    );
  }
  const modelFile = textOption(parsed, 'model');
  if (modelFile === undefined) {
    throw new AnalyticsError('BAD_ARGUMENT', '--model FIT.json is required (the output of crm-analytics fit).', {
      argument: 'model',
    });
  }
  // Before any computing: --out must not overwrite either input, and must be writable.
  const out = textOption(parsed, 'out');
  if (out !== undefined) {
    checkOutputPath(out, file);
    checkOutputPath(out, modelFile);
  }
  let modelText: string;
  try {
    modelText = readFileSync(modelFile, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AnalyticsError('NOT_FOUND', `Cannot open ${modelFile}: ${reason}`, { argument: 'model' });
  }
  const model = modelFromFitJson(
    modelText,
    modelFile,
    choiceOption(parsed, 'purchase-model', ['bgnbd', 'pareto'], 'bgnbd'),
  );
  const months = numberOf(parsed, 'months', 12, (value) => value >= 0);
  const monthlyDiscount = numberOf(parsed, 'monthly-discount', 0.01, (value) => value > -1);
  const margin = numberOf(parsed, 'margin', 1, (value) => value >= 0 && value <= 1);
  const horizonText = textOption(parsed, 'horizon');
  const horizon =
    horizonText === undefined
      ? { value: months, unit: 'months' as const }
      : { value: numberOf(parsed, 'horizon', 0, (value) => value >= 0), unit: model.unit };
  const summary = readSummaryCsv(file);
  const rows: (string | number)[][] = [
    ['x', 't_x', 'T', 'customers', 'p_alive', 'expected_purchases', 'clv_per_unit_spend'],
  ];
  const seen = new Map<string, (string | number)[]>();
  for (let index = 0; index < summary.length; index++) {
    const customer = { x: summary.x[index] as number, tx: summary.tx[index] as number, T: summary.T[index] as number };
    const key = `${customer.x}|${customer.tx}|${customer.T}`;
    const existing = seen.get(key);
    if (existing !== undefined) {
      existing[3] = (existing[3] as number) + (summary.count[index] as number);
      continue;
    }
    const row = [
      customer.x,
      customer.tx,
      customer.T,
      summary.count[index] as number,
      probabilityAlive(model, customer),
      conditionalExpectedPurchases(model, horizon, customer),
      discountedExpectedPurchases(model, customer, { horizonMonths: months, monthlyDiscount }) * margin,
    ];
    seen.set(key, row);
    rows.push(row);
  }
  const text = toCsv(rows);
  if (out === undefined) io.stdout(text);
  else writeOutputFile(out, text);
  io.stderr(`Scored ${rows.length - 1} distinct (x, t_x, T) rows with the ${model.kind} model (${model.unit}).\n`);
  return 0;
}
