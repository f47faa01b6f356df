import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Checkbox,
  Field,
  Input,
  Select,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { choiceOptions } from './choiceOptions';
import { infoLabel } from './infoLabel';
import { useSectionStyles } from './sectionStyles';
import type { MessageKey } from '../i18n/en';
import { fieldProblemText } from '../i18n/fieldProblemText';
import type { Translate } from '../i18n/translator';
import type { FormOptions } from '../state/formOptions';

/** The CLV methods and cohort periods the pane offers, in the order shown. */
const CLV_METHODS = ['historic', 'retention', 'probabilistic'] as const;
const COHORT_PERIOD_CHOICES = ['month', 'week', 'quarter'] as const;

/** The form's dropdowns. */
type ChoiceField = 'clvMethod' | 'tierScheme' | 'outputLanguage' | 'segmentMap' | 'model' | 'cohortPeriod';
import { NUMBER_FIELDS, fieldProblem, formProblems } from '../state/optionFields';
import type { NumberField } from '../state/optionFields';
import type { PaneEvent } from '../state/paneReducer';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0 },
});

/**
 * Step 3: the options, in plain words with a hint each. The everyday choices are shown; the model's numbers
 * (score levels, periods, rates, model choice) sit in a collapsed "More options" section with defaults that
 * suit most data. Number fields come from the one field table (state/optionFields), checked as typed against
 * core's option table; a field with a problem opens its section and shows the reason under the field.
 */
export function OptionsSection(props: {
  options: FormOptions;
  disabled: boolean;
  t: Translate;
  dispatch: (event: PaneEvent) => void;
}): JSX.Element {
  const sections = useSectionStyles();
  const { options, disabled, t, dispatch } = props;
  const styles = useStyles();
  const change = (patch: Partial<FormOptions>): void => dispatch({ type: 'optionsChanged', patch });
  const [open, setOpen] = useState(false);
  // A field the user cannot see must not block Run silently: its section opens.
  const expanded = open || formProblems(options).length > 0;
  const label = (key: MessageKey, info: MessageKey) => infoLabel(t(key), t(info));
  const matrixBlocked = options.clvMethod === 'historic';

  const numberField = (field: NumberField) => {
    const text = options[field.key];
    const problem = fieldProblem(field, text);
    return (
      <Field
        key={field.key}
        label={label(`option.${field.key}`, `info.${field.key}`)}
        validationState={problem === null ? 'none' : 'error'}
        validationMessage={problem === null ? undefined : fieldProblemText(t, problem)}
      >
        <Input
          className={sections.control}
          type="text"
          inputMode={field.integer ? 'numeric' : 'decimal'}
          disabled={disabled}
          data-testid={`option-${field.key}`}
          value={text}
          contentAfter={field.percent ? '%' : undefined}
          onChange={(_, data) => change({ [field.key]: data.value })}
        />
      </Field>
    );
  };

  // The <option>s of a pane-only choice (not in core's option table), worded by `prefix.choice`.
  const wordOptions = <Choice extends string>(
    prefix: 'clv' | 'cohortPeriod',
    choices: readonly Choice[],
    isDisabled: (choice: Choice) => boolean = () => false,
  ) =>
    choices.map((choice) => (
      <option key={choice} value={choice} disabled={isDisabled(choice)}>
        {t(`${prefix}.${choice}` as MessageKey)}
      </option>
    ));

  // Every dropdown of the form: its label and hint by the option's name, its words from the caller.
  const choiceField = (key: ChoiceField, items: JSX.Element[], hint?: string) => (
    <Field label={label(`option.${key}` as MessageKey, `info.${key}` as MessageKey)} hint={hint}>
      <Select
        className={sections.control}
        disabled={disabled}
        data-testid={`option-${key}`}
        value={options[key]}
        onChange={(_, data) => change({ [key]: data.value })}
      >
        {items}
      </Select>
    </Field>
  );

  return (
    <section className={sections.section} aria-labelledby="step-options">
      <Subtitle2 as="h2" id="step-options">
        {t('step.options')}
      </Subtitle2>
      <div className={sections.grid}>
        <Field label={label('option.asOf', 'info.asOf')}>
          <Input
            className={sections.control}
            type="date"
            disabled={disabled}
            data-testid="option-asOf"
            value={options.asOf}
            onChange={(_, data) => change({ asOf: data.value })}
          />
        </Field>
        {choiceField(
          'clvMethod',
          // The value matrix crosses value so far with value to come: historic value cannot be both.
          wordOptions('clv', CLV_METHODS, (method) => method === 'historic' && options.tierScheme === 'matrix'),
        )}
        {choiceField(
          'tierScheme',
          choiceOptions(t, 'tierScheme', (choice) => choice === 'matrix' && matrixBlocked),
          matrixBlocked ? t('option.matrixNeedsForecast') : undefined,
        )}
        {choiceField('outputLanguage', choiceOptions(t, 'language'))}
      </div>
      <div className={styles.stack}>
        <Checkbox
          disabled={disabled}
          data-testid="option-replacePrevious"
          label={label('option.replacePrevious', 'info.replacePrevious')}
          checked={options.replacePrevious}
          onChange={(_, data) => change({ replacePrevious: data.checked === true })}
        />
        <Checkbox
          disabled={disabled}
          data-testid="option-cohorts"
          label={label('option.cohorts', 'option.cohortsHint')}
          checked={options.cohorts}
          onChange={(_, data) => change({ cohorts: data.checked === true })}
        />
        {options.cohorts && choiceField('cohortPeriod', wordOptions('cohortPeriod', COHORT_PERIOD_CHOICES))}
        {options.cohorts && (
          <Checkbox
            disabled={disabled}
            data-testid="option-contractual"
            label={label('option.contractual', 'option.contractualHint')}
            checked={options.contractual}
            onChange={(_, data) => change({ contractual: data.checked === true })}
          />
        )}
      </div>
      <Accordion
        collapsible
        openItems={expanded ? ['more'] : []}
        onToggle={(_, data) => setOpen(data.openItems.includes('more'))}
      >
        <AccordionItem value="more">
          <AccordionHeader data-testid="more-options">{t('option.advanced')}</AccordionHeader>
          <AccordionPanel className={styles.panel}>
            <div className={sections.grid}>
              {choiceField('segmentMap', choiceOptions(t, 'segmentMap'))}
              {NUMBER_FIELDS.filter((field) => field.shown(options)).map(numberField)}
              {options.clvMethod === 'probabilistic' && choiceField('model', choiceOptions(t, 'model'))}
            </div>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </section>
  );
}
