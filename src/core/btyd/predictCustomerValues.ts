import type { TimeUnit } from '../dates';
import { AnalyticsError } from '../errors';
import { conditionalExpectedPurchases, probabilityAlive } from './conditionalExpectedPurchases';
import { fitBgNbd } from './fitBgNbd';
import { fitGammaGamma, gammaGammaExpectedSpend } from './fitGammaGamma';
import { fitParetoNbd } from './fitParetoNbd';
import { checkClvOptions, discountedExpectedPurchases } from './predictedClv';
import type { BtydCustomer, GammaGammaModel, Horizon, PurchaseModel } from './types';
import { coreWarning, type CoreWarning } from '../warnings';

/** Options of {@link predictCustomerValues}. */
export interface PredictCustomerValuesOptions {
  unit: TimeUnit;
  horizonMonths: number;
  /** Horizon of `expectedPurchases`, in any unit; default the CLV horizon, `horizonMonths` months. */
  purchaseHorizon?: Horizon;
  monthlyDiscount: number;
  margin: number;
  /** Purchase model; default 'bgnbd'. */
  model?: 'bgnbd' | 'mbgnbd' | 'pareto';
  /** L2 penalty for both fits (lifetimes' `penalizer_coef`). Default 0. */
  penalty?: number;
}

/** Per-customer predictions, in input order. */
export interface CustomerPrediction {
  pAlive: number;
  /** Conditional expected purchases over the purchase horizon. */
  expectedPurchases: number;
  /** Gamma–Gamma expected average purchase value. */
  expectedAvgValue: number;
  predictedClv: number;
}

/** What {@link predictCustomerValues} returns. */
export interface CustomerValuePredictions {
  model: PurchaseModel;
  gammaGamma: GammaGammaModel;
  perCustomer: CustomerPrediction[];
  warnings: CoreWarning[];
}

/**
 * The Gamma–Gamma fit, with a fallback for data where every customer always pays the same (fixed prices,
 * subscriptions): there the likelihood rises without bound as p → ∞ (FLAT_LIKELIHOOD), which would stop the
 * whole segmentation. The fallback refits on spend rescaled to mean 1 with a small L2 penalty (0.001, scale
 * free after rescaling), which keeps p finite and predicts close to each customer's own mean, and says so.
 */
function fitSpendModel(
  customers: readonly { x: number; meanSpend: number }[],
  penalty: number,
  warnings: CoreWarning[],
): GammaGammaModel {
  try {
    return fitGammaGamma(customers, { penalty });
  } catch (error) {
    if (!(error instanceof AnalyticsError) || error.code !== 'FLAT_LIKELIHOOD' || penalty > 0) throw error;
  }
  let scale = 0;
  let count = 0;
  for (const { x, meanSpend } of customers) {
    if (x > 0 && meanSpend > 0) {
      scale += meanSpend;
      count++;
    }
  }
  scale /= count;
  const rescaled = customers.map(({ x, meanSpend }) => ({ x, meanSpend: x > 0 ? meanSpend / scale : 0 }));
  const fitted = fitGammaGamma(rescaled, { penalty: 0.001 });
  warnings.push(coreWarning('spendHardlyVaries', { penalty: 0.001 }));
  const se = fitted.standardErrors;
  return Object.freeze({
    ...fitted,
    params: Object.freeze({ ...fitted.params, gamma: fitted.params.gamma * scale }),
    // Rescaling m by 1/scale multiplies each customer's density by scale.
    logLikelihood: fitted.logLikelihood - fitted.customers * Math.log(scale),
    standardErrors: se === null ? null : { ...se, gamma: se.gamma * scale },
  });
}

/**
 * Fits a purchase model (BG/NBD by default) and the Gamma–Gamma spend model to customer summaries and
 * predicts, for each customer, P(alive), expected purchases and average value over the horizon, and the
 * predicted CLV of DOMAIN §7.5. The one call segmentCustomers makes for `clv.method = 'probabilistic'`.
 *
 * `meanSpend` is the mean value of the repeat purchases (DOMAIN §7.2 `monetary_repeat_avg`; 0 when x = 0).
 * Warnings name one-time buyers with P(alive) = 1 under BG/NBD, spend–frequency correlation and excluded
 * non-positive spend.
 *
 * Cost: two fits plus O(n · H) conditional expectations.
 * @throws AnalyticsError as {@link fitBgNbd}, {@link fitParetoNbd}, {@link fitGammaGamma}, {@link predictedClv}.
 * @example
 * Object.keys(predictCustomerValues(summaries, { unit: 'weeks', horizonMonths: 12, monthlyDiscount: 0.01, margin: 0.3 })
 *   .perCustomer[0]); // => ['pAlive', 'expectedPurchases', 'expectedAvgValue', 'predictedClv']
 */
export function predictCustomerValues(
  customers: readonly (BtydCustomer & { meanSpend: number })[],
  options: PredictCustomerValuesOptions,
): CustomerValuePredictions {
  checkClvOptions(options);
  const kind = options.model ?? 'bgnbd';
  const penalty = options.penalty ?? 0;
  const model: PurchaseModel =
    kind === 'pareto'
      ? fitParetoNbd(customers, { unit: options.unit, penalty })
      : fitBgNbd(customers, { unit: options.unit, penalty, modified: kind === 'mbgnbd' });
  const fallbackWarnings: CoreWarning[] = [];
  const gammaGamma = fitSpendModel(customers, penalty, fallbackWarnings);
  const horizon: Horizon = options.purchaseHorizon ?? { value: options.horizonMonths, unit: 'months' };
  // Customers with the same (x, t_x, T) share P(alive) and the purchase forecasts; CLV is linear in spend.
  const shared = new Map<string, { pAlive: number; expectedPurchases: number; discounted: number }>();
  const perCustomer = customers.map((customer) => {
    const key = `${customer.x}|${customer.tx}|${customer.T}`;
    let forecast = shared.get(key);
    if (forecast === undefined) {
      forecast = {
        pAlive: probabilityAlive(model, customer),
        expectedPurchases: conditionalExpectedPurchases(model, horizon, customer),
        discounted: discountedExpectedPurchases(model, customer, options),
      };
      shared.set(key, forecast);
    }
    const expectedAvgValue = gammaGammaExpectedSpend(gammaGamma, customer.x, customer.meanSpend);
    return {
      pAlive: forecast.pAlive,
      expectedPurchases: forecast.expectedPurchases,
      expectedAvgValue,
      predictedClv: forecast.discounted * expectedAvgValue * options.margin,
    };
  });
  const warnings = [...model.warnings, ...gammaGamma.warnings, ...fallbackWarnings];
  if (!model.converged) warnings.push(coreWarning('predictionsNotConverged', { model: kind }));
  return { model, gammaGamma, perCustomer, warnings };
}
