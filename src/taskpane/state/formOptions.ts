import type { DateOrder, Language } from '../../core';
import { OPTION_RULES } from '../../core';

/**
 * The options form as the user edits it. Number fields hold the text as typed (so clearing a field or typing
 * ".7" is not rewritten under the user's fingers); rates are typed as percentages ("10" means 10 %). The text
 * becomes a number only when a run starts, after the pane's inline check against core's option table.
 */
export interface FormOptions {
  /** 'yyyy-mm-dd' or '' for core's default (the day after the latest transaction). */
  asOf: string;
  tierScheme: 'pyramid' | 'matrix' | 'abc';
  segmentMap: 'default' | 'grid';
  bins: string;
  periodDays: string;
  churnDays: string;
  clvMethod: 'historic' | 'retention' | 'probabilistic';
  /** Percent, e.g. '80'. */
  retention: string;
  /** Percent. */
  discount: string;
  horizonMonths: string;
  /** Percent. */
  monthlyDiscount: string;
  /** Percent. */
  margin: string;
  /** The purchase model of the probabilistic method. */
  model: 'bgnbd' | 'mbgnbd' | 'pareto';
  /** Weeks of the probabilistic method's holdout check as typed; '' for core's default (a third of the history). */
  holdoutWeeks: string;
  outputLanguage: Language;
  /** How to read day-month-year date texts; offered when the picked data holds them (default 'ymd'). */
  dateOrder: DateOrder;
  /** The "Cohorts and retention" output: a cohort sheet beside the segments. */
  cohorts: boolean;
  cohortPeriod: 'month' | 'week' | 'quarter';
  /** The user states that the data are subscription/contract renewals: only then is the sBG model used. */
  contractual: boolean;
  /** Replace this add-in's previous output sheets instead of adding new ones beside them (default keep). */
  replacePrevious: boolean;
}

/**
 * A share as the percentage text the form shows: 0.8 → '80', 0.015 → '1.5' (rounded to 12 significant digits so
 * 0.07 does not show as 7.000000000000001).
 * @example
 * percentText(0.01) // => '1'
 */
export function percentText(share: number): string {
  return String(Number((share * 100).toPrecision(12)));
}

/**
 * Defaults so that one click on Run works: core's option table (DOMAIN §7 defaults), historic CLV. Retention
 * and discount have no engine default (the seed formula needs them stated); the form suggests 80 % and 10 %.
 */
export const DEFAULT_FORM_OPTIONS: FormOptions = {
  asOf: '',
  tierScheme: OPTION_RULES.tierScheme.default,
  segmentMap: OPTION_RULES.segmentMap.default,
  bins: String(OPTION_RULES.bins.default),
  periodDays: String(OPTION_RULES.periodDays.default),
  churnDays: String(OPTION_RULES.churnDays.default),
  clvMethod: 'historic',
  retention: '80',
  discount: '10',
  horizonMonths: String(OPTION_RULES.horizonMonths.default),
  monthlyDiscount: percentText(OPTION_RULES.monthlyDiscount.default),
  margin: percentText(OPTION_RULES.margin.default),
  model: OPTION_RULES.model.default,
  holdoutWeeks: '',
  outputLanguage: OPTION_RULES.language.default,
  dateOrder: 'ymd',
  cohorts: false,
  cohortPeriod: 'month',
  contractual: false,
  replacePrevious: false,
};
