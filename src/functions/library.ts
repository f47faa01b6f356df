/*
 * The CRM custom functions as declarative wrappers over core (STYLE §8): each is an argument spec and a body
 * of a few lines; coercion, bounds and the error table live in the runner. functions.ts gives them their
 * Excel ids and help text.
 */
import {
  AnalyticsError,
  abcClasses,
  bgnbdConditionalExpected,
  bgnbdExpectedPurchases,
  bgnbdPAlive,
  clvSeed,
  customerKey,
  defaultSegment,
  deliveredValue,
  experienceGap,
  fitBgNbd,
  fitGammaGamma,
  gammaGammaExpectedSpend,
  gridSegment,
  historyFromTransactions,
  labelIn,
  lifecycleOf,
  parseAmount,
  parseDate,
  PATTERN_LABELS,
  predictedClv,
  pyramidTiers,
  resolveLifecycleOptions,
  retentionClv,
  rfmCode,
  rfmScores,
  roundMoney,
  scoreAgainstCuts,
  scoreAgainstSorted,
  scoreCuts,
  segmentCustomers,
  segmentLabel,
  STAGE_LABELS,
  checkCustomer,
  defaultAsOfDay,
  OPTION_RULES,
  TIER_LABELS,
  toOutputRows,
  valueMatrixTiers,
  withOptionAdvice,
} from '../core';
import type {
  CoreWarning,
  Language,
  LifecyclePatternKey,
  LifecycleStageKey,
  ScoreDirection,
  SkippedRows,
  TierKey,
} from '../core';
import {
  cellNumber,
  cellsOf,
  describeCell,
  errorCodeOfCell,
  isBlank,
  numberAt,
  numbersOf,
  withCellErrors,
} from './coerce';
import { bgnbdModelOf, fitUnit, gammaGammaModelOf } from './modelParameters';
import { defineFunction } from './runner';
import { describeSkipped, describeWarning } from '../messages/coreMessages';
import type { NumberSpec } from './runner';
import { sortedPopulation } from './sortedPopulationCache';

// Bounds and defaults come from core's option table; rates read as percentages, as Excel users type them, and
// a rate written as money ("¥12") is refused.
const discountRate = { ...OPTION_RULES.discount, bounds: '> −100 %', rate: true } as const satisfies NumberSpec;
const retentionRate = {
  ...OPTION_RULES.retention,
  bounds: 'from 0 % (excluded) to 100 %',
  rate: true,
} as const satisfies NumberSpec;
const optionalPeriods = { ...OPTION_RULES.periods, optional: true } as const;
const acquisitionCost = { kind: 'number', default: 0 } as const;
const bins = OPTION_RULES.bins;
const score = OPTION_RULES.score;
const language = { kind: 'language' } as const;
const optionalDate = { kind: 'date', optional: true } as const;
const column = { kind: 'column' } as const;
const optionalColumn = { kind: 'column', optional: true } as const;
const raw = { kind: 'raw' } as const;
const nonNegative = { kind: 'number', min: 0 } as const;

/** True when an argument is a range of more than one cell (the spilled form of a dual-use function). */
function isMultiCell(value: unknown): boolean {
  return Array.isArray(value) && cellsOf(value).length > 1;
}

function requireSameLength(columns: Record<string, readonly unknown[]>): number {
  const entries = Object.entries(columns);
  const length = entries[0]?.[1].length ?? 0;
  for (const [name, cells] of entries) {
    if (cells.length !== length) {
      throw new AnalyticsError(
        'SHAPE_MISMATCH',
        `${name} has ${cells.length} cells but ${entries[0]?.[0]} has ${length}: select ranges of equal length.`,
        { argument: name },
      );
    }
  }
  return length;
}

/** A spilled column: one row per value. */
function asColumn<T>(values: readonly T[]): T[][] {
  return values.map((value) => [value]);
}

/** CRM.CLV: the seed formula Σ RP_t · r^(t−1) / (1+d)^t − AC (DOMAIN §7.5). */
export const clv = defineFunction(
  {
    profits: raw,
    discount_rate: discountRate,
    retention_rate: { ...retentionRate, default: 1 },
    periods: optionalPeriods,
    acquisition_cost: acquisitionCost,
  },
  (args) => {
    const profit = isMultiCell(args.profits)
      ? numbersOf(args.profits, 'profits')
      : cellNumber(cellsOf(args.profits)[0], 'profits');
    if (profit === null) throw new AnalyticsError('BAD_ARGUMENT', 'profits is required.', { argument: 'profits' });
    return clvSeed(profit, {
      discount: args.discount_rate,
      retention: args.retention_rate,
      ...(args.periods === null ? {} : { periods: args.periods }),
      acquisitionCost: args.acquisition_cost,
    });
  },
);

/** CRM.RETENTION_CLV: Gupta–Lehmann margin multiple, m · r / (1+d−r) − AC or its finite sum. */
export const retentionClvFunction = defineFunction(
  {
    margin: { kind: 'number' },
    retention_rate: retentionRate,
    discount_rate: discountRate,
    acquisition_cost: acquisitionCost,
    periods: optionalPeriods,
  },
  (args) =>
    retentionClv(args.margin, args.retention_rate, args.discount_rate, {
      acquisitionCost: args.acquisition_cost,
      ...(args.periods === null ? {} : { periods: args.periods }),
    }),
);

const RFM_PARTS = ['RFM', 'R', 'F', 'M'] as const;
// Read once: RFM_SCORE_CUTS runs per row, and in a vm-like runtime every global lookup is slow.
const isArray = Array.isArray;

/** CRM.RFM_SCORE: one customer's code (or part) against population columns, or a spilled column of codes. */
export const rfmScore = defineFunction(
  {
    recency_days: raw,
    frequency: raw,
    monetary: raw,
    // Passed through unread: the cache of sorted populations keys on the range itself when it can.
    recency_population: raw,
    frequency_population: raw,
    monetary_population: raw,
    part: { kind: 'choice', choices: RFM_PARTS, default: 'RFM' },
    bins,
  },
  (args): (number | string)[][] => {
    const populations = [args.recency_population, args.frequency_population, args.monetary_population];
    if (populations.every(isBlank)) {
      return spilledRfm(args.recency_days, args.frequency, args.monetary, args.part, args.bins);
    }
    if (populations.some(isBlank)) {
      throw new AnalyticsError(
        'BAD_ARGUMENT',
        'Give all three population columns (recency, frequency, monetary) or none of them.',
        { argument: 'recency_population' },
      );
    }
    const value = (cell: unknown, name: string): number => {
      const number = cellNumber(cellsOf(cell).length === 1 ? cellsOf(cell)[0] : cell, name);
      if (number === null) throw new AnalyticsError('BAD_ARGUMENT', `${name} is required.`, { argument: name });
      return number;
    };
    const population = rfmPopulations(args.recency_population, args.frequency_population, args.monetary_population);
    const recency = scoreAgainstSorted(
      value(args.recency_days, 'recency_days'),
      sortedPopulation(population.recency, 'recency_population', false).sorted,
      args.bins,
      'lowerIsBetter',
    );
    const frequency = scoreAgainstSorted(
      value(args.frequency, 'frequency'),
      sortedPopulation(population.frequency, 'frequency_population', false).sorted,
      args.bins,
      'higherIsBetter',
    );
    const monetary = scoreAgainstSorted(
      roundMoney(value(args.monetary, 'monetary')),
      sortedPopulation(population.monetary, 'monetary_population', true).sorted,
      args.bins,
      'higherIsBetter',
    );
    const scores = { R: recency, F: frequency, M: monetary, RFM: rfmCode(recency, frequency, monetary) };
    return [[scores[args.part]]];
  },
);

/** True when a range (or single value) holds the number 0 anywhere; no allocation, O(cells). */
function holdsZero(range: unknown): boolean {
  if (!isArray(range)) return range === 0;
  for (const row of range as unknown[]) {
    if (isArray(row)) {
      for (const cell of row as unknown[]) if (cell === 0) return true;
    } else if (row === 0) {
      return true;
    }
  }
  return false;
}

/**
 * The three RFM population ranges with the rows that are not customers left out: a frequency of 0 (what Excel
 * desktop passes for the empty cells at the end of a range; anyone who bought has a frequency ≥ 1) is a blank
 * row, and when the three ranges line up its recency and monetary cells are left out with it, so trailing empty
 * rows never move the cuts. Without a 0 the ranges pass through untouched (the population cache keeps working
 * by identity). O(cells).
 */
function rfmPopulations(
  recency: unknown,
  frequency: unknown,
  monetary: unknown,
): { recency: unknown; frequency: unknown; monetary: unknown } {
  if (!holdsZero(frequency)) return { recency, frequency, monetary };
  const r = cellsOf(recency);
  const f = cellsOf(frequency);
  const m = cellsOf(monetary);
  const keep = (index: number): boolean => f[index] !== 0;
  if (r.length !== f.length || m.length !== f.length) {
    return { recency, frequency: asColumn(f.filter((_, index) => keep(index))), monetary };
  }
  const kept = (cells: unknown[]): unknown[][] => asColumn(cells.filter((_, index) => keep(index)));
  return { recency: kept(r), frequency: kept(f), monetary: kept(m) };
}

function spilledRfm(
  recencyRange: unknown,
  frequencyRange: unknown,
  monetaryRange: unknown,
  part: (typeof RFM_PARTS)[number],
  binCount: number,
): (number | string)[][] {
  const columns = {
    recency_days: cellsOf(recencyRange),
    frequency: cellsOf(frequencyRange),
    monetary: cellsOf(monetaryRange),
  };
  const length = requireSameLength(columns);
  const used: number[] = [];
  const recency: number[] = [];
  const frequency: number[] = [];
  const monetary: number[] = [];
  for (let row = 0; row < length; row++) {
    const cells = [columns.recency_days[row], columns.frequency[row], columns.monetary[row]];
    // A blank row, or a frequency of 0 (Excel desktop's empty cells; a buyer has F ≥ 1), is not a customer.
    if (cells.every(isBlank) || cells[1] === 0) continue;
    const read = (cell: unknown, name: string): number => {
      const number = isBlank(cell) ? null : cellNumber(cell, name);
      if (number === null) {
        throw new AnalyticsError('BAD_NUMBER', `${name}: row ${row + 1} is ${describeCell(cell)}, not a number.`, {
          argument: name,
          row: row + 1,
        });
      }
      return number;
    };
    used.push(row);
    recency.push(read(cells[0], 'recency_days'));
    frequency.push(read(cells[1], 'frequency'));
    monetary.push(roundMoney(read(cells[2], 'monetary')));
  }
  if (used.length === 0) throw new AnalyticsError('EMPTY_INPUT', 'The three columns hold no customers.');
  const r = rfmScores(recency, binCount, 'lowerIsBetter').scores;
  const f = rfmScores(frequency, binCount, 'higherIsBetter').scores;
  const m = rfmScores(monetary, binCount, 'higherIsBetter').scores;
  const out: (number | string)[][] = Array.from({ length }, () => ['']);
  used.forEach((row, index) => {
    const scores = { R: r[index] as number, F: f[index] as number, M: m[index] as number };
    out[row] = [part === 'RFM' ? rfmCode(scores.R, scores.F, scores.M) : scores[part]];
  });
  return out;
}

/** The header row of CRM.RFM_CUTS: a customer scores ≥ score when recency is below, F and M above, the cut. */
const RFM_CUTS_HEADER = ['score', 'recency_days_below', 'frequency_above', 'monetary_above'];

/** CRM.RFM_CUTS: the strict cuts of the three population columns (scoreCuts), one row per score 2 … bins. */
export const rfmCuts = defineFunction(
  // Read through the same cache and rules as RFM_SCORE's populations: blanks skipped, money rounded.
  { recency_days: raw, frequency: raw, monetary: raw, bins },
  (args): (number | string)[][] => {
    const cutsOf = (range: unknown, name: string, round: boolean, direction: ScoreDirection): number[] =>
      scoreCuts(sortedPopulation(range, name, round).sorted, args.bins, direction);
    const population = rfmPopulations(args.recency_days, args.frequency, args.monetary);
    const recency = cutsOf(population.recency, 'recency_days', false, 'lowerIsBetter');
    const frequency = cutsOf(population.frequency, 'frequency', false, 'higherIsBetter');
    const monetary = cutsOf(population.monetary, 'monetary', true, 'higherIsBetter');
    return [
      [...RFM_CUTS_HEADER],
      ...recency.map((cut, index) => [index + 2, cut, frequency[index] as number, monetary[index] as number]),
    ];
  },
);

/** The cuts of R, F and M read from an RFM_CUTS range, score 2 first. */
interface RfmCuts {
  recency: number[];
  frequency: number[];
  monetary: number[];
}

function cutsShapeError(detail: string): AnalyticsError {
  return new AnalyticsError(
    'BAD_ARGUMENT',
    `cuts must be the range spilled by CRM.RFM_CUTS (4 columns: ${RFM_CUTS_HEADER.join(', ')}; one row per score from 2), ${detail}.`,
    { argument: 'cuts' },
  );
}

/**
 * Reads the range spilled by CRM.RFM_CUTS, with or without its header row (a first row that does not start
 * with a number), checking its shape: 4 columns, 1 to 9 rows of numbers, scores 2, 3, … in order (the order of
 * each column of cuts is checked where it is scored, by scoreAgainstCuts). Excel passes a fresh copy on every
 * call, so this runs per call: O(cells).
 *
 * @throws AnalyticsError BAD_ARGUMENT / BAD_NUMBER naming cuts and the row and column.
 */
function readCuts(range: unknown): RfmCuts {
  const rows: unknown[][] = isArray(range)
    ? (range as unknown[]).map((row) => (isArray(row) ? (row as unknown[]) : [row]))
    : [[range]];
  for (const row of rows) {
    if (row.length !== RFM_CUTS_HEADER.length) throw cutsShapeError(`got ${row.length} column(s)`);
  }
  // Header detection without a throw: an exception per call would cost more than all the reading.
  const first = rows[0]?.[0];
  const header = typeof first === 'string' && !isBlank(first) && parseAmount(first) === null ? 1 : 0;
  const count = rows.length - header;
  if (count < 1 || count > 9) throw cutsShapeError(`got ${count} row(s) of cuts (RFM_CUTS spills 1 to 9)`);
  const cells = cellsOf(rows);
  const width = RFM_CUTS_HEADER.length;
  const cuts: RfmCuts = { recency: [], frequency: [], monetary: [] };
  for (let row = header; row < rows.length; row++) {
    const read = (column: number): number => {
      const number = numberAt(cells, row * width + column, width, 'cuts');
      if (number === null) {
        throw new AnalyticsError('BAD_NUMBER', `cuts: row ${row + 1}, column ${column + 1} is empty.`, {
          argument: 'cuts',
          row: row + 1,
        });
      }
      return number;
    };
    const score = row - header + 2;
    if (read(0) !== score) {
      throw cutsShapeError(`but row ${row + 1} is for score ${read(0)} where score ${score} belongs`);
    }
    cuts.recency.push(read(1));
    cuts.frequency.push(read(2));
    cuts.monetary.push(roundMoney(read(3)));
  }
  return cuts;
}

/** CRM.RFM_SCORE_CUTS: one customer's code (or part) from an RFM_CUTS range, equal to RFM_SCORE's. */
export const rfmScoreCuts = defineFunction(
  {
    recency_days: { kind: 'number' },
    frequency: { kind: 'number' },
    monetary: { kind: 'number' },
    cuts: raw,
    part: { kind: 'choice', choices: RFM_PARTS, default: 'RFM' },
  },
  (args): number => {
    const cuts = readCuts(args.cuts);
    // scoreAgainstCuts checks each column's count and order (once per call), naming the column.
    const recency = scoreAgainstCuts(
      args.recency_days,
      cuts.recency,
      'lowerIsBetter',
      'cuts, recency_days_below column',
    );
    const frequency = scoreAgainstCuts(
      args.frequency,
      cuts.frequency,
      'higherIsBetter',
      'cuts, frequency_above column',
    );
    const monetary = scoreAgainstCuts(
      roundMoney(args.monetary),
      cuts.monetary,
      'higherIsBetter',
      'cuts, monetary_above column',
    );
    const scores = { R: recency, F: frequency, M: monetary, RFM: rfmCode(recency, frequency, monetary) };
    return scores[args.part];
  },
);

/** CRM.RFM_SEGMENT: the segment name of R and F scores (default map) or R, F and M (the rfm grid). */
export const rfmSegment = defineFunction(
  {
    recency_score: score,
    frequency_score: score,
    monetary_score: { ...score, optional: true },
    segment_map: { kind: 'choice', choices: ['default', 'grid'] as const, default: 'default' },
    bins,
    language,
  },
  (args) => {
    if (args.segment_map === 'default') {
      return segmentLabel(defaultSegment(args.recency_score, args.frequency_score, args.bins), args.language);
    }
    if (args.monetary_score === null) {
      throw new AnalyticsError('BAD_ARGUMENT', 'The grid map needs monetary_score.', { argument: 'monetary_score' });
    }
    return segmentLabel(gridSegment(args.recency_score, args.frequency_score, args.monetary_score), args.language);
  },
);

interface CustomerLines {
  days: number[];
  amounts: number[];
  latestDay: number;
}

/** True for a row Excel desktop passes for empty cells: every cell blank or 0. */
function isEmptyRow(cells: readonly unknown[]): boolean {
  return cells.every((cell) => cell === 0 || isBlank(cell));
}

/** One customer's dated amounts: all rows (form a), or the rows of customer_id in the customers column (form b). */
function customerLines(
  dates: unknown[],
  amounts: unknown[],
  customerId: string | null,
  customers: unknown[] | null,
): CustomerLines {
  const columns: Record<string, unknown[]> = { dates, amounts };
  if (customers !== null) columns.customers = customers;
  const length = requireSameLength(columns);
  if ((customerId === null) !== (customers === null)) {
    throw new AnalyticsError('BAD_ARGUMENT', 'Give both customer_id and the customers column, or neither.', {
      argument: customerId === null ? 'customer_id' : 'customers',
    });
  }
  const wanted = customerId === null ? null : customerKey(customerId);
  const lines: CustomerLines = { days: [], amounts: [], latestDay: -Infinity };
  for (let row = 0; row < length; row++) {
    const dateCell = dates[row];
    const amountCell = amounts[row];
    const customerCell = customers?.[row];
    // Excel desktop passes the empty cells of a range as 0: a row of nothing but 0s and blanks is an empty row.
    if (isEmptyRow([dateCell, amountCell, ...(customers === null ? [] : [customerCell])])) continue;
    const error = errorCodeOfCell(dateCell) ?? errorCodeOfCell(amountCell) ?? errorCodeOfCell(customerCell);
    if (error !== null) {
      // One customer's stage from a history with a hole in it would be a guess: stop and say where.
      throw new AnalyticsError(
        'BAD_NUMBER',
        `Row ${row + 1} holds the error ${error}: fix it or leave the row out of the ranges.`,
        { row: row + 1 },
      );
    }
    const day = parseDate(typeof dateCell === 'string' ? dateCell.trim() : dateCell);
    if (day !== null && day > lines.latestDay) lines.latestDay = day;
    if (wanted !== null && customers !== null && customerKey(customers[row]) !== wanted) continue;
    if (isBlank(dateCell) && isBlank(amountCell)) continue;
    const amount = parseAmount(amountCell);
    if (day === null || amount === null) {
      const bad = day === null ? `date ${describeCell(dateCell)}` : `amount ${describeCell(amountCell)}`;
      throw new AnalyticsError('BAD_NUMBER', `Row ${row + 1} has an unusable ${bad}.`, { row: row + 1 });
    }
    lines.days.push(day);
    lines.amounts.push(amount);
  }
  if (lines.days.length === 0) {
    throw new AnalyticsError(
      'NOT_FOUND',
      wanted === null ? 'There are no transactions.' : `Customer '${wanted}' has no transactions in customers.`,
    );
  }
  return lines;
}

const lifecycleArguments = {
  dates: column,
  amounts: column,
  customer_id: { kind: 'text', optional: true },
  customers: optionalColumn,
  as_of: optionalDate,
  period_days: OPTION_RULES.periodDays,
  churn_days: OPTION_RULES.churnDays,
  language,
} as const;

function lifecycleFor(args: {
  dates: unknown[];
  amounts: unknown[];
  customer_id: string | null;
  customers: unknown[] | null;
  as_of: number | null;
  period_days: number;
  churn_days: number;
}): { stage: LifecycleStageKey; pattern: LifecyclePatternKey } {
  const lines = customerLines(args.dates, args.amounts, args.customer_id, args.customers);
  // Default as-of: the day after the latest transaction in the data given (DOMAIN §7.2).
  const asOf = args.as_of === null ? defaultAsOfDay(lines.latestDay) : Math.floor(args.as_of);
  const options = resolveLifecycleOptions({ periodDays: args.period_days, churnDays: args.churn_days });
  return lifecycleOf(historyFromTransactions(lines.days, lines.amounts), asOf, options);
}

/** CRM.LIFECYCLE_STAGE: Exploration / Formation / Stability / Decline / Lost (DOMAIN §7.6). */
export const lifecycleStage = defineFunction(lifecycleArguments, (args) =>
  labelIn(STAGE_LABELS[lifecycleFor(args).stage], args.language),
);

/** CRM.LIFECYCLE_PATTERN: the path of stages over the relationship (DOMAIN §7.6). */
export const lifecyclePattern = defineFunction(lifecycleArguments, (args) =>
  labelIn(PATTERN_LABELS[lifecycleFor(args).pattern], args.language),
);

/** CRM.RFM_TABLE: the per-customer table of the task pane and the CLI, header row first. */
export const rfmTable = defineFunction(
  {
    customers: column,
    dates: column,
    amounts: column,
    as_of: optionalDate,
    bins,
    segment_map: { kind: 'choice', choices: ['default', 'grid'] as const, default: 'default' },
    language,
  },
  (args) => {
    const length = requireSameLength({ customers: args.customers, dates: args.dates, amounts: args.amounts });
    // Desktop passes the empty rows at the end of a selected range as 0, 0, 0: they are not transactions, so
    // they are left out rather than reported as bad dates.
    let used = length;
    while (used > 0 && isEmptyRow([args.customers[used - 1], args.dates[used - 1], args.amounts[used - 1]])) used -= 1;
    const result = segmentCustomers(
      {
        customer: withCellErrors(args.customers.slice(0, used)),
        date: withCellErrors(args.dates.slice(0, used)),
        amount: withCellErrors(args.amounts.slice(0, used)),
      },
      {
        ...(args.as_of === null ? {} : { asOf: Math.floor(args.as_of) }),
        bins: args.bins,
        segmentMap: args.segment_map,
        language: args.language,
      },
    );
    const rows = toOutputRows(result);
    return [...rows, ...reportRows(result.skipped, result.warnings, args.language, rows[0]?.length ?? 1)];
  },
);

/**
 * The rows CRM.RFM_TABLE adds below its customers so that nothing vanishes unreported: one "rows skipped" row
 * (count, then the reasons with their first rows) when rows were skipped, and one row per warning. Documented
 * in docs/functions.md. O(reasons + warnings).
 */
function reportRows(
  skipped: SkippedRows,
  warnings: readonly CoreWarning[],
  lang: Language,
  width: number,
): (string | number)[][] {
  const pad = (cells: (string | number)[]): (string | number)[] => [
    ...cells,
    ...Array.from({ length: Math.max(0, width - cells.length) }, () => ''),
  ];
  const rows: (string | number)[][] = [];
  if (skipped.total > 0) {
    rows.push(pad([lang === 'zh' ? '跳过的行' : 'rows skipped', skipped.total, describeSkipped(skipped, lang)]));
  }
  for (const warning of warnings) rows.push(pad([lang === 'zh' ? '警告' : 'warning', describeWarning(warning, lang)]));
  return rows;
}

function tierLabel(key: TierKey, lang: Language): string {
  return labelIn(TIER_LABELS[key], lang);
}

/** CRM.VALUE_TIER: pyramid tier or ABC class of a value within its column, or of every value (spilled). */
export const valueTier = defineFunction(
  {
    value: raw,
    values: { kind: 'numbers', optional: true },
    scheme: { kind: 'choice', choices: ['pyramid', 'abc'] as const, default: 'pyramid' },
    language,
  },
  (args): string[][] => {
    const classify = args.scheme === 'pyramid' ? pyramidTiers : abcClasses;
    if (args.values === null) {
      const cells = cellsOf(args.value);
      const used = cells.map((cell, row) => (isBlank(cell) ? null : cellNumber(cell, `value row ${row + 1}`)));
      const numbers = used.filter((number): number is number => number !== null);
      if (numbers.length === 0) throw new AnalyticsError('EMPTY_INPUT', 'value holds no numbers.');
      const tiers = classify(numbers);
      let next = 0;
      return asColumn(
        used.map((number) => (number === null ? '' : tierLabel(tiers[next++] as TierKey, args.language))),
      );
    }
    const one = cellNumber(cellsOf(args.value)[0], 'value');
    if (one === null) throw new AnalyticsError('BAD_ARGUMENT', 'value is required.', { argument: 'value' });
    const index = args.values.indexOf(one);
    if (index < 0) {
      throw new AnalyticsError(
        'NOT_FOUND',
        `value ${one} is not in values (as with RANK.EQ, it must be one of them).`,
        {
          argument: 'value',
        },
      );
    }
    return [[tierLabel(classify(args.values)[index] as TierKey, args.language)]];
  },
);

/** CRM.VALUE_MATRIX: current × potential value → Platinum / Gold / Iron / Lead (DOMAIN §7.7). */
export const valueMatrix = defineFunction(
  {
    current_value: raw,
    potential_value: raw,
    current_threshold: { kind: 'number', optional: true },
    potential_threshold: { kind: 'number', optional: true },
    language,
  },
  (args): string[][] => {
    const current = cellsOf(args.current_value);
    const potential = cellsOf(args.potential_value);
    requireSameLength({ current_value: current, potential_value: potential });
    if (current.length === 1 && (args.current_threshold === null || args.potential_threshold === null)) {
      throw new AnalyticsError(
        'BAD_ARGUMENT',
        'For one customer give current_threshold and potential_threshold (for columns they default to the medians).',
        { argument: 'current_threshold' },
      );
    }
    const read = (cells: unknown[], name: string): number[] =>
      cells.map((cell, row) => {
        const number = cellNumber(cell, `${name} row ${row + 1}`);
        if (number === null) {
          throw new AnalyticsError('BAD_NUMBER', `${name}: row ${row + 1} is empty.`, { argument: name, row: row + 1 });
        }
        return number;
      });
    const tiers = valueMatrixTiers(read(current, 'current_value'), read(potential, 'potential_value'), {
      ...(args.current_threshold === null ? {} : { current: args.current_threshold }),
      ...(args.potential_threshold === null ? {} : { potential: args.potential_threshold }),
    });
    return asColumn(tiers.map((tier) => tierLabel(tier, args.language)));
  },
);

/** Reads aligned numeric columns of a fit (x, t_x, T …), every cell required. */
function numericColumns<K extends string>(columns: Record<K, unknown[]>): Record<K, number[]> {
  const length = requireSameLength(columns);
  const result = {} as Record<K, number[]>;
  for (const name of Object.keys(columns) as K[]) {
    const cells = columns[name];
    const numbers: number[] = [];
    for (let row = 0; row < length; row++) {
      const number = cellNumber(cells[row], name);
      if (number === null) {
        throw new AnalyticsError('BAD_NUMBER', `${name}: row ${row + 1} is empty.`, { argument: name, row: row + 1 });
      }
      numbers.push(number);
    }
    result[name] = numbers;
  }
  return result;
}

/** Runs a fit; a failure a penalty would help with says so in this function's words (its penalty argument). */
function withPenaltyAdvice<T>(fit: () => T): T {
  try {
    return fit();
  } catch (error) {
    throw withOptionAdvice(error, 'penalty', 'Or give a small penalty, such as 0.001, as the penalty argument.');
  }
}

/** CRM.BGNBD_FIT: fits BG/NBD (or MBG/NBD) and spills r, alpha, a, b and the log-likelihood. */
export const bgnbdFit = defineFunction(
  {
    x: column,
    t_x: column,
    T: column,
    penalty: OPTION_RULES.penalty,
    model: { kind: 'choice', choices: ['bgnbd', 'mbgnbd'] as const, default: 'bgnbd' },
    unit: { kind: 'choice', choices: ['days', 'weeks', 'months'] as const, optional: true },
    customers: optionalColumn,
  },
  (args): (string | number)[][] => {
    // With a column of customer counts each row is a row of a collapsed table (x, t_x, T, customers) and
    // weighs as many customers (docs/warehouse.md).
    const data =
      args.customers === null
        ? numericColumns({ x: args.x, t_x: args.t_x, T: args.T })
        : numericColumns({ x: args.x, t_x: args.t_x, T: args.T, customers: args.customers });
    const counts = 'customers' in data ? (data.customers as number[]) : null;
    const customers = data.x.map((x, row) => ({
      x,
      tx: data.t_x[row] as number,
      T: data.T[row] as number,
      ...(counts === null ? {} : { count: counts[row] as number }),
    }));
    const fit = withPenaltyAdvice(() =>
      fitBgNbd(customers, { unit: args.unit ?? 'days', penalty: args.penalty, modified: args.model === 'mbgnbd' }),
    );
    const { r, alpha, a, b } = fit.params;
    const block: (string | number)[][] = [
      ['r', r],
      ['alpha', alpha],
      ['a', a],
      ['b', b],
      ['log-likelihood', fit.logLikelihood],
    ];
    // The block carries its unit when told it, so PREDICTED_CLV never has to guess it.
    if (args.unit !== null) block.push(['unit', args.unit]);
    return block;
  },
);

/** CRM.GG_FIT: fits the Gamma–Gamma spend model and spills p, q, gamma and the log-likelihood. */
export const gammaGammaFit = defineFunction(
  { x: column, mean_spend: column, penalty: OPTION_RULES.penalty },
  (args): (string | number)[][] => {
    const data = numericColumns({ x: args.x, mean_spend: args.mean_spend });
    const fit = withPenaltyAdvice(() =>
      fitGammaGamma(
        data.x.map((x, row) => ({ x, meanSpend: data.mean_spend[row] as number })),
        { penalty: args.penalty },
      ),
    );
    return [
      ['p', fit.params.p],
      ['q', fit.params.q],
      ['gamma', fit.params.gamma],
      ['log-likelihood', fit.logLikelihood],
    ];
  },
);

const customerSummary = { x: nonNegative, t_x: nonNegative, T: nonNegative } as const;

/** CRM.P_ALIVE: the BG/NBD probability that the customer is still active. */
export const pAlive = defineFunction({ bgnbd_params: raw, ...customerSummary }, (args) => {
  return bgnbdPAlive(bgnbdModelOf(args.bgnbd_params, 'bgnbd_params', 'days'), { x: args.x, tx: args.t_x, T: args.T });
});

/** CRM.EXPECTED_PURCHASES: expected purchases in the next t units, for a customer or (no x) a new one. */
export const expectedPurchases = defineFunction(
  {
    bgnbd_params: raw,
    horizon: { kind: 'number', min: 0 },
    x: { kind: 'number', optional: true, min: 0 },
    t_x: { kind: 'number', optional: true, min: 0 },
    T: { kind: 'number', optional: true, min: 0 },
  },
  (args) => {
    const model = bgnbdModelOf(args.bgnbd_params, 'bgnbd_params', 'days');
    const horizon = { value: args.horizon, unit: 'days' } as const;
    if (args.x === null && args.t_x === null && args.T === null) return bgnbdExpectedPurchases(model, horizon);
    if (args.x === null || args.t_x === null || args.T === null) {
      throw new AnalyticsError('BAD_ARGUMENT', 'Give all of x, t_x and T, or none (for a new customer).', {
        argument: args.x === null ? 'x' : args.t_x === null ? 't_x' : 'T',
      });
    }
    return bgnbdConditionalExpected(model, horizon, { x: args.x, tx: args.t_x, T: args.T });
  },
);

/** CRM.PREDICTED_CLV: BG/NBD × Gamma–Gamma discounted value over a horizon in months (DOMAIN §7.5). */
export const predictedClvFunction = defineFunction(
  {
    bgnbd_params: raw,
    gg_params: raw,
    ...customerSummary,
    mean_spend: { kind: 'number', min: 0 },
    unit: { kind: 'choice', choices: ['days', 'weeks', 'months'] as const, optional: true },
    horizon_months: OPTION_RULES.horizonMonths,
    monthly_discount: { ...discountRate, default: OPTION_RULES.monthlyDiscount.default },
    margin: { ...OPTION_RULES.margin, rate: true },
  },
  (args) => {
    checkCustomer({ x: args.x, tx: args.t_x, T: args.T });
    const unit = fitUnit(args.bgnbd_params, 'bgnbd_params', args.unit);
    const model = bgnbdModelOf(args.bgnbd_params, 'bgnbd_params', unit);
    const spend = gammaGammaExpectedSpend(gammaGammaModelOf(args.gg_params, 'gg_params'), args.x, args.mean_spend);
    return predictedClv(model, { x: args.x, tx: args.t_x, T: args.T }, spend, {
      horizonMonths: args.horizon_months,
      monthlyDiscount: args.monthly_discount,
      margin: args.margin,
    });
  },
);

/** CRM.EXPERIENCE_GAP: experience − expectation (× importance), or experience − ideal; per row for columns. */
export const experienceGapFunction = defineFunction(
  {
    experience: raw,
    reference: raw,
    importance: { kind: 'raw' },
    against: { kind: 'choice', choices: ['expectation', 'ideal'] as const, default: 'expectation' },
  },
  (args): (number | string)[][] => {
    const experience = cellsOf(args.experience);
    const reference = cellsOf(args.reference);
    const importance = isBlank(args.importance) ? null : cellsOf(args.importance);
    requireSameLength({
      experience,
      reference,
      ...(importance === null ? {} : { importance }),
    });
    if (importance !== null && args.against === 'ideal') {
      throw new AnalyticsError('BAD_ARGUMENT', 'importance weights the gap to expectation, not to the ideal.', {
        argument: 'importance',
      });
    }
    const factors = experience.map((cell, row) => {
      const read = (value: unknown, name: string): number => {
        const number = cellNumber(value, experience.length === 1 ? name : `${name} row ${row + 1}`);
        if (number === null) throw new AnalyticsError('BAD_ARGUMENT', `${name} is required.`, { argument: name });
        return number;
      };
      const score = read(cell, 'experience');
      const target = read(reference[row], 'reference');
      return args.against === 'ideal'
        ? { name: String(row + 1), experience: score, ideal: target }
        : {
            name: String(row + 1),
            experience: score,
            expectation: target,
            ...(importance === null ? {} : { importance: read(importance[row], 'importance') }),
          };
    });
    const { factors: results } = experienceGap(factors);
    return asColumn(
      results.map((result) =>
        args.against === 'ideal'
          ? (result.gap ?? '')
          : ((importance === null ? result.satisfaction : result.weightedSatisfaction) ?? ''),
      ),
    );
  },
);

/** CRM.DELIVERED_VALUE: total customer value − total customer cost, or their ratio (Kotler). */
export const deliveredValueFunction = defineFunction(
  {
    total_customer_value: { kind: 'number' },
    total_customer_cost: { kind: 'number' },
    mode: { kind: 'choice', choices: ['difference', 'ratio'] as const, default: 'difference' },
  },
  (args) => deliveredValue(args.total_customer_value, args.total_customer_cost, args.mode),
);
