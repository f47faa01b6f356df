/*
 * Probabilistic customer-value models ("buy till you die"): BG/NBD, MBG/NBD, Pareto/NBD and Gamma–Gamma,
 * with predictions that always carry their time unit. Re-exported by the core barrel.
 *
 * Conventions (they reproduce the published CDNOW results): x = purchase days − 1, t_x = last − first,
 * T = as-of − first (the as-of day included in the data), in the model's unit; the Gamma–Gamma input is the
 * mean value of the repeat purchase days (first purchase excluded).
 */
export type {
  BgNbdModel,
  BgNbdStandardErrors,
  BtydCustomer,
  GammaGammaModel,
  Horizon,
  ParetoNbdModel,
  PurchaseModel,
} from './types';
export { fitBgNbd } from './fitBgNbd';
export type { BgNbdFitOptions } from './fitBgNbd';
export {
  bgnbdConditionalExpected,
  bgnbdExpectedPurchases,
  bgnbdPAlive,
  bgnbdProbabilityOfPurchases,
} from './bgnbdPredictions';
export { fitGammaGamma, gammaGammaExpectedSpend } from './fitGammaGamma';
export type { GammaGammaFitOptions, SpendCustomer } from './fitGammaGamma';
export { fitParetoNbd } from './fitParetoNbd';
export type { ParetoNbdFitOptions } from './fitParetoNbd';
export { paretoConditionalExpected, paretoExpectedPurchases, paretoPAlive } from './paretoPredictions';
export { conditionalExpectedPurchases, probabilityAlive } from './conditionalExpectedPurchases';
export { discountedExpectedPurchases, predictedClv } from './predictedClv';
export type { PredictedClvOptions } from './predictedClv';
export { predictCustomerValues } from './predictCustomerValues';
export type {
  CustomerPrediction,
  CustomerValuePredictions,
  PredictCustomerValuesOptions,
} from './predictCustomerValues';
export { holdoutDiagnostics } from './holdoutDiagnostics';
export { frequencyHistogram } from './frequencyHistogram';
export type { FrequencyHistogramRow } from './frequencyHistogram';
export type { ConditionalExpectationRow, HoldoutCustomer, HoldoutDiagnostics } from './holdoutDiagnostics';
export { calibrationHoldout } from './calibrationHoldout';
export type { CalibrationCustomer, CalibrationHoldout, CalibrationHoldoutOptions } from './calibrationHoldout';
export { btydCustomersOf } from './btydCustomersOf';
export type { SpendingBtydCustomer } from './btydCustomersOf';
export { checkCustomer } from './checkCustomer';
export { horizonInUnits } from './horizonInUnits';
export { hypergeometric2F1, logHypergeometric2F1 } from './hypergeometric2F1';
