import type { SegmentOptions } from '../../core';
import type { FormOptions } from './formOptions';
import { percentText } from './formOptions';
import type { NumberFieldKey } from './optionFields';
import { NUMBER_FIELDS, fieldNumber } from './optionFields';

/** A number field's value in core's units (percentages divided by 100); NaN when the text is not a number. */
function numberOf(form: FormOptions, key: NumberFieldKey): number {
  const numberField = NUMBER_FIELDS.find((candidate) => candidate.key === key);
  return numberField === undefined ? Number.NaN : (fieldNumber(numberField, form[key]) ?? Number.NaN);
}

/**
 * Turns the form into core's `SegmentOptions`, passing only what the chosen CLV method uses. The pane checks
 * each field inline before Run is offered; core checks again and names the argument that is wrong. O(1).
 * @example
 * toSegmentOptions(DEFAULT_FORM_OPTIONS).clv // => { method: 'historic' }
 */
export function toSegmentOptions(form: FormOptions): SegmentOptions {
  const clv: SegmentOptions['clv'] =
    form.clvMethod === 'historic'
      ? { method: 'historic' }
      : form.clvMethod === 'retention'
        ? { method: 'retention', retention: numberOf(form, 'retention'), discount: numberOf(form, 'discount') }
        : {
            method: 'probabilistic',
            ...(form.model === 'bgnbd' ? {} : { model: form.model }),
            horizonMonths: numberOf(form, 'horizonMonths'),
            monthlyDiscount: numberOf(form, 'monthlyDiscount'),
            margin: numberOf(form, 'margin'),
            // The holdout check always runs with this method; core resolves 'auto' from the data.
            holdoutWeeks: form.holdoutWeeks.trim() === '' ? 'auto' : numberOf(form, 'holdoutWeeks'),
          };
  return {
    ...(form.asOf.trim() === '' ? {} : { asOf: form.asOf.trim() }),
    tierScheme: form.tierScheme,
    segmentMap: form.segmentMap,
    bins: numberOf(form, 'bins'),
    lifecycle: { periodDays: numberOf(form, 'periodDays'), churnDays: numberOf(form, 'churnDays') },
    clv,
    language: form.outputLanguage,
    ...(form.dateOrder === 'ymd' ? {} : { dateOrder: form.dateOrder }),
    ...(form.cohorts ? { cohorts: { period: form.cohortPeriod, contractual: form.contractual } } : {}),
  };
}

/**
 * The form for saved options (from workbook settings), falling back to defaults field by field. A saved value
 * matrix with historic CLV (an older run) comes back as the value pyramid, which the form allows.
 */
export function fromSegmentOptions(options: SegmentOptions, defaults: FormOptions): FormOptions {
  const clv = options.clv;
  const text = (value: number | undefined, fallback: string): string =>
    typeof value === 'number' ? String(value) : fallback;
  const percent = (value: number | undefined, fallback: string): string =>
    typeof value === 'number' ? percentText(value) : fallback;
  const clvMethod = clv?.method ?? defaults.clvMethod;
  const tierScheme = options.tierScheme ?? defaults.tierScheme;
  return {
    ...defaults,
    asOf: typeof options.asOf === 'string' ? options.asOf : defaults.asOf,
    tierScheme: tierScheme === 'matrix' && clvMethod === 'historic' ? 'pyramid' : tierScheme,
    segmentMap: options.segmentMap ?? defaults.segmentMap,
    bins: text(options.bins, defaults.bins),
    periodDays: text(options.lifecycle?.periodDays, defaults.periodDays),
    churnDays: text(options.lifecycle?.churnDays, defaults.churnDays),
    clvMethod,
    retention: clv?.method === 'retention' ? percent(clv.retention, defaults.retention) : defaults.retention,
    discount: clv?.method === 'retention' ? percent(clv.discount, defaults.discount) : defaults.discount,
    horizonMonths:
      clv?.method === 'probabilistic' ? text(clv.horizonMonths, defaults.horizonMonths) : defaults.horizonMonths,
    monthlyDiscount:
      clv?.method === 'probabilistic'
        ? percent(clv.monthlyDiscount, defaults.monthlyDiscount)
        : defaults.monthlyDiscount,
    margin: clv?.method === 'probabilistic' ? percent(clv.margin, defaults.margin) : defaults.margin,
    model: clv?.method === 'probabilistic' ? (clv.model ?? defaults.model) : defaults.model,
    holdoutWeeks:
      clv?.method === 'probabilistic' && typeof clv.holdoutWeeks === 'number'
        ? String(clv.holdoutWeeks)
        : defaults.holdoutWeeks,
    outputLanguage: options.language ?? defaults.outputLanguage,
    dateOrder: options.dateOrder ?? defaults.dateOrder,
    cohorts: options.cohorts !== undefined,
    cohortPeriod: options.cohorts?.period ?? defaults.cohortPeriod,
    contractual: options.cohorts?.contractual ?? defaults.contractual,
  };
}
