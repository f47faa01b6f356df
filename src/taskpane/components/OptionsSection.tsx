import { Field, Input, Select, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useSectionStyles } from './sectionStyles';
import type { Translate } from '../i18n/translator';
import type { FormOptions } from '../state/formOptions';
import type { PaneEvent } from '../state/paneReducer';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: tokens.spacingHorizontalS },
});

/** Step 3: the segmentation options, with defaults that work in one click. */
export function OptionsSection(props: {
  options: FormOptions;
  /** A day-month-year date text of the picked data, when it has them: the date order is then asked for. */
  ambiguousDate?: string | undefined;
  disabled: boolean;
  t: Translate;
  dispatch: (event: PaneEvent) => void;
}): JSX.Element {
  const sections = useSectionStyles();
  const { options, ambiguousDate, disabled, t, dispatch } = props;
  const styles = useStyles();
  const change = (patch: Partial<FormOptions>): void => dispatch({ type: 'optionsChanged', patch });
  const numberField = (
    key: keyof FormOptions &
      ('bins' | 'periodDays' | 'churnDays' | 'retention' | 'discount' | 'horizonMonths' | 'monthlyDiscount' | 'margin'),
    step: string,
  ) => (
    <Field label={t(`option.${key}`)}>
      <Input
        className={sections.control}
        type="number"
        step={step}
        disabled={disabled}
        data-testid={`option-${key}`}
        value={String(options[key])}
        onChange={(_, data) => change({ [key]: Number(data.value) })}
      />
    </Field>
  );
  return (
    <section className={sections.section} aria-labelledby="step-options">
      <Subtitle2 as="h2" id="step-options">
        {t('step.options')}
      </Subtitle2>
      <div className={styles.grid}>
        {(ambiguousDate !== undefined || options.dateOrder !== 'ymd') && (
          <Field
            label={t('option.dateOrder')}
            hint={ambiguousDate === undefined ? undefined : t('option.dateOrderHint', { example: ambiguousDate })}
          >
            <Select
              className={sections.control}
              disabled={disabled}
              data-testid="option-dateOrder"
              value={options.dateOrder}
              onChange={(_, data) => change({ dateOrder: data.value as FormOptions['dateOrder'] })}
            >
              <option value="ymd">{t('dateOrder.ymd')}</option>
              <option value="mdy">{t('dateOrder.mdy')}</option>
              <option value="dmy">{t('dateOrder.dmy')}</option>
            </Select>
          </Field>
        )}
        <Field label={t('option.asOf')}>
          <Input
            className={sections.control}
            type="date"
            disabled={disabled}
            value={options.asOf}
            onChange={(_, data) => change({ asOf: data.value })}
          />
        </Field>
        <Field label={t('option.tierScheme')}>
          <Select
            className={sections.control}
            disabled={disabled}
            value={options.tierScheme}
            onChange={(_, data) => change({ tierScheme: data.value as FormOptions['tierScheme'] })}
          >
            <option value="pyramid">{t('scheme.pyramid')}</option>
            <option value="matrix">{t('scheme.matrix')}</option>
            <option value="abc">{t('scheme.abc')}</option>
          </Select>
        </Field>
        <Field label={t('option.segmentMap')}>
          <Select
            className={sections.control}
            disabled={disabled}
            value={options.segmentMap}
            onChange={(_, data) => change({ segmentMap: data.value as FormOptions['segmentMap'] })}
          >
            <option value="default">{t('segmentMap.default')}</option>
            <option value="grid">{t('segmentMap.grid')}</option>
          </Select>
        </Field>
        {numberField('bins', '1')}
        {numberField('periodDays', '1')}
        {numberField('churnDays', '1')}
        <Field label={t('option.clvMethod')}>
          <Select
            className={sections.control}
            disabled={disabled}
            data-testid="option-clvMethod"
            value={options.clvMethod}
            onChange={(_, data) => change({ clvMethod: data.value as FormOptions['clvMethod'] })}
          >
            <option value="historic">{t('clv.historic')}</option>
            <option value="retention">{t('clv.retention')}</option>
            <option value="probabilistic">{t('clv.probabilistic')}</option>
          </Select>
        </Field>
        {options.clvMethod === 'retention' && numberField('retention', '0.01')}
        {options.clvMethod === 'retention' && numberField('discount', '0.01')}
        {options.clvMethod === 'probabilistic' && numberField('horizonMonths', '1')}
        {options.clvMethod === 'probabilistic' && numberField('monthlyDiscount', '0.001')}
        {options.clvMethod === 'probabilistic' && numberField('margin', '0.01')}
        {options.clvMethod === 'probabilistic' && (
          <Field label={t('option.holdoutWeeks')}>
            <Input
              className={sections.control}
              type="number"
              min={1}
              step="1"
              disabled={disabled}
              data-testid="option-holdoutWeeks"
              value={options.holdoutWeeks}
              onChange={(_, data) => change({ holdoutWeeks: data.value })}
            />
          </Field>
        )}
        <Field label={t('option.outputLanguage')}>
          <Select
            className={sections.control}
            disabled={disabled}
            data-testid="option-outputLanguage"
            value={options.outputLanguage}
            onChange={(_, data) => change({ outputLanguage: data.value as FormOptions['outputLanguage'] })}
          >
            <option value="en">{t('outputLanguage.en')}</option>
            <option value="zh">{t('outputLanguage.zh')}</option>
          </Select>
        </Field>
      </div>
    </section>
  );
}
