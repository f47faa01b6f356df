import { Button, Field, MessageBar, MessageBarBody, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import { useSectionStyles } from './sectionStyles';
import type { Translate } from '../i18n/translator';
import { mappingProblems } from '../state/mappingProblems';
import type { PaneState } from '../state/paneState';

const useStyles = makeStyles({ buttons: { display: 'flex', gap: tokens.spacingHorizontalS } });

/** Run / Cancel, the progress bar with phase text (announced through aria-live), and failures. */
export function RunSection(props: {
  state: PaneState;
  t: Translate;
  onRun: () => void;
  onCancel: () => void;
}): JSX.Element {
  const sections = useSectionStyles();
  const { state, t } = props;
  const styles = useStyles();
  const run = state.run;
  const ready = state.data.status === 'loaded' && mappingProblems(state.mapping, state.data.data.headers).length === 0;
  // The live region says when the run is over, not only while it runs: a screen-reader user hears the result.
  const phaseText =
    run.status === 'done'
      ? t('run.done', { customers: run.summary.customers, tiers: run.summary.tiers.length })
      : run.status !== 'running'
        ? ''
        : run.cancelling
          ? t('phase.cancelling')
          : run.phase === 'reading'
            ? t('phase.reading', { done: run.done, total: run.total })
            : t(`phase.${run.phase}`);
  return (
    <section className={sections.section} aria-label={t('run')}>
      <div className={styles.buttons}>
        <Button
          data-testid="run"
          appearance="primary"
          disabled={!ready || run.status === 'running'}
          onClick={props.onRun}
        >
          {run.status === 'done' ? t('runAgain') : t('run')}
        </Button>
        {run.status === 'running' && (
          <Button data-testid="cancel" disabled={run.cancelling} onClick={props.onCancel}>
            {t('cancel')}
          </Button>
        )}
      </div>
      {run.status === 'running' && (
        <Field validationMessage={phaseText} validationState="none">
          <ProgressBar value={run.total > 0 ? run.done / run.total : undefined} aria-label={phaseText} />
        </Field>
      )}
      <div role="status" aria-live="polite" data-testid="run-status" className="visually-hidden">
        {phaseText}
      </div>
      {run.status === 'failed' && (
        <MessageBar intent={run.message === 'error.CANCELLED' ? 'info' : 'error'} data-testid="run-failed">
          <MessageBarBody>{t(run.message, { message: run.detail ?? '' })}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
