import type { OutputLabels } from '../../excel';
import type { Translate } from './translator';

/** The words the adapter writes into the output sheets, in the chosen output language. */
export function outputLabels(t: Translate): OutputLabels {
  return {
    segmentsSheet: t('out.segmentsSheet'),
    summarySheet: t('out.summarySheet'),
    summaryTitle: t('out.summaryTitle'),
    tier: t('out.tier'),
    segment: t('out.segment'),
    stage: t('out.stage'),
    customers: t('out.customers'),
    revenue: t('out.revenue'),
    customerShare: t('out.customerShare'),
    revenueShare: t('out.revenueShare'),
    averageClv: t('out.averageClv'),
    total: t('out.total'),
    runInformation: t('out.runInformation'),
    source: t('out.source'),
    rowsRead: t('out.rowsRead'),
    rowsUsed: t('out.rowsUsed'),
    rowsSkipped: t('out.rowsSkipped'),
    firstRows: t('out.firstRows'),
    skipReasons: {
      blankCustomer: t('skip.blankCustomer'),
      badDate: t('skip.badDate'),
      badAmount: t('skip.badAmount'),
      afterAsOf: t('skip.afterAsOf'),
      returnsOnly: t('skip.returnsOnly'),
    },
    options: t('out.options'),
    asOf: t('out.asOf'),
    dateSystem: t('out.dateSystem'),
    addinVersion: t('out.addinVersion'),
    createdAt: t('out.createdAt'),
    revenueByTierChart: t('out.revenueByTierChart'),
    customersByStageChart: t('out.customersByStageChart'),
    modelFitChart: t('out.modelFitChart'),
    repeatPurchases: t('out.repeatPurchases'),
    actualCustomers: t('out.actualCustomers'),
    modelCustomers: t('out.modelCustomers'),
  };
}
