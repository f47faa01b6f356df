import type { Language } from '../../core';

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
  /** The "Cohorts and retention" output: a cohort sheet beside the segments. */
  cohorts: boolean;
  cohortPeriod: 'month' | 'week' | 'quarter';
  /** The user states that the data are subscription/contract renewals: only then is the sBG model used. */
  contractual: boolean;
}

/** Defaults so that one click on Run works: DOMAIN §7 defaults, historic CLV. */
export const DEFAULT_FORM_OPTIONS: FormOptions = {
  asOf: '',
  tierScheme: 'pyramid',
  segmentMap: 'default',
  bins: 5,
  periodDays: 90,
  churnDays: 365,
  clvMethod: 'historic',
  retention: 0.8,
  discount: 0.1,
  horizonMonths: 12,
  monthlyDiscount: 0.01,
  margin: 1,
  holdoutWeeks: '',
  outputLanguage: 'en',
  cohorts: false,
  cohortPeriod: 'month',
  contractual: false,
};
