import type { SegmentOptions } from '../../core';
import { percentText } from '../state/formOptions';
import type { Translate } from './translator';

/**
 * The run's resolved options as label/value rows for the summary sheet, in the same words as the pane (instead
 * of a JSON cell): rates as percentages, choices by their names. O(options).
 * @example
 * optionRows(createTranslator('en'), result.options)[0] // ['Customer value (CLV)', 'Money spent so far']
 */
export function optionRows(t: Translate, options: SegmentOptions): [string, string | number][] {
  const rows: [string, string | number][] = [];
  const percent = (value: number | undefined): string => (value === undefined ? '' : `${percentText(value)} %`);
  const clv = options.clv ?? { method: 'historic' as const };
  rows.push([t('option.clvMethod'), t(`clv.${clv.method}`)]);
  if (clv.method === 'retention') {
    rows.push([t('option.retention'), percent(clv.retention)], [t('option.discount'), percent(clv.discount)]);
  }
  if (clv.method === 'probabilistic') {
    rows.push(
      [t('option.model'), t(`model.${clv.model ?? 'bgnbd'}`)],
      [t('option.horizonMonths'), clv.horizonMonths ?? ''],
      [t('option.monthlyDiscount'), percent(clv.monthlyDiscount)],
      [t('option.margin'), percent(clv.margin)],
    );
    if (typeof clv.holdoutWeeks === 'number') rows.push([t('option.holdoutWeeks'), clv.holdoutWeeks]);
  }
  rows.push([t('option.tierScheme'), t(`scheme.${options.tierScheme ?? 'pyramid'}`)]);
  rows.push([t('option.segmentMap'), t(`segmentMap.${options.segmentMap ?? 'default'}`)]);
  if (options.bins !== undefined) rows.push([t('option.bins'), options.bins]);
  if (options.lifecycle?.periodDays !== undefined) rows.push([t('option.periodDays'), options.lifecycle.periodDays]);
  if (options.lifecycle?.churnDays !== undefined) rows.push([t('option.churnDays'), options.lifecycle.churnDays]);
  if (options.dateOrder !== undefined && options.dateOrder !== 'ymd') {
    rows.push([t('option.dateOrder'), t(`dateOrder.${options.dateOrder}`)]);
  }
  if (options.cohorts !== undefined) {
    rows.push([t('option.cohorts'), t(`cohortPeriod.${options.cohorts.period ?? 'month'}`)]);
  }
  return rows;
}
