import {
  Button,
  Dropdown,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Option,
  Radio,
  RadioGroup,
  Select,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { FailureMessage } from './FailureMessage';
import { useSectionStyles } from './sectionStyles';
import { choiceOptions } from './choiceOptions';
import { infoLabel } from './infoLabel';
import { SKIP_REASON_NAMES } from '../../messages/coreMessages';
import { labelLanguageOf, type Translate, type UiLanguage } from '../i18n/translator';
import type { PreflightState, PreflightSummary } from '../run/preflight';
import type { FormOptions } from '../state/formOptions';
import type { PaneEvent } from '../state/paneReducer';
import type { PaneState } from '../state/paneState';

const useStyles = makeStyles({
  check: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

/** The skip lines of a check or a run, each with its first rows and first value, in the pane's language. */
export function SkipList(props: { skipped: PreflightSummary['skipped']; t: Translate; testId?: string }): JSX.Element {
  const styles = useStyles();
  const { t } = props;
  return (
    <ul className={styles.list} data-testid={props.testId}>
      {props.skipped.map((skip) => (
        <li key={skip.reason}>
          {t('result.skipLine', {
            reason: SKIP_REASON_NAMES[labelLanguageOf(t.language)][skip.reason],
            count: skip.count,
            rows: skip.firstRows.join(', '),
          })}
          {/* What the user has to change: the first bad value, and for dates what a good one looks like. */}
          {skip.firstValue !== undefined && ` ${t('result.skipFirstValue', { value: skip.firstValue })}`}
          {skip.reason === 'badDate' && ` ${t('result.dateFormats')}`}
        </li>
      ))}
    </ul>
  );
}

/**
 * Step 1: where the transactions are, and what all of their rows give before anything is written: rows usable,
 * rows skipped by reason with the first value, customers and the date range; a warning with "Run anyway" when
 * more than 5 % would be skipped; the date order asked for when texts such as 12/1/2010 occur.
 */
export function DataSection(props: {
  state: PaneState;
  t: Translate;
  dispatch: (event: PaneEvent) => void;
  onPick: () => void;
  /** The workbook's Excel tables, for the table choice (undefined while they are being listed). */
  tables: readonly string[] | undefined;
  preflight: PreflightState;
  /** Set when "Run anyway" may be offered (the rest of the form is ready). */
  onRunAnyway?: (() => void) | undefined;
}): JSX.Element {
  const sections = useSectionStyles();
  const styles = useStyles();
  const { state, t, dispatch, preflight } = props;
  const busy = state.run.status === 'running' || state.data.status === 'loading';
  const language: UiLanguage = state.language;
  const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 });
  const ambiguousDate = state.data.status === 'loaded' ? state.data.data.ambiguousDate : undefined;
  const options = state.options;
  const summary = preflight.status === 'done' ? preflight.summary : null;
  return (
    <section className={sections.section} aria-labelledby="step-data">
      <Subtitle2 as="h2" id="step-data">
        {t('step.data')}
      </Subtitle2>
      <RadioGroup
        value={state.sourceKind}
        onChange={(_, data) => dispatch({ type: 'sourceKindChanged', kind: data.value as PaneState['sourceKind'] })}
      >
        <Radio value="regionAroundActiveCell" label={t('source.region')} />
        <Radio value="selection" label={t('source.selection')} />
        <Radio value="table" label={t('source.table')} data-testid="source-table" />
      </RadioGroup>
      {state.sourceKind === 'table' && (
        <Field
          label={t('source.tableName')}
          validationState={props.tables?.length === 0 ? 'warning' : 'none'}
          validationMessage={props.tables?.length === 0 ? t('source.noTables') : undefined}
        >
          <Dropdown
            className={sections.control}
            data-testid="table-name"
            disabled={busy || props.tables === undefined || props.tables.length === 0}
            value={state.tableName}
            selectedOptions={state.tableName === '' ? [] : [state.tableName]}
            onOptionSelect={(_, data) => dispatch({ type: 'tableNameChanged', name: data.optionValue ?? '' })}
          >
            {(props.tables ?? []).map((name) => (
              <Option key={name} value={name}>
                {name}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}
      <Button
        className={sections.start}
        data-testid="use-data"
        appearance="secondary"
        disabled={busy || (state.sourceKind === 'table' && state.tableName === '')}
        onClick={props.onPick}
      >
        {t('source.use')}
      </Button>
      <div role="status" aria-live="polite">
        {state.data.status === 'none' && <Text>{t('source.none')}</Text>}
        {state.data.status === 'loading' && <Text>{t('source.loading')}</Text>}
        {state.data.status === 'loaded' && (
          <Text data-testid="data-summary">
            {t('source.summary', { rows: state.data.data.rowCount, address: state.data.data.address })}
          </Text>
        )}
      </div>
      {state.data.status === 'failed' && (
        <FailureMessage
          message={state.data.message}
          detail={state.data.detail}
          language={language}
          t={t}
          intent="error"
        />
      )}
      {state.data.status === 'loaded' && (ambiguousDate !== undefined || options.dateOrder !== 'ymd') && (
        <Field
          label={infoLabel(t('option.dateOrder'), t('info.dateOrder'))}
          hint={ambiguousDate === undefined ? undefined : t('option.dateOrderHint', { example: ambiguousDate })}
        >
          <Select
            className={sections.control}
            disabled={busy}
            data-testid="option-dateOrder"
            value={options.dateOrder}
            onChange={(_, data) =>
              dispatch({ type: 'optionsChanged', patch: { dateOrder: data.value as FormOptions['dateOrder'] } })
            }
          >
            {choiceOptions(t, 'dateOrder')}
          </Select>
        </Field>
      )}
      {state.data.status === 'loaded' && preflight.status === 'checking' && (
        <Text data-testid="preflight-checking">{t('preflight.checking')}</Text>
      )}
      {state.data.status === 'loaded' && summary !== null && (
        <div className={styles.check} data-testid="preflight" aria-label={t('preflight.title')} role="group">
          <Text weight="semibold">{t('preflight.title')}</Text>
          <Text data-testid="preflight-usable">
            {t('preflight.usable', {
              usable: summary.rowsUsable,
              read: summary.rowsRead,
              customers: summary.customers,
            })}
          </Text>
          {summary.firstDate !== undefined && summary.lastDate !== undefined && (
            <Text data-testid="preflight-dates">
              {t('preflight.dates', { first: summary.firstDate, last: summary.lastDate })}
            </Text>
          )}
          {summary.skipped.length > 0 && <SkipList skipped={summary.skipped} t={t} testId="preflight-skipped" />}
          {summary.rowsUsable === 0 ? (
            <MessageBar intent="error" data-testid="preflight-none">
              <MessageBarBody>{t('preflight.none')}</MessageBarBody>
            </MessageBar>
          ) : (
            summary.needsConfirmation && (
              <MessageBar intent="warning" layout="multiline" data-testid="preflight-warning">
                <MessageBarBody>
                  {t('preflight.warning', {
                    skipped: summary.rowsRead - summary.rowsUsable,
                    read: summary.rowsRead,
                    share: percent.format(summary.skippedShare),
                  })}
                </MessageBarBody>
                <MessageBarActions>
                  <Button
                    data-testid="run-anyway"
                    disabled={props.onRunAnyway === undefined}
                    onClick={props.onRunAnyway}
                  >
                    {t('preflight.runAnyway')}
                  </Button>
                </MessageBarActions>
              </MessageBar>
            )
          )}
        </div>
      )}
    </section>
  );
}
