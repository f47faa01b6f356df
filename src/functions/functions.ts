/*
 * The CRM custom functions: Excel ids, parameter names and help text. custom-functions-metadata-plugin reads
 * the JSDoc below to build dist/functions.json, so each comment is what an analyst sees in Excel. The bodies
 * only forward to the declarative wrappers of library.ts; the associate calls at the bottom register them in
 * the shared runtime. Loads with no DOM and no Office.
 */
import * as cohorts from './cohortFunctions';
import * as library from './library';

/**
 * Customer lifetime value by the seed formula: the sum over periods t = 1…T of profit × retention^(t−1) / (1 + discount)^t, minus the acquisition cost; with retention 100 % and no cost it equals NPV.
 * @customfunction CLV
 * @helpurl https://localhost:3000/docs/functions.html#crmclv
 * @param profits One profit per period, or a row or column of per-period profits (the first is earned at the end of period 1).
 * @param discount_rate Discount rate per period, e.g. 10%; must be above −100 %.
 * @param [retention_rate] Share of customers kept each period, above 0 % and at most 100 % (default 100 %); the first period is not reduced.
 * @param [periods] Number of periods; optional for a single profit only when retention is below 100 % (then the horizon is infinite).
 * @param [acquisition_cost] Cost of acquiring the customer, subtracted once (default 0).
 * @returns The customer lifetime value in the currency of the profits.
 */
export function clv(
  profits: unknown[][],
  discount_rate: unknown,
  retention_rate?: unknown,
  periods?: unknown,
  acquisition_cost?: unknown,
): number {
  return library.clv(profits, discount_rate, retention_rate, periods, acquisition_cost);
}

/**
 * Lifetime value by the Gupta–Lehmann margin multiple: margin × retention / (1 + discount − retention) − acquisition cost, the first margin earned only if the customer is retained.
 * @customfunction RETENTION_CLV
 * @helpurl https://localhost:3000/docs/functions.html#crmretention_clv
 * @param margin Profit margin per customer per period.
 * @param retention_rate Share of customers kept each period, above 0 % and at most 100 %.
 * @param discount_rate Discount rate per period, above −100 %.
 * @param [acquisition_cost] Cost of acquiring the customer, subtracted once (default 0).
 * @param [periods] Number of periods for a finite horizon: the sum of margin × retention^t / (1 + discount)^t for t = 1…periods (default infinite).
 * @returns The customer lifetime value.
 */
export function retentionClv(
  margin: unknown,
  retention_rate: unknown,
  discount_rate: unknown,
  acquisition_cost?: unknown,
  periods?: unknown,
): number {
  return library.retentionClvFunction(margin, retention_rate, discount_rate, acquisition_cost, periods);
}

/**
 * RFM score 1 + INT(bins × number of customers strictly worse / number of customers): one customer's code such as 545 against the population columns, or, without population columns, a spilled column of codes for the three columns.
 * @customfunction RFM_SCORE
 * @helpurl https://localhost:3000/docs/functions.html#crmrfm_score
 * @param recency_days Days since the last purchase (fewer is better): one customer's value, or the whole column.
 * @param frequency Number of purchases (more is better): one customer's value, or the whole column.
 * @param monetary Money spent (more is better, compared to 6 decimals): one customer's value, or the whole column.
 * @param [recency_population] Recency column of all customers to score against; omit all three populations to spill codes for the columns.
 * @param [frequency_population] Frequency column of all customers.
 * @param [monetary_population] Monetary column of all customers.
 * @param [part] "RFM" for the code 100R + 10F + M (default), or "R", "F" or "M" for one score.
 * @param [bins] Number of score levels, 2 to 10 (default 5).
 * @returns The RFM code or score; a column of them when spilled.
 */
export function rfmScore(
  recency_days: unknown[][],
  frequency: unknown[][],
  monetary: unknown[][],
  recency_population?: unknown[][],
  frequency_population?: unknown[][],
  monetary_population?: unknown[][],
  part?: unknown,
  bins?: unknown,
): unknown[][] {
  return library.rfmScore(
    recency_days,
    frequency,
    monetary,
    recency_population,
    frequency_population,
    monetary_population,
    part,
    bins,
  );
}

/**
 * Score cuts of the RFM rule for the population columns, so that RFM_SCORE_CUTS can score many customers fast: spills a header row and, for each score from 2 to bins, the recency below which and the frequency and money above which a customer scores at least that.
 * @customfunction RFM_CUTS
 * @helpurl https://localhost:3000/docs/functions.html#crmrfm_cuts
 * @param recency_days Days since the last purchase of all customers, a column; blank cells are skipped.
 * @param frequency Number of purchases of all customers, a column; blank cells are skipped.
 * @param monetary Money spent by all customers, a column (compared to 6 decimals); blank cells are skipped.
 * @param [bins] Number of score levels, 2 to 10 (default 5).
 * @returns A table with a header row and one row per score from 2 to bins.
 */
export function rfmCuts(
  recency_days: unknown[][],
  frequency: unknown[][],
  monetary: unknown[][],
  bins?: unknown,
): unknown[][] {
  return library.rfmCuts(recency_days, frequency, monetary, bins);
}

/**
 * RFM code such as 545 (or one score) of one customer from the table spilled by RFM_CUTS: the same result as RFM_SCORE against the population columns, but fast when filled down thousands of rows because each call reads only the small table.
 * @customfunction RFM_SCORE_CUTS
 * @helpurl https://localhost:3000/docs/functions.html#crmrfm_score_cuts
 * @param recency_days The customer's days since the last purchase (fewer is better).
 * @param frequency The customer's number of purchases (more is better).
 * @param monetary The customer's money spent (more is better, compared to 6 decimals).
 * @param cuts The table spilled by RFM_CUTS, with or without its header row; the number of score levels is its rows of cuts + 1.
 * @param [part] "RFM" for the code 100R + 10F + M (default), or "R", "F" or "M" for one score.
 * @returns The RFM code or score.
 */
export function rfmScoreCuts(
  recency_days: unknown,
  frequency: unknown,
  monetary: unknown,
  cuts: unknown[][],
  part?: unknown,
): number {
  return library.rfmScoreCuts(recency_days, frequency, monetary, cuts, part);
}

/**
 * RFM segment name from the recency and frequency scores by the default R × F map (Champions, Loyal Customers, …), or from R, F and M scores by the rfm package grid.
 * @customfunction RFM_SEGMENT
 * @helpurl https://localhost:3000/docs/functions.html#crmrfm_segment
 * @param recency_score Recency score, 1 to bins (higher = more recent).
 * @param frequency_score Frequency score, 1 to bins.
 * @param [monetary_score] Monetary score, needed only by the "grid" map.
 * @param [segment_map] "default" for the R × F map (default) or "grid" for the rfm package grid on R, F and M.
 * @param [bins] Number of score levels the scores use, 2 to 10 (default 5).
 * @param [language] "en" or "zh" for the label (default: Excel's display language, else English).
 * @returns The segment name.
 */
export function rfmSegment(
  recency_score: unknown,
  frequency_score: unknown,
  monetary_score?: unknown,
  segment_map?: unknown,
  bins?: unknown,
  language?: unknown,
): string {
  return library.rfmSegment(recency_score, frequency_score, monetary_score, segment_map, bins, language);
}

/**
 * Lifecycle stage as of a date (Exploration, Formation, Stability, Decline or Lost) from one customer's dates and amounts, or from a customer id and the transaction table's columns.
 * @customfunction LIFECYCLE_STAGE
 * @helpurl https://localhost:3000/docs/functions.html#crmlifecycle_stage
 * @param dates Purchase dates: one customer's (e.g. a FILTER result) or the whole date column when customer_id is given.
 * @param amounts Amounts in the same rows as dates; negative amounts are returns.
 * @param [customer_id] The customer to look up in customers (SUMIFS-style).
 * @param [customers] The transaction table's customer column, in the same rows as dates.
 * @param [as_of] Date to evaluate at (default: the day after the latest transaction given); a purchase on that day counts.
 * @param [period_days] Length of a period in days (default 90).
 * @param [churn_days] Days without purchase after which the customer is Lost (default 365).
 * @param [language] "en" or "zh" for the label (default: Excel's display language, else English).
 * @returns The stage name.
 */
export function lifecycleStage(
  dates: unknown[][],
  amounts: unknown[][],
  customer_id?: unknown,
  customers?: unknown[][],
  as_of?: unknown,
  period_days?: unknown,
  churn_days?: unknown,
  language?: unknown,
): string {
  return library.lifecycleStage(dates, amounts, customer_id, customers, as_of, period_days, churn_days, language);
}

/**
 * Lifecycle pattern (Long-term retention, Early exit, Mid-way break, Early abort or Ongoing) from the stages seen at the end of each period, for one customer's dates and amounts or a customer id and the table's columns.
 * @customfunction LIFECYCLE_PATTERN
 * @helpurl https://localhost:3000/docs/functions.html#crmlifecycle_pattern
 * @param dates Purchase dates: one customer's or the whole date column when customer_id is given.
 * @param amounts Amounts in the same rows as dates; negative amounts are returns.
 * @param [customer_id] The customer to look up in customers (SUMIFS-style).
 * @param [customers] The transaction table's customer column, in the same rows as dates.
 * @param [as_of] Date to evaluate at (default: the day after the latest transaction given).
 * @param [period_days] Length of a period in days (default 90).
 * @param [churn_days] Days without purchase after which the customer is Lost (default 365).
 * @param [language] "en" or "zh" for the label (default: Excel's display language, else English).
 * @returns The pattern name.
 */
export function lifecyclePattern(
  dates: unknown[][],
  amounts: unknown[][],
  customer_id?: unknown,
  customers?: unknown[][],
  as_of?: unknown,
  period_days?: unknown,
  churn_days?: unknown,
  language?: unknown,
): string {
  return library.lifecyclePattern(dates, amounts, customer_id, customers, as_of, period_days, churn_days, language);
}

/**
 * Per-customer RFM table from raw transactions: spills a header row and one row per customer with recency, frequency, monetary, scores, segment, lifecycle stage, value and tier, as the task pane writes it.
 * @customfunction RFM_TABLE
 * @helpurl https://localhost:3000/docs/functions.html#crmrfm_table
 * @param customers Customer id column of the transactions.
 * @param dates Date column, same rows.
 * @param amounts Amount column, same rows; negative amounts are returns.
 * @param [as_of] Date to evaluate at (default: the day after the latest transaction).
 * @param [bins] Number of score levels, 2 to 10 (default 5).
 * @param [segment_map] "default" (R × F map) or "grid" (rfm package grid).
 * @param [language] "en" or "zh" for labels (default: Excel's display language, else English).
 * @returns The table, header row first.
 */
export function rfmTable(
  customers: unknown[][],
  dates: unknown[][],
  amounts: unknown[][],
  as_of?: unknown,
  bins?: unknown,
  segment_map?: unknown,
  language?: unknown,
): unknown[][] {
  return library.rfmTable(customers, dates, amounts, as_of, bins, segment_map, language);
}

/**
 * Value tier of a value within its column: the customer pyramid (Platinum top 20 %, Gold to 50 %, Iron to 80 %, Lead; value ≤ 0 is Lead) or ABC by cumulative share (A to 80 %, B to 95 %); spills one per row for a column alone.
 * @customfunction VALUE_TIER
 * @helpurl https://localhost:3000/docs/functions.html#crmvalue_tier
 * @param value One customer's value, or the whole value column to spill a tier per row.
 * @param [values] The value column of all customers (value must be one of them, as in RANK.EQ).
 * @param [scheme] "pyramid" (default) or "abc".
 * @param [language] "en" or "zh" for the label (default: Excel's display language, else English).
 * @returns The tier name; a column of them when spilled.
 */
export function valueTier(value: unknown[][], values?: unknown[][], scheme?: unknown, language?: unknown): unknown[][] {
  return library.valueTier(value, values, scheme, language);
}

/**
 * Value matrix tier: high current and high potential value is Platinum, low current and high potential Gold, high current and low potential Iron, both low Lead; "high" means above the threshold (default the column's median).
 * @customfunction VALUE_MATRIX
 * @helpurl https://localhost:3000/docs/functions.html#crmvalue_matrix
 * @param current_value Current (historic) value: one customer's, or a column to spill a tier per row.
 * @param potential_value Potential (predicted) value, same shape.
 * @param [current_threshold] Current value above which it is high (default the median of current_value; required for one customer).
 * @param [potential_threshold] Potential value above which it is high (default the median; required for one customer).
 * @param [language] "en" or "zh" for the label (default: Excel's display language, else English).
 * @returns The tier name; a column of them for columns.
 */
export function valueMatrix(
  current_value: unknown[][],
  potential_value: unknown[][],
  current_threshold?: unknown,
  potential_threshold?: unknown,
  language?: unknown,
): unknown[][] {
  return library.valueMatrix(current_value, potential_value, current_threshold, potential_threshold, language);
}

/**
 * Fits the BG/NBD purchase model by maximum likelihood and spills a labelled block r, alpha, a, b and log-likelihood, to reference from P_ALIVE, EXPECTED_PURCHASES and PREDICTED_CLV.
 * @customfunction BGNBD_FIT
 * @helpurl https://localhost:3000/docs/functions.html#crmbgnbd_fit
 * @param x Repeat purchases per customer (purchase days − 1).
 * @param t_x Time from first to last purchase, in any one unit (days, weeks…).
 * @param T Time from first purchase to the end of the period, same unit.
 * @param [penalty] L2 penalty on the parameters, 0 or more (default 0).
 * @param [model] "bgnbd" (default) or "mbgnbd" (one-time buyers can also drop out).
 * @param [unit] Time unit of t_x and T: "days", "weeks" or "months"; when given, the block carries it in a unit row.
 * @param [customers] How many customers each row stands for (a collapsed x, t_x, T table); default 1 each.
 * @returns A 5 × 2 block of labels and values (6 × 2 with unit); alpha is in the unit of t_x and T.
 */
export function bgnbdFit(
  x: unknown[][],
  t_x: unknown[][],
  T: unknown[][],
  penalty?: unknown,
  model?: unknown,
  unit?: unknown,
  customers?: unknown[][],
): unknown[][] {
  return library.bgnbdFit(x, t_x, T, penalty, model, unit, customers);
}

/**
 * Fits the Gamma–Gamma spend model to repeat customers and spills a labelled block p, q, gamma and log-likelihood.
 * @customfunction GG_FIT
 * @helpurl https://localhost:3000/docs/functions.html#crmgg_fit
 * @param x Repeat purchases per customer; customers with x = 0 or mean spend ≤ 0 are left out.
 * @param mean_spend Mean value of each customer's repeat purchases.
 * @param [penalty] L2 penalty on the parameters, 0 or more (default 0).
 * @returns A 4 × 2 block of labels and values.
 */
export function ggFit(x: unknown[][], mean_spend: unknown[][], penalty?: unknown): unknown[][] {
  return library.gammaGammaFit(x, mean_spend, penalty);
}

/**
 * Probability that a customer is still active under the fitted BG/NBD model, from repeat purchases, recency and age in the fit's time unit.
 * @customfunction P_ALIVE
 * @helpurl https://localhost:3000/docs/functions.html#crmp_alive
 * @param bgnbd_params The block spilled by BGNBD_FIT, or r, alpha, a, b in this order.
 * @param x Repeat purchases.
 * @param t_x Time from first to last purchase, in the fit's unit.
 * @param T Time from first purchase to now, in the fit's unit.
 * @returns A probability from 0 to 1.
 */
export function pAlive(bgnbd_params: unknown[][], x: unknown, t_x: unknown, T: unknown): number {
  return library.pAlive(bgnbd_params, x, t_x, T);
}

/**
 * Expected number of purchases in the next horizon under the fitted BG/NBD model: for a customer with x, t_x and T, or for a new customer when they are omitted.
 * @customfunction EXPECTED_PURCHASES
 * @helpurl https://localhost:3000/docs/functions.html#crmexpected_purchases
 * @param bgnbd_params The block spilled by BGNBD_FIT, or r, alpha, a, b in this order.
 * @param horizon Length of the future period, in the fit's unit.
 * @param [x] Repeat purchases (omit x, t_x and T for a new customer).
 * @param [t_x] Time from first to last purchase, in the fit's unit.
 * @param [T] Time from first purchase to now, in the fit's unit.
 * @returns The expected number of purchases.
 */
export function expectedPurchases(
  bgnbd_params: unknown[][],
  horizon: unknown,
  x?: unknown,
  t_x?: unknown,
  T?: unknown,
): number {
  return library.expectedPurchases(bgnbd_params, horizon, x, t_x, T);
}

/**
 * Predicted lifetime value over a horizon in months: the monthly increments of expected purchases (BG/NBD) × expected spend (Gamma–Gamma) × margin, each discounted by (1 + monthly discount)^month.
 * @customfunction PREDICTED_CLV
 * @helpurl https://localhost:3000/docs/functions.html#crmpredicted_clv
 * @param bgnbd_params The block spilled by BGNBD_FIT, or r, alpha, a, b in this order.
 * @param gg_params The block spilled by GG_FIT, or p, q, gamma in this order.
 * @param x Repeat purchases.
 * @param t_x Time from first to last purchase, in the fit's unit.
 * @param T Time from first purchase to now, in the fit's unit.
 * @param mean_spend Mean value of the customer's repeat purchases.
 * @param [unit] Time unit of the fit: "days", "weeks" or "months" (a month is 30.4375 days); required unless the block carries a unit row.
 * @param [horizon_months] Horizon in months, 1 to 1200 (default 12).
 * @param [monthly_discount] Discount rate per month (default 1%).
 * @param [margin] Profit margin as a share of spend (default 100 %, i.e. revenue).
 * @returns The predicted customer lifetime value.
 */
export function predictedClv(
  bgnbd_params: unknown[][],
  gg_params: unknown[][],
  x: unknown,
  t_x: unknown,
  T: unknown,
  mean_spend: unknown,
  unit?: unknown,
  horizon_months?: unknown,
  monthly_discount?: unknown,
  margin?: unknown,
): number {
  return library.predictedClvFunction(
    bgnbd_params,
    gg_params,
    x,
    t_x,
    T,
    mean_spend,
    unit,
    horizon_months,
    monthly_discount,
    margin,
  );
}

/**
 * Customer experience gap: experience − expectation (satisfaction), times importance when given, or experience − ideal; one per row for columns.
 * @customfunction EXPERIENCE_GAP
 * @helpurl https://localhost:3000/docs/functions.html#crmexperience_gap
 * @param experience Experience score (e.g. 1 to 10), or a column of them.
 * @param reference The expectation (or, with against = "ideal", the ideal) score, same shape.
 * @param [importance] Importance weight per factor (with expectations only).
 * @param [against] "expectation" (default) or "ideal".
 * @returns The gap; negative means the experience falls short.
 */
export function experienceGap(
  experience: unknown[][],
  reference: unknown[][],
  importance?: unknown[][],
  against?: unknown,
): unknown[][] {
  return library.experienceGapFunction(experience, reference, importance, against);
}

/**
 * Customer delivered value: total customer value − total customer cost, or their ratio.
 * @customfunction DELIVERED_VALUE
 * @helpurl https://localhost:3000/docs/functions.html#crmdelivered_value
 * @param total_customer_value Total customer value (product, service, personnel and image value).
 * @param total_customer_cost Total customer cost (money, time, energy and psychic cost).
 * @param [mode] "difference" (default) or "ratio" (cost must be above 0).
 * @returns The delivered value.
 */
export function deliveredValue(total_customer_value: unknown, total_customer_cost: unknown, mode?: unknown): number {
  return library.deliveredValueFunction(total_customer_value, total_customer_cost, mode);
}

/**
 * Cohort triangle of a transaction table: cohorts by the month (or week, quarter) of each customer's first purchase down, periods since acquisition across, with a header row; the last column names the partial period (the one containing the day before as_of), which is not a drop.
 * @customfunction COHORT_TABLE
 * @helpurl https://localhost:3000/docs/functions.html#crmcohort_table
 * @param customers Customer id column of the transaction table.
 * @param dates Transaction dates, in the same rows.
 * @param amounts Amounts in the same rows; negative amounts are returns (they lower revenue, they are not activity).
 * @param [period] "month" (default), "week" (ISO, Monday to Sunday) or "quarter".
 * @param [measure] "share" of the cohort active (default), "active" customers, "survivors" (contract reading: last activity at this age or later), "revenue", "revenue_per_customer" or "cumulative_revenue_per_customer".
 * @param [as_of] Date D the data run to (default: the day after the latest transaction); later rows are ignored.
 * @param [language] "en" or "zh" for the headers (default: Excel's display language, else English).
 * @returns The triangle: header row, then one row per cohort.
 */
export function cohortTable(
  customers: unknown[][],
  dates: unknown[][],
  amounts: unknown[][],
  period?: unknown,
  measure?: unknown,
  as_of?: unknown,
  language?: unknown,
): unknown[][] {
  return cohorts.cohortTableFunction(customers, dates, amounts, period, measure, as_of, language);
}

/**
 * Fits the shifted-beta-geometric (sBG) retention model of Fader & Hardie (2007) to contract renewals and spills alpha, beta, the log-likelihood, their standard errors, the periods, cohorts and customers used.
 * @customfunction SBG_FIT
 * @helpurl https://localhost:3000/docs/functions.html#crmsbg_fit
 * @param survivors_or_triangle Customers still subscribed at periods 0, 1, 2, … (counts, not shares): one row or column for one cohort, one row per cohort for a triangle, or a COHORT_TABLE spill with measure "survivors".
 * @returns A labelled block: alpha, beta, log-likelihood, se alpha, se beta, periods, cohorts, customers.
 */
export function sbgFit(survivors_or_triangle: unknown[][]): unknown[][] {
  return cohorts.sbgFitFunction(survivors_or_triangle);
}

/**
 * sBG survival S(t) = B(alpha, beta + t) / B(alpha, beta): the share of a new cohort still a customer after t renewal periods.
 * @customfunction SBG_SURVIVAL
 * @helpurl https://localhost:3000/docs/functions.html#crmsbg_survival
 * @param params The block spilled by SBG_FIT, or alpha and beta in this order.
 * @param t Periods since acquisition, a whole number 0 or more.
 * @returns The survival share, from 0 to 1.
 */
export function sbgSurvival(params: unknown[][], t: unknown): number {
  return cohorts.sbgSurvivalFunction(params, t);
}

/**
 * sBG retention rate r(t) = (beta + t − 1) / (alpha + beta + t − 1): the share of customers alive at t − 1 who renew at t; it rises with tenure.
 * @customfunction SBG_RETENTION
 * @helpurl https://localhost:3000/docs/functions.html#crmsbg_retention
 * @param params The block spilled by SBG_FIT, or alpha and beta in this order.
 * @param t The renewal period, a whole number 1 or more.
 * @returns The retention rate, from 0 to 1.
 */
export function sbgRetention(params: unknown[][], t: unknown): number {
  return cohorts.sbgRetentionFunction(params, t);
}

/**
 * Discounted expected residual lifetime (Fader & Hardie 2010) in payments: after renewals renewals, (beta + n − 1)/(alpha + beta + n − 1) × 2F1(1, beta + n; alpha + beta + n; 1/(1 + d)) with n = renewals + 1; without renewals, the discounted expected lifetime of a new customer. The payment of the period being entered counts undiscounted.
 * @customfunction SBG_DERL
 * @helpurl https://localhost:3000/docs/functions.html#crmsbg_derl
 * @param params The block spilled by SBG_FIT, or alpha and beta in this order.
 * @param discount_rate Discount rate per period; above 0 unless a horizon is given (with alpha ≤ 1 the undiscounted lifetime is infinite).
 * @param [renewals] Renewals the customer has made (n − 1); omit for a new customer (DEL).
 * @param [horizon] Number of payments to count (default: all).
 * @returns The expected discounted number of payments.
 */
export function sbgDerl(params: unknown[][], discount_rate: unknown, renewals?: unknown, horizon?: unknown): number {
  return cohorts.sbgDerlFunction(params, discount_rate, renewals, horizon);
}

/**
 * Customer lifetime value with sBG retention (margin × DEL or DERL, Fader & Hardie 2010) beside the value under one constant retention rate, the rate of the next renewal, so the difference heterogeneity makes is visible; also says whether the discount or the horizon bounded the sum.
 * @customfunction SBG_CLV
 * @helpurl https://localhost:3000/docs/functions.html#crmsbg_clv
 * @param params The block spilled by SBG_FIT, or alpha and beta in this order.
 * @param margin Margin per period while the customer is subscribed.
 * @param discount_rate Discount rate per period; above 0 unless a horizon is given.
 * @param [renewals] Renewals the customer has made; omit for a new customer.
 * @param [horizon] Number of payments to count (default: all).
 * @param [language] "en" or "zh" for the labels (default: Excel's display language, else English).
 * @returns A labelled block: CLV with sBG retention, CLV with constant retention, the constant r, and the bound used.
 */
export function sbgClv(
  params: unknown[][],
  margin: unknown,
  discount_rate: unknown,
  renewals?: unknown,
  horizon?: unknown,
  language?: unknown,
): unknown[][] {
  return cohorts.sbgClvFunction(params, margin, discount_rate, renewals, horizon, language);
}

/** Every function by its Excel id, as registered below (and checked against functions.json by the tests). */
export const FUNCTIONS_BY_ID: Readonly<Record<string, (...args: never[]) => unknown>> = Object.freeze({
  CLV: clv,
  RETENTION_CLV: retentionClv,
  RFM_SCORE: rfmScore,
  RFM_CUTS: rfmCuts,
  RFM_SCORE_CUTS: rfmScoreCuts,
  RFM_SEGMENT: rfmSegment,
  LIFECYCLE_STAGE: lifecycleStage,
  LIFECYCLE_PATTERN: lifecyclePattern,
  RFM_TABLE: rfmTable,
  VALUE_TIER: valueTier,
  VALUE_MATRIX: valueMatrix,
  BGNBD_FIT: bgnbdFit,
  GG_FIT: ggFit,
  P_ALIVE: pAlive,
  EXPECTED_PURCHASES: expectedPurchases,
  PREDICTED_CLV: predictedClv,
  EXPERIENCE_GAP: experienceGap,
  DELIVERED_VALUE: deliveredValue,
  COHORT_TABLE: cohortTable,
  SBG_FIT: sbgFit,
  SBG_SURVIVAL: sbgSurvival,
  SBG_RETENTION: sbgRetention,
  SBG_DERL: sbgDerl,
  SBG_CLV: sbgClv,
});

CustomFunctions.associate('CLV', clv);
CustomFunctions.associate('RETENTION_CLV', retentionClv);
CustomFunctions.associate('RFM_SCORE', rfmScore);
CustomFunctions.associate('RFM_CUTS', rfmCuts);
CustomFunctions.associate('RFM_SCORE_CUTS', rfmScoreCuts);
CustomFunctions.associate('RFM_SEGMENT', rfmSegment);
CustomFunctions.associate('LIFECYCLE_STAGE', lifecycleStage);
CustomFunctions.associate('LIFECYCLE_PATTERN', lifecyclePattern);
CustomFunctions.associate('RFM_TABLE', rfmTable);
CustomFunctions.associate('VALUE_TIER', valueTier);
CustomFunctions.associate('VALUE_MATRIX', valueMatrix);
CustomFunctions.associate('BGNBD_FIT', bgnbdFit);
CustomFunctions.associate('GG_FIT', ggFit);
CustomFunctions.associate('P_ALIVE', pAlive);
CustomFunctions.associate('EXPECTED_PURCHASES', expectedPurchases);
CustomFunctions.associate('PREDICTED_CLV', predictedClv);
CustomFunctions.associate('EXPERIENCE_GAP', experienceGap);
CustomFunctions.associate('DELIVERED_VALUE', deliveredValue);
CustomFunctions.associate('COHORT_TABLE', cohortTable);
CustomFunctions.associate('SBG_FIT', sbgFit);
CustomFunctions.associate('SBG_SURVIVAL', sbgSurvival);
CustomFunctions.associate('SBG_RETENTION', sbgRetention);
CustomFunctions.associate('SBG_DERL', sbgDerl);
CustomFunctions.associate('SBG_CLV', sbgClv);
