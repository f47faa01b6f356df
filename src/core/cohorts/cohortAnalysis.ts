import { AnalyticsError } from '../errors';
import { fitSbg } from '../sbg/fitSbg';
import { sbgLifetime } from '../sbg/sbgLifetime';
import { sbgSurvival } from '../sbg/sbgSurvival';
import type { SbgModel } from '../sbg/types';
import type { CustomerSummary } from '../summarizeCustomers';
import type { CohortPeriod } from './calendarPeriod';
import { cohortSurvivors, cohortTable } from './cohortTable';
import type { CohortTable } from './cohortTable';

/** The "Cohorts and retention" option of a run. */
export interface CohortOptions {
  /** Month (default), ISO week or quarter. */
  period?: CohortPeriod;
  /**
   * The user states that the data are subscription or contract renewals (a lost customer does not come back): only
   * then is the sBG model fitted and the triangle's empty corner projected. Default false (retail: descriptive only).
   */
  contractual?: boolean;
  /** Yearly discount rate for the per-cohort CLV, turned into a rate per period (default 0.1). */
  yearlyDiscount?: number;
}

/** The sBG part of a cohort analysis: the fit, the projected corner and the value of each cohort's survivors. */
export interface CohortProjection {
  readonly model: SbgModel;
  /** Per cohort, per age: the projected share of the cohort alive, or null where the age was observed complete. */
  readonly projected: readonly (readonly (number | null)[])[];
  /** The discount rate per period used for DERL. */
  readonly discountPerPeriod: number;
  readonly cohorts: readonly {
    readonly label: string;
    /** Survivors at the last complete age. */
    readonly alive: number;
    /** Renewals made by those survivors: their last complete age. */
    readonly renewals: number;
    /** Net revenue per survivor-period over the complete periods: the margin per period of the CLV. */
    readonly marginPerPeriod: number;
    readonly derl: number;
    /** marginPerPeriod × DERL: the expected discounted future value of one survivor. */
    readonly clvPerCustomer: number;
  }[];
}

/** A cohort analysis: the triangle, the average retention curve and, for contract data, the sBG projection. */
export interface CohortAnalysis {
  readonly table: CohortTable;
  /** Per age: the mean share active over the cohorts for which that age is complete, weighted by cohort size. */
  readonly averageShare: readonly (number | null)[];
  /** Per age, the same for survivors (the contract reading). */
  readonly averageSurvival: readonly (number | null)[];
  readonly contractual: boolean;
  readonly projection?: CohortProjection;
  /** Why the sBG model could not be fitted to contract data (in core's words), when it could not. */
  readonly projectionError?: string;
  /** The same as a code, so the pane can say it in the user's language. */
  readonly projectionProblem?: CohortProjectionProblem;
}

/** Why no sBG projection: no complete renewal period yet, nobody lost, or the fit failed. */
export type CohortProjectionProblem = 'noCompletePeriod' | 'noChurn' | 'fitFailed';

const PERIODS_PER_YEAR: Readonly<Record<CohortPeriod, number>> = { week: 52, month: 12, quarter: 4 };

/** Per age: active customers over cohort sizes, pooled over the cohorts whose age is complete. */
function averages(table: CohortTable): (number | null)[] {
  return Array.from({ length: table.ages }, (_, age) => {
    let active = 0;
    let size = 0;
    for (const row of table.cohorts) {
      const cell = row.cells[age];
      if (cell === undefined || cell.partial) continue;
      active += cell.active;
      size += row.size;
    }
    return size === 0 ? null : active / size;
  });
}

/**
 * The "Cohorts and retention" output of a run: the cohort triangle of {@link cohortTable}, the average retention
 * curves, and — only when the user states that the data are contract renewals — the sBG fit of the pooled triangle
 * (Fader & Hardie 2007), the projection of the triangle's empty lower-right corner (each cohort's observed survival at
 * its last complete age a times S(k)/S(a)), and per cohort the margin per period, DERL and CLV per survivor (Fader &
 * Hardie 2010). A failed fit does not fail the run: its reason is returned instead.
 *
 * Cost: that of cohortTable plus one sBG fit, O(cohorts × ages).
 * @throws AnalyticsError OUT_OF_RANGE for a yearly discount ≤ 0.
 * @example
 * const summary = summarizeCustomers(
 *   parseTransactions({ customer: ['a', 'a', 'b'], date: ['2024-01-05', '2024-02-05', '2024-01-09'], amount: [9, 9, 9] }),
 *   { asOf: requireDate('2024-03-01', 'as_of') },
 * );
 * cohortAnalysis(summary).averageShare; // => [1, 0.5]
 */
export function cohortAnalysis(summary: CustomerSummary, options: CohortOptions = {}): CohortAnalysis {
  const period = options.period ?? 'month';
  const yearlyDiscount = options.yearlyDiscount ?? 0.1;
  if (!(yearlyDiscount > 0) || !Number.isFinite(yearlyDiscount)) {
    throw new AnalyticsError('OUT_OF_RANGE', `The yearly discount rate must be above 0, got ${yearlyDiscount}.`, {
      argument: 'cohorts.yearlyDiscount',
    });
  }
  const table = cohortTable(summary, { period });
  const contractual = options.contractual ?? false;
  // Survival share: survivors over cohort sizes, pooled over the cohorts whose age is complete.
  const survival = Array.from({ length: table.ages }, (_, age) => {
    let alive = 0;
    let size = 0;
    for (const row of table.cohorts) {
      const cell = row.cells[age];
      if (cell === undefined || cell.partial) continue;
      alive += cell.alive;
      size += row.size;
    }
    return size === 0 ? null : alive / size;
  });
  const analysis = { table, averageShare: averages(table), averageSurvival: survival, contractual };
  if (!contractual) return analysis;
  const survivors = cohortSurvivors(table);
  if (survivors.length === 0) {
    return {
      ...analysis,
      projectionError:
        'No cohort has a complete period after its acquisition period yet: the sBG model needs at least one renewal.',
      projectionProblem: 'noCompletePeriod',
    };
  }
  let model: SbgModel;
  try {
    model = fitSbg(survivors);
  } catch (error) {
    if (error instanceof AnalyticsError) {
      const nobodyLost = error.code === 'FLAT_LIKELIHOOD' && /No customer was lost/.test(error.message);
      return {
        ...analysis,
        projectionError: error.message,
        projectionProblem: nobodyLost ? 'noChurn' : 'fitFailed',
      };
    }
    throw error;
  }
  const discountPerPeriod = (1 + yearlyDiscount) ** (1 / PERIODS_PER_YEAR[period]) - 1;
  const projected = table.cohorts.map((row) => {
    const complete = row.cells.filter((cell) => !cell.partial);
    const last = complete[complete.length - 1];
    return Array.from({ length: table.ages }, (_, age) => {
      if (last === undefined || age <= last.age) return null;
      const observed = last.alive / row.size;
      return (observed * sbgSurvival(model.params, age)) / sbgSurvival(model.params, last.age);
    });
  });
  const cohorts = table.cohorts.map((row) => {
    const complete = row.cells.filter((cell) => !cell.partial);
    const last = complete[complete.length - 1];
    let revenue = 0;
    let survivorPeriods = 0;
    for (const cell of complete) {
      revenue += cell.revenue;
      survivorPeriods += cell.alive;
    }
    const renewals = last?.age ?? 0;
    const derl = sbgLifetime(model.params, { discount: discountPerPeriod, renewals }).value;
    const marginPerPeriod = survivorPeriods === 0 ? 0 : revenue / survivorPeriods;
    return {
      label: row.label,
      alive: last?.alive ?? 0,
      renewals,
      marginPerPeriod,
      derl,
      clvPerCustomer: marginPerPeriod * derl,
    };
  });
  return { ...analysis, projection: { model, projected, discountPerPeriod, cohorts } };
}
