import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Subtitle2,
  Text,
} from '@fluentui/react-components';
import { useSectionStyles } from './sectionStyles';
import type { Translate } from '../i18n/translator';
import type { PaneEvent } from '../state/paneReducer';
import type { PaneState } from '../state/paneState';

/** Step 1: where the transactions are, and what was found there. */
export function DataSection(props: {
  state: PaneState;
  t: Translate;
  dispatch: (event: PaneEvent) => void;
  onPick: () => void;
}): JSX.Element {
  const sections = useSectionStyles();
  const { state, t, dispatch } = props;
  const busy = state.run.status === 'running' || state.data.status === 'loading';
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
        <Radio value="table" label={t('source.table')} />
      </RadioGroup>
      {state.sourceKind === 'table' && (
        <Field label={t('source.tableName')}>
          <Input
            className={sections.control}
            value={state.tableName}
            onChange={(_, data) => dispatch({ type: 'tableNameChanged', name: data.value })}
          />
        </Field>
      )}
      <Button
        className={sections.start}
        data-testid="use-data"
        appearance="secondary"
        disabled={busy}
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
        <MessageBar intent="error">
          <MessageBarBody>{t(state.data.message, { message: state.data.detail ?? '' })}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
