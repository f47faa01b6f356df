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
  lifecycleOf,
  parseAmount,
  parseDate,
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
  checkCustomer,
  defaultAsOfDay,
  OPTION_RULES,
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
import { PARAMETER_HELP } from './parameterHelp';
import { defineFunction } from './runner';
import { describeSkipped, describeWarning } from '../messages/coreMessages';
import type { NumberSpec } from './runner';
import { sortedPopulation } from './sortedPopulationCache';
import { labelIn, PATTERN_LABELS, segmentLabel, STAGE_LABELS, TIER_LABELS } from '../messages/labels';
import { toOutputRows } from '../messages/outputTable';

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
const optionalRaw = { kind: 'raw', optional: true } as const;
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
    id: 'CLV',
    description: {
      en: 'Customer lifetime value by the seed formula: the sum over periods t = 1…T of profit × retention^(t−1) / (1 + discount)^t, minus the acquisition cost; with retention 100 % and no cost it equals NPV.',
      zh: '按种子公式计算客户终身价值：对 t = 1…T 求 利润 × 保留率^(t−1) / (1 + 折现率)^t 之和，再减去获客成本；保留率 100% 且无获客成本时等于 NPV。',
    },
    result: 'number',
    parameters: {
      profits: {
        matrix: true,
        en: 'One profit per period, or a row or column of per-period profits (the first is earned at the end of period 1).',
        zh: '每期利润：一个数，或一行/一列各期利润（第一期在第 1 期末获得）。',
      },
      discount_rate: {
        en: 'Discount rate per period, e.g. 10%; must be above −100 %.',
        zh: '每期折现率，例如 10%；必须大于 −100%。',
      },
      retention_rate: {
        en: 'Share of customers kept each period, above 0 % and at most 100 % (default 100 %); the first period is not reduced.',
        zh: '每期保留的客户比例，大于 0% 且不超过 100%（默认 100%）；第一期不打折扣。',
      },
      periods: {
        en: 'Number of periods; optional for a single profit only when retention is below 100 % (then the horizon is infinite).',
        zh: '期数；只有单个利润且保留率低于 100% 时可省略（此时为无限期）。',
      },
      acquisition_cost: PARAMETER_HELP.acquisition_cost,
    },
  },
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
    id: 'RETENTION_CLV',
    description: {
      en: 'Lifetime value by the Gupta–Lehmann margin multiple: margin × retention / (1 + discount − retention) − acquisition cost, the first margin earned only if the customer is retained.',
      zh: '按 Gupta–Lehmann 利润乘数计算终身价值：利润 × 保留率 / (1 + 折现率 − 保留率) − 获客成本，第一期利润仅在客户被保留时获得。',
    },
    result: 'number',
    parameters: {
      margin: { en: 'Profit margin per customer per period.', zh: '每位客户每期的利润。' },
      retention_rate: {
        en: 'Share of customers kept each period, above 0 % and at most 100 %.',
        zh: '每期保留的客户比例，大于 0% 且不超过 100%。',
      },
      discount_rate: { en: 'Discount rate per period, above −100 %.', zh: '每期折现率，大于 −100%。' },
      acquisition_cost: PARAMETER_HELP.acquisition_cost,
      periods: {
        en: 'Number of periods for a finite horizon: the sum of margin × retention^t / (1 + discount)^t for t = 1…periods (default infinite).',
        zh: '有限期数：对 t = 1…期数 求 利润 × 保留率^t / (1 + 折现率)^t 之和（默认无限期）。',
      },
    },
  },
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
    id: 'RFM_SCORE',
    description: {
      en: "RFM score 1 + INT(bins × number of customers strictly worse / number of customers): one customer's code such as 545 against the population columns, or, without population columns, a spilled column of codes for the three columns.",
      zh: 'RFM 评分 = 1 + INT(分级数 × 严格更差的客户数 / 客户总数)：给出总体列时返回单个客户的代码（如 545），否则为三列溢出一列代码。',
    },
    result: 'matrix',
    parameters: {
      recency_days: {
        matrix: true,
        en: "Days since the last purchase (fewer is better): one customer's value, or the whole column.",
        zh: '距最近一次购买的天数（越少越好）：单个客户的值或整列。',
      },
      frequency: {
        matrix: true,
        en: "Number of purchases (more is better): one customer's value, or the whole column.",
        zh: '购买次数（越多越好）：单个客户的值或整列。',
      },
      monetary: {
        matrix: true,
        en: "Money spent (more is better, compared to 6 decimals): one customer's value, or the whole column.",
        zh: '消费金额（越多越好，按 6 位小数比较）：单个客户的值或整列。',
      },
      recency_population: {
        matrix: true,
        en: 'Recency column of all customers to score against; omit all three populations to spill codes for the columns.',
        zh: '全部客户的最近消费天数列；三个总体列都省略时溢出整列代码。',
      },
      frequency_population: { matrix: true, en: 'Frequency column of all customers.', zh: '全部客户的消费频率列。' },
      monetary_population: { matrix: true, en: 'Monetary column of all customers.', zh: '全部客户的消费金额列。' },
      part: PARAMETER_HELP.part,
      bins: PARAMETER_HELP.bins,
    },
  },
  {
    recency_days: raw,
    frequency: raw,
    monetary: raw,
    // Passed through unread: the cache of sorted populations keys on the range itself when it can.
    recency_population: optionalRaw,
    frequency_population: optionalRaw,
    monetary_population: optionalRaw,
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
  {
    id: 'RFM_CUTS',
    description: {
      en: 'Score cuts of the RFM rule for the population columns, so that RFM_SCORE_CUTS can score many customers fast: spills a header row and, for each score from 2 to bins, the recency below which and the frequency and money above which a customer scores at least that.',
      zh: 'RFM 评分规则在总体列上的分界点，供 RFM_SCORE_CUTS 快速为大量客户评分：溢出标题行，以及从 2 到分级数的每个评分对应的界限——最近消费天数低于它、频率和金额高于它时，客户至少得该分。',
    },
    result: 'matrix',
    parameters: {
      recency_days: {
        matrix: true,
        en: 'Days since the last purchase of all customers, a column; blank cells are skipped.',
        zh: '全部客户距最近一次购买的天数（一列）；空白单元格被跳过。',
      },
      frequency: {
        matrix: true,
        en: 'Number of purchases of all customers, a column; blank cells are skipped.',
        zh: '全部客户的购买次数（一列）；空白单元格被跳过。',
      },
      monetary: {
        matrix: true,
        en: 'Money spent by all customers, a column (compared to 6 decimals); blank cells are skipped.',
        zh: '全部客户的消费金额（一列，按 6 位小数比较）；空白单元格被跳过。',
      },
      bins: PARAMETER_HELP.bins,
    },
  },
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
    id: 'RFM_SCORE_CUTS',
    description: {
      en: 'RFM code such as 545 (or one score) of one customer from the table spilled by RFM_CUTS: the same result as RFM_SCORE against the population columns, but fast when filled down thousands of rows because each call reads only the small table.',
      zh: '根据 RFM_CUTS 溢出的表返回单个客户的 RFM 代码（如 545）或单项评分：结果与 RFM_SCORE 对总体列评分相同，但每次调用只读这张小表，向下填充数千行也很快。',
    },
    result: 'number',
    parameters: {
      recency_days: {
        en: "The customer's days since the last purchase (fewer is better).",
        zh: '该客户距最近一次购买的天数（越少越好）。',
      },
      frequency: { en: "The customer's number of purchases (more is better).", zh: '该客户的购买次数（越多越好）。' },
      monetary: {
        en: "The customer's money spent (more is better, compared to 6 decimals).",
        zh: '该客户的消费金额（越多越好，按 6 位小数比较）。',
      },
      cuts: {
        matrix: true,
        en: 'The table spilled by RFM_CUTS, with or without its header row; the number of score levels is its rows of cuts + 1.',
        zh: 'RFM_CUTS 溢出的表，含或不含标题行；评分等级数为分界行数 + 1。',
      },
      part: PARAMETER_HELP.part,
    },
  },
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
    id: 'RFM_SEGMENT',
    description: {
      en: 'RFM segment name from the recency and frequency scores by the default R × F map (Champions, Loyal Customers, …), or from R, F and M scores by the rfm package grid.',
      zh: '根据 R、F 评分按默认 R × F 映射（冠军客户、忠诚客户……）或根据 R、F、M 评分按 rfm 包网格返回客户细分名称。',
    },
    result: 'string',
    parameters: {
      recency_score: {
        en: 'Recency score, 1 to bins (higher = more recent).',
        zh: '最近消费评分，1 到分级数（越高越近）。',
      },
      frequency_score: { en: 'Frequency score, 1 to bins.', zh: '消费频率评分，1 到分级数。' },
      monetary_score: {
        en: 'Monetary score, needed only by the "grid" map.',
        zh: '消费金额评分，仅 "grid" 映射需要。',
      },
      segment_map: {
        en: '"default" for the R × F map (default) or "grid" for the rfm package grid on R, F and M.',
        zh: '"default" 为 R × F 映射（默认），"grid" 为 rfm 包的 R、F、M 网格。',
      },
      bins: PARAMETER_HELP.bins,
      language: PARAMETER_HELP.language,
    },
  },
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

/** The help of the lifecycle functions' parameters (LIFECYCLE_STAGE and LIFECYCLE_PATTERN take the same). */
const lifecycleParameterHelp = {
  dates: {
    matrix: true,
    en: "Purchase dates: one customer's (e.g. a FILTER result) or the whole date column when customer_id is given.",
    zh: '购买日期：单个客户的（如 FILTER 结果），或给出 customer_id 时的整列日期。',
  },
  amounts: PARAMETER_HELP.amounts,
  customer_id: PARAMETER_HELP.customer_id,
  customers: PARAMETER_HELP.customers,
  as_of: {
    en: 'Date to evaluate at (default: the day after the latest transaction given); a purchase on that day counts.',
    zh: '评估日期（默认为所给最后交易日的次日）；当天的购买计入。',
  },
  period_days: PARAMETER_HELP.period_days,
  churn_days: PARAMETER_HELP.churn_days,
  language: PARAMETER_HELP.language,
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
export const lifecycleStage = defineFunction(
  {
    id: 'LIFECYCLE_STAGE',
    description: {
      en: "Lifecycle stage as of a date (Exploration, Formation, Stability, Decline or Lost) from one customer's dates and amounts, or from a customer id and the transaction table's columns.",
      zh: '某日的客户生命周期阶段（考察期、形成期、稳定期、退化期或流失），依据单个客户的日期和金额，或客户编号加交易表各列。',
    },
    result: 'string',
    parameters: lifecycleParameterHelp,
  },
  lifecycleArguments,
  (args) => labelIn(STAGE_LABELS[lifecycleFor(args).stage], args.language),
);

/** CRM.LIFECYCLE_PATTERN: the path of stages over the relationship (DOMAIN §7.6). */
export const lifecyclePattern = defineFunction(
  {
    id: 'LIFECYCLE_PATTERN',
    description: {
      en: "Lifecycle pattern (Long-term retention, Early exit, Mid-way break, Early abort or Ongoing) from the stages seen at the end of each period, for one customer's dates and amounts or a customer id and the table's columns.",
      zh: '客户生命周期模式（长久保持型、提前退出型、中途夭折型、早期流产型或发展中），依据每期末所处的阶段。',
    },
    result: 'string',
    parameters: lifecycleParameterHelp,
  },
  lifecycleArguments,
  (args) => labelIn(PATTERN_LABELS[lifecycleFor(args).pattern], args.language),
);

/** CRM.RFM_TABLE: the per-customer table of the task pane and the CLI, header row first. */
export const rfmTable = defineFunction(
  {
    id: 'RFM_TABLE',
    description: {
      en: 'Per-customer RFM table from raw transactions: spills a header row and one row per customer with recency, frequency, monetary, scores, segment, lifecycle stage, value and tier, as the task pane writes it.',
      zh: '由原始交易生成每位客户的 RFM 表：溢出标题行和每位客户一行（最近消费、频率、金额、评分、细分、生命周期阶段、价值与层级），与任务窗格写出的一致。',
    },
    result: 'matrix',
    parameters: {
      customers: { matrix: true, en: 'Customer id column of the transactions.', zh: '交易的客户编号列。' },
      dates: { matrix: true, en: 'Date column, same rows.', zh: '日期列，同行。' },
      amounts: {
        matrix: true,
        en: 'Amount column, same rows; negative amounts are returns.',
        zh: '金额列，同行；负数为退货。',
      },
      as_of: {
        en: 'Date to evaluate at (default: the day after the latest transaction).',
        zh: '评估日期（默认为最后交易日的次日）。',
      },
      bins: PARAMETER_HELP.bins,
      segment_map: {
        en: '"default" (R × F map) or "grid" (rfm package grid).',
        zh: '"default"（R × F 映射）或 "grid"（rfm 包网格）。',
      },
      language: {
        en: '"en" or "zh" for labels (default: Excel\'s display language, else English).',
        zh: '标签语言 "en" 或 "zh"（默认为 Excel 显示语言，否则英文）。',
      },
      date_order: {
        en: 'How to read text dates such as 03/04/2024: "ymd" (default), "mdy" (US) or "dmy"; date cells are unaffected.',
        zh: '如何读取 03/04/2024 这类文本日期："ymd"（默认）、"mdy"（美式）或 "dmy"；日期单元格不受影响。',
      },
    },
  },
  {
    customers: column,
    dates: column,
    amounts: column,
    as_of: optionalDate,
    bins,
    segment_map: { kind: 'choice', choices: ['default', 'grid'] as const, default: 'default' },
    language,
    date_order: OPTION_RULES.dateOrder,
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
        dateOrder: args.date_order,
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
    id: 'VALUE_TIER',
    description: {
      en: 'Value tier of a value within its column: the customer pyramid (Platinum top 20 %, Gold to 50 %, Iron to 80 %, Lead; value ≤ 0 is Lead) or ABC by cumulative share (A to 80 %, B to 95 %); spills one per row for a column alone.',
      zh: '某值在其列中的价值层级：客户金字塔（前 20% 白金、至 50% 黄金、至 80% 铁质、其余铅质；≤ 0 为铅质）或按累计占比的 ABC 分类；只给一列时逐行溢出。',
    },
    result: 'matrix',
    parameters: {
      value: {
        matrix: true,
        en: "One customer's value, or the whole value column to spill a tier per row.",
        zh: '单个客户的价值，或整列价值（逐行溢出层级）。',
      },
      values: {
        matrix: true,
        en: 'The value column of all customers (value must be one of them, as in RANK.EQ).',
        zh: '全部客户的价值列（value 必须是其中之一，同 RANK.EQ）。',
      },
      scheme: { en: '"pyramid" (default) or "abc".', zh: '"pyramid"（默认）或 "abc"。' },
      language: PARAMETER_HELP.language,
    },
  },
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
    id: 'VALUE_MATRIX',
    description: {
      en: 'Value matrix tier: high current and high potential value is Platinum, low current and high potential Gold, high current and low potential Iron, both low Lead; "high" means above the threshold (default the column\'s median).',
      zh: '客户价值矩阵：当前价值高且潜在价值高为白金，当前低潜在高为黄金，当前高潜在低为铁质，都低为铅质；“高”指高于阈值（默认为该列中位数）。',
    },
    result: 'matrix',
    parameters: {
      current_value: {
        matrix: true,
        en: "Current (historic) value: one customer's, or a column to spill a tier per row.",
        zh: '当前（历史）价值：单个客户的，或整列（逐行溢出）。',
      },
      potential_value: {
        matrix: true,
        en: 'Potential (predicted) value, same shape.',
        zh: '潜在（预测）价值，形状相同。',
      },
      current_threshold: {
        en: 'Current value above which it is high (default the median of current_value; required for one customer).',
        zh: '当前价值高于此值为高（默认 current_value 的中位数；单个客户时必填）。',
      },
      potential_threshold: {
        en: 'Potential value above which it is high (default the median; required for one customer).',
        zh: '潜在价值高于此值为高（默认中位数；单个客户时必填）。',
      },
      language: PARAMETER_HELP.language,
    },
  },
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
    id: 'BGNBD_FIT',
    description: {
      en: 'Fits the BG/NBD purchase model by maximum likelihood and spills a labelled block r, alpha, a, b and log-likelihood, to reference from P_ALIVE, EXPECTED_PURCHASES and PREDICTED_CLV.',
      zh: '用最大似然拟合 BG/NBD 购买模型，溢出带标签的 r、alpha、a、b 与对数似然，供 P_ALIVE、EXPECTED_PURCHASES 和 PREDICTED_CLV 引用。',
    },
    result: 'matrix',
    parameters: {
      x: {
        matrix: true,
        en: 'Repeat purchases per customer (purchase days − 1).',
        zh: '每位客户的重复购买次数（购买天数 − 1）。',
      },
      t_x: {
        matrix: true,
        en: 'Time from first to last purchase, in any one unit (days, weeks…).',
        zh: '首次到最后一次购买的时间，任一单位（天、周……）。',
      },
      T: {
        matrix: true,
        en: 'Time from first purchase to the end of the period, same unit.',
        zh: '首次购买到观察期末的时间，单位相同。',
      },
      penalty: PARAMETER_HELP.penalty,
      model: {
        en: '"bgnbd" (default) or "mbgnbd" (one-time buyers can also drop out).',
        zh: '"bgnbd"（默认）或 "mbgnbd"（只买一次的客户也可能流失）。',
      },
      unit: {
        en: 'Time unit of t_x and T: "days", "weeks" or "months"; when given, the block carries it in a unit row.',
        zh: 't_x 与 T 的时间单位："days"、"weeks" 或 "months"；给出时结果区域带有一行 unit。',
      },
      customers: {
        matrix: true,
        en: 'How many customers each row stands for (a collapsed x, t_x, T table); default 1 each.',
        zh: '每行代表的客户数（压缩后的 x、t_x、T 表）；默认每行 1 个。',
      },
    },
  },
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
  {
    id: 'GG_FIT',
    description: {
      en: 'Fits the Gamma–Gamma spend model to repeat customers and spills a labelled block p, q, gamma and log-likelihood.',
      zh: '对重复购买客户拟合 Gamma–Gamma 消费金额模型，溢出带标签的 p、q、gamma 与对数似然。',
    },
    result: 'matrix',
    parameters: {
      x: {
        matrix: true,
        en: 'Repeat purchases per customer; customers with x = 0 or mean spend ≤ 0 are left out.',
        zh: '每位客户的重复购买次数；x = 0 或平均消费 ≤ 0 的客户不计入。',
      },
      mean_spend: {
        matrix: true,
        en: "Mean value of each customer's repeat purchases.",
        zh: '每位客户重复购买的平均金额。',
      },
      penalty: PARAMETER_HELP.penalty,
    },
  },
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
export const pAlive = defineFunction(
  {
    id: 'P_ALIVE',
    description: {
      en: "Probability that a customer is still active under the fitted BG/NBD model, from repeat purchases, recency and age in the fit's time unit.",
      zh: '在已拟合的 BG/NBD 模型下客户仍然活跃的概率，输入为拟合所用时间单位下的重复购买次数、最近购买时间和客户年龄。',
    },
    result: 'number',
    parameters: {
      bgnbd_params: PARAMETER_HELP.bgnbd_params,
      x: PARAMETER_HELP.x,
      t_x: PARAMETER_HELP.t_x,
      T: PARAMETER_HELP.T,
    },
  },
  { bgnbd_params: raw, ...customerSummary },
  (args) => {
    return bgnbdPAlive(bgnbdModelOf(args.bgnbd_params, 'bgnbd_params', 'days'), { x: args.x, tx: args.t_x, T: args.T });
  },
);

/** CRM.EXPECTED_PURCHASES: expected purchases in the next t units, for a customer or (no x) a new one. */
export const expectedPurchases = defineFunction(
  {
    id: 'EXPECTED_PURCHASES',
    description: {
      en: 'Expected number of purchases in the next horizon under the fitted BG/NBD model: for a customer with x, t_x and T, or for a new customer when they are omitted.',
      zh: '在已拟合的 BG/NBD 模型下未来一段时间的期望购买次数：给出 x、t_x、T 时针对该客户，省略时针对新客户。',
    },
    result: 'number',
    parameters: {
      bgnbd_params: PARAMETER_HELP.bgnbd_params,
      horizon: { en: "Length of the future period, in the fit's unit.", zh: '未来时段长度，拟合所用单位。' },
      x: {
        en: 'Repeat purchases (omit x, t_x and T for a new customer).',
        zh: '重复购买次数（新客户时省略 x、t_x、T）。',
      },
      t_x: PARAMETER_HELP.t_x,
      T: PARAMETER_HELP.T,
    },
  },
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
    id: 'PREDICTED_CLV',
    description: {
      en: 'Predicted lifetime value over a horizon in months: the monthly increments of expected purchases (BG/NBD) × expected spend (Gamma–Gamma) × margin, each discounted by (1 + monthly discount)^month.',
      zh: '按月计算的预测终身价值：期望购买次数（BG/NBD）的逐月增量 × 期望消费（Gamma–Gamma）× 利润率，并按 (1 + 月折现率)^月 折现。',
    },
    result: 'number',
    parameters: {
      bgnbd_params: PARAMETER_HELP.bgnbd_params,
      gg_params: {
        matrix: true,
        en: 'The block spilled by GG_FIT, or p, q, gamma in this order.',
        zh: 'GG_FIT 溢出的区域，或依次为 p、q、gamma。',
      },
      x: PARAMETER_HELP.x,
      t_x: PARAMETER_HELP.t_x,
      T: PARAMETER_HELP.T,
      mean_spend: { en: "Mean value of the customer's repeat purchases.", zh: '客户重复购买的平均金额。' },
      unit: {
        en: 'Time unit of the fit: "days", "weeks" or "months" (a month is 30.4375 days); required unless the block carries a unit row.',
        zh: '拟合的时间单位："days"、"weeks" 或 "months"（一个月为 30.4375 天）；除非参数区域带有 unit 行，否则必须给出。',
      },
      horizon_months: { en: 'Horizon in months, 1 to 1200 (default 12).', zh: '预测月数，1 到 1200（默认 12）。' },
      monthly_discount: { en: 'Discount rate per month (default 1%).', zh: '月折现率（默认 1%）。' },
      margin: {
        en: 'Profit margin as a share of spend (default 100 %, i.e. revenue).',
        zh: '利润占消费的比例（默认 100%，即收入）。',
      },
    },
  },
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
    id: 'EXPERIENCE_GAP',
    description: {
      en: 'Customer experience gap: experience − expectation (satisfaction), times importance when given, or experience − ideal; one per row for columns.',
      zh: '客户体验差距：体验 − 期望（满意度），给出重要性时再乘以重要性；或体验 − 理想；列输入时逐行计算。',
    },
    result: 'matrix',
    parameters: {
      experience: {
        matrix: true,
        en: 'Experience score (e.g. 1 to 10), or a column of them.',
        zh: '体验评分（如 1 到 10），或一列评分。',
      },
      reference: {
        matrix: true,
        en: 'The expectation (or, with against = "ideal", the ideal) score, same shape.',
        zh: '期望评分（against 为 "ideal" 时为理想评分），形状相同。',
      },
      importance: {
        matrix: true,
        en: 'Importance weight per factor (with expectations only).',
        zh: '每个因素的重要性权重（仅用于期望）。',
      },
      against: { en: '"expectation" (default) or "ideal".', zh: '"expectation"（默认）或 "ideal"。' },
    },
  },
  {
    experience: raw,
    reference: raw,
    importance: optionalRaw,
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
    id: 'DELIVERED_VALUE',
    description: {
      en: 'Customer delivered value: total customer value − total customer cost, or their ratio.',
      zh: '客户让渡价值：客户总价值 − 客户总成本，或二者之比。',
    },
    result: 'number',
    parameters: {
      total_customer_value: {
        en: 'Total customer value (product, service, personnel and image value).',
        zh: '客户总价值（产品、服务、人员和形象价值）。',
      },
      total_customer_cost: {
        en: 'Total customer cost (money, time, energy and psychic cost).',
        zh: '客户总成本（货币、时间、精力和心理成本）。',
      },
      mode: {
        en: '"difference" (default) or "ratio" (cost must be above 0).',
        zh: '"difference"（默认）或 "ratio"（成本必须大于 0）。',
      },
    },
  },
  {
    total_customer_value: { kind: 'number' },
    total_customer_cost: { kind: 'number' },
    mode: { kind: 'choice', choices: ['difference', 'ratio'] as const, default: 'difference' },
  },
  (args) => deliveredValue(args.total_customer_value, args.total_customer_cost, args.mode),
);
