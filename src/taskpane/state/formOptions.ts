import type { DateOrder, Language } from '../../core';
import { OPTION_RULES } from '../../core';

/** The options form as the user edits it (text inputs stay text until a run). */
export interface FormOptions {
  /** 'yyyy-mm-dd' or '' for core's default (the day after the latest transaction). */
  asOf: string;
  tierScheme: 'pyramid' | 'matrix' | 'abc';
  segmentMap: 'default' | 'grid';
  bins: number;
  periodDays: number;
  churnDays: number;
  clvMethod: 'historic' | 'retention' | 'probabilistic';
  retention: number;
  discount: number;
  horizonMonths: number;
  monthlyDiscount: number;
  margin: number;
  /** Weeks of the probabilistic method's holdout check as typed; '' for core's default (a third of the history). */
  holdoutWeeks: string;
  outputLanguage: Language;
  /** How to read day-month-year date texts; offered when the picked data holds them (default 'ymd'). */
  dateOrder: DateOrder;
}

/**
 * Defaults so that one click on Run works: core's option table (DOMAIN §7 defaults), historic CLV. Retention
 * and discount have no engine default (the seed formula needs them stated); the form suggests 80 % and 10 %.
 */
export const DEFAULT_FORM_OPTIONS: FormOptions = {
  asOf: '',
  tierScheme: OPTION_RULES.tierScheme.default,
  segmentMap: OPTION_RULES.segmentMap.default,
  bins: OPTION_RULES.bins.default,
  periodDays: OPTION_RULES.periodDays.default,
  churnDays: OPTION_RULES.churnDays.default,
  clvMethod: 'historic',
  retention: 0.8,
  discount: 0.1,
  horizonMonths: OPTION_RULES.horizonMonths.default,
  monthlyDiscount: OPTION_RULES.monthlyDiscount.default,
  margin: OPTION_RULES.margin.default,
  holdoutWeeks: '',
  outputLanguage: OPTION_RULES.language.default,
  dateOrder: 'ymd',
};
