import type { SegmentOptions } from '../../core';
import type { FormOptions } from './formOptions';

/**
 * Turns the form into core's `SegmentOptions`, passing only what the chosen CLV method uses.
 * Validation of ranges is core's job (it names the argument that is wrong). O(1).
 * @example
 * toSegmentOptions(DEFAULT_FORM_OPTIONS).clv // => { method: 'historic' }
 */
export function toSegmentOptions(form: FormOptions): SegmentOptions {
  const clv: SegmentOptions['clv'] =
    form.clvMethod === 'historic'
      ? { method: 'historic' }
      : form.clvMethod === 'retention'
        ? { method: 'retention', retention: form.retention, discount: form.discount }
        : {
            method: 'probabilistic',
            horizonMonths: form.horizonMonths,
            monthlyDiscount: form.monthlyDiscount,
            margin: form.margin,
            // The holdout check always runs with this method; core resolves 'auto' from the data.
            holdoutWeeks: form.holdoutWeeks.trim() === '' ? 'auto' : Number(form.holdoutWeeks),
          };
  return {
    ...(form.asOf.trim() === '' ? {} : { asOf: form.asOf.trim() }),
    tierScheme: form.tierScheme,
    segmentMap: form.segmentMap,
    bins: form.bins,
    lifecycle: { periodDays: form.periodDays, churnDays: form.churnDays },
    clv,
    language: form.outputLanguage,
    ...(form.dateOrder === 'ymd' ? {} : { dateOrder: form.dateOrder }),
  };
}

/**
 * The form for saved options (from workbook settings), falling back to defaults field by field.
 */
export function fromSegmentOptions(options: SegmentOptions, defaults: FormOptions): FormOptions {
  const clv = options.clv;
  return {
    ...defaults,
    asOf: typeof options.asOf === 'string' ? options.asOf : defaults.asOf,
    tierScheme: options.tierScheme ?? defaults.tierScheme,
    segmentMap: options.segmentMap ?? defaults.segmentMap,
    bins: options.bins ?? defaults.bins,
    periodDays: options.lifecycle?.periodDays ?? defaults.periodDays,
    churnDays: options.lifecycle?.churnDays ?? defaults.churnDays,
    clvMethod: clv?.method ?? defaults.clvMethod,
    retention: clv?.method === 'retention' ? clv.retention : defaults.retention,
    discount: clv?.method === 'retention' ? clv.discount : defaults.discount,
    horizonMonths:
      clv?.method === 'probabilistic' ? (clv.horizonMonths ?? defaults.horizonMonths) : defaults.horizonMonths,
    monthlyDiscount:
      clv?.method === 'probabilistic' ? (clv.monthlyDiscount ?? defaults.monthlyDiscount) : defaults.monthlyDiscount,
    margin: clv?.method === 'probabilistic' ? (clv.margin ?? defaults.margin) : defaults.margin,
    holdoutWeeks:
      clv?.method === 'probabilistic' && typeof clv.holdoutWeeks === 'number'
        ? String(clv.holdoutWeeks)
        : defaults.holdoutWeeks,
    outputLanguage: options.language ?? defaults.outputLanguage,
    dateOrder: options.dateOrder ?? defaults.dateOrder,
  };
}
