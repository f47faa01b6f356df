/* Cohort triangles by acquisition period, and their contractual survivor series for the sBG model. */
export type { CohortPeriod } from './calendarPeriod';
export {
  COHORT_PERIODS,
  calendarPeriodDays,
  calendarPeriodIndex,
  calendarPeriodLabel,
  parseCohortPeriod,
} from './calendarPeriod';
export { cohortSurvivors, cohortTable } from './cohortTable';
export type { CohortCell, CohortRow, CohortTable, CohortTableOptions } from './cohortTable';
export { COHORT_MEASURES, cohortCellValue } from './cohortRows';
export type { CohortMeasure } from './cohortRows';
export { cohortAnalysis } from './cohortAnalysis';
export type { CohortAnalysis, CohortOptions, CohortProjection, CohortProjectionProblem } from './cohortAnalysis';
