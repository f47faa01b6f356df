import { AnalyticsError } from './errors';

/**
 * A numeric option: its bounds (inclusive `min`/`max`, exclusive `above`/`below`), whether it is a whole
 * number, and its default when it has one.
 */
export interface NumberRule {
  readonly kind: 'number';
  readonly integer?: boolean;
  readonly min?: number;
  readonly above?: number;
  readonly max?: number;
  readonly below?: number;
  readonly default?: number;
  /** What the value is, when "a number" says too little (e.g. "a fraction"). */
  readonly noun?: string;
}

/** An option that is one word of a closed list, with its default. */
export interface ChoiceRule<Word extends string = string> {
  readonly kind: 'choice';
  readonly choices: readonly Word[];
  readonly default: Word;
}

/**
 * Every option of the engine, declared once: the CLI's flags and help, the pane's form (bounds, defaults),
 * the custom functions' argument specs and core's own checks all read their bounds and defaults here, so
 * a bound changes in one place. Keys are core's option names.
 */
export const OPTION_RULES = {
  /** RFM levels per dimension (DOMAIN §7.3). */
  bins: { kind: 'number', integer: true, min: 2, max: 10, default: 5 },
  /** One RFM score, 1 … bins. */
  score: { kind: 'number', integer: true, min: 1, max: 10 },
  /** Lifecycle period P in days (DOMAIN §7.6). */
  periodDays: { kind: 'number', integer: true, min: 1, default: 90 },
  /** Lifecycle churn window C in days. */
  churnDays: { kind: 'number', min: 0, default: 365 },
  declineThreshold: { kind: 'number', min: 0, default: 0.3 },
  growthThreshold: { kind: 'number', min: 0, default: 0.2 },
  minOccasions: { kind: 'number', min: 1, default: 3 },
  /** Retention rate r per period of the seed CLV formula, 0 < r ≤ 1. */
  retention: { kind: 'number', above: 0, max: 1 },
  /** Discount rate d per period, > −1. */
  discount: { kind: 'number', above: -1, noun: 'a rate' },
  /** Number of periods T of the seed formula. */
  periods: { kind: 'number', integer: true, min: 1 },
  /** Months of the predicted CLV horizon. */
  horizonMonths: { kind: 'number', integer: true, min: 1, max: 1200, default: 12 },
  /** Horizon of expected purchases, in the model's time unit. */
  purchaseHorizon: { kind: 'number', min: 0 },
  monthlyDiscount: { kind: 'number', above: -1, default: 0.01, noun: 'a rate' },
  /** Profit margin as a share of spend: 100 % at most (DOMAIN §7.5). */
  margin: { kind: 'number', min: 0, max: 1, default: 1, noun: 'a fraction' },
  /** Ridge penalty of the BTYD fits (0 = plain maximum likelihood). */
  penalty: { kind: 'number', min: 0, default: 0 },
  /** Weeks of the holdout check of the probabilistic method. */
  holdoutWeeks: { kind: 'number', integer: true, min: 1, noun: 'a whole number of weeks' },
  unit: { kind: 'choice', choices: ['days', 'weeks', 'months'], default: 'days' },
  segmentMap: { kind: 'choice', choices: ['default', 'grid'], default: 'default' },
  tierScheme: { kind: 'choice', choices: ['pyramid', 'matrix', 'abc'], default: 'pyramid' },
  language: { kind: 'choice', choices: ['en', 'zh'], default: 'en' },
  model: { kind: 'choice', choices: ['bgnbd', 'mbgnbd', 'pareto'], default: 'bgnbd' },
  /** How to read day-month-year date texts (12/1/2010): 'ymd' refuses them rather than guess. */
  dateOrder: { kind: 'choice', choices: ['ymd', 'mdy', 'dmy'], default: 'ymd' },
} as const satisfies Record<string, NumberRule | ChoiceRule>;

type Rules = typeof OPTION_RULES;
/** Names of the numeric options. */
export type NumberOptionName = {
  [Name in keyof Rules]: Rules[Name] extends { kind: 'number' } ? Name : never;
}[keyof Rules];
/** Names of the options that are one word of a list. */
export type ChoiceOptionName = Exclude<keyof Rules, NumberOptionName>;
/** The words a choice option accepts. */
export type ChoiceOf<Name extends ChoiceOptionName> = Rules[Name]['choices'][number];

const formatBound = (value: number): string => (value < 0 ? `−${-value}` : String(value));

/** One bound of a numeric rule as it is worded: both ends, or one end inclusive or exclusive. */
export type RuleBound =
  { kind: 'between'; min: number; max: number } | { kind: 'atLeast' | 'above' | 'atMost' | 'below'; value: number };

/**
 * The bounds of a numeric rule in the order they are said: "from min to max" when both inclusive ends exist,
 * else the lower end (inclusive before exclusive) and the upper end. Every wording of a rule (core's English,
 * the pane's languages) goes through this, so they say the same bounds.
 * @example
 * numberRuleBounds(OPTION_RULES.bins) // => [{ kind: 'between', min: 2, max: 10 }]
 */
export function numberRuleBounds(rule: NumberRule): RuleBound[] {
  const { min, above, max, below } = rule;
  if (min !== undefined && max !== undefined) return [{ kind: 'between', min, max }];
  const bounds: RuleBound[] = [];
  if (min !== undefined) bounds.push({ kind: 'atLeast', value: min });
  else if (above !== undefined) bounds.push({ kind: 'above', value: above });
  if (max !== undefined) bounds.push({ kind: 'atMost', value: max });
  else if (below !== undefined) bounds.push({ kind: 'below', value: below });
  return bounds;
}

const BOUND_WORDS = { atLeast: 'at least', above: 'above', atMost: 'at most', below: 'below' } as const;

/**
 * A numeric rule in words, e.g. "a whole number from 2 to 10" or "a number above −1".
 * @example
 * describeNumberRule(OPTION_RULES.bins) // => 'a whole number from 2 to 10'
 */
export function describeNumberRule(rule: NumberRule): string {
  const noun = rule.noun ?? (rule.integer === true ? 'a whole number' : 'a number');
  const parts = numberRuleBounds(rule).map((bound) =>
    bound.kind === 'between'
      ? `from ${formatBound(bound.min)} to ${formatBound(bound.max)}`
      : `${BOUND_WORDS[bound.kind]} ${formatBound(bound.value)}`,
  );
  return parts.length === 0 ? noun : `${noun} ${parts.join(' and ')}`;
}

/** Whether `value` satisfies a numeric rule (finite, whole when required, within the bounds). */
export function satisfiesNumberRule(rule: NumberRule, value: number): boolean {
  return (
    Number.isFinite(value) &&
    (rule.integer !== true || Number.isInteger(value)) &&
    (rule.min === undefined || value >= rule.min) &&
    (rule.above === undefined || value > rule.above) &&
    (rule.max === undefined || value <= rule.max) &&
    (rule.below === undefined || value < rule.below)
  );
}

/**
 * Checks a numeric option against its rule and returns it.
 * @param shownAs how the entry point names the option to its user ("--bins", "bins", a form label).
 * @param given what the user typed, when it was text (so the message quotes it, not its parse).
 * @throws AnalyticsError OUT_OF_RANGE saying what the option must be and what was given.
 * @example
 * checkNumberOption('bins', 7) // => 7
 */
export function checkNumberOption(
  name: NumberOptionName,
  value: number,
  shownAs: string = name,
  given: string = String(value),
): number {
  const rule: NumberRule = OPTION_RULES[name];
  if (!satisfiesNumberRule(rule, value)) {
    throw new AnalyticsError('OUT_OF_RANGE', `${shownAs} must be ${describeNumberRule(rule)}, got ${given}.`, {
      argument: name,
    });
  }
  return value;
}

/**
 * Checks that `value` is one of a list of words and returns it typed.
 * @throws AnalyticsError BAD_ARGUMENT listing the accepted words.
 * @example
 * oneOf('unit', 'weeks', ['days', 'weeks', 'months']) // => 'weeks'
 */
export function oneOf<Word extends string>(shownAs: string, value: unknown, choices: readonly Word[]): Word {
  if (typeof value === 'string' && (choices as readonly string[]).includes(value)) return value as Word;
  const list =
    choices.length <= 2 ? choices.join(' or ') : `${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]}`;
  throw new AnalyticsError('BAD_ARGUMENT', `${shownAs} must be ${list}, got ${String(value)}.`, { argument: shownAs });
}

/**
 * Checks a choice option against its rule, giving its default when the value is undefined.
 * @example
 * checkChoiceOption('tierScheme', undefined) // => 'pyramid'
 */
export function checkChoiceOption<Name extends ChoiceOptionName>(
  name: Name,
  value: unknown,
  shownAs: string = name,
): ChoiceOf<Name> {
  const rule = OPTION_RULES[name] as ChoiceRule<ChoiceOf<Name>>;
  return value === undefined ? rule.default : oneOf(shownAs, value, rule.choices);
}
