import { Button, Field, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import { FailureMessage } from './FailureMessage';
import { useSectionStyles } from './sectionStyles';
import type { Translate } from '../i18n/translator';
import type { PaneState } from '../state/paneState';
import type { RunBlock } from '../state/runReadiness';

const useStyles = makeStyles({ buttons: { display: 'flex', gap: tokens.spacingHorizontalS } });

/** Run / Cancel, the progress bar with phase text (announced through aria-live), and failures. */
export function RunSection(props: {
  state: PaneState;
  /** Why Run is not offered yet (shown under it and read with it), or null. */
  block: RunBlock | null;
  t: Translate;
  onRun: () => void;
  onCancel: () => void;
}): JSX.Element {
  const sections = useSectionStyles();
  const { state, t } = props;
  const styles = useStyles();
  const run = state.run;
  const block = props.block;
  const blockText =
    block === null
      ? ''
      : block.key === 'run.blockedOptions'
        ? t(block.key, { fields: block.fields.map((field) => `“${t(field)}”`).join(', ') })
        : t(block.key);
  // The live region says when the run is over, not only while it runs: a screen-reader user hears the result.
  const phaseText =
    run.status === 'done'
      ? t('run.done', { customers: run.summary.customers, tiers: run.summary.tiers.length })
      : run.status !== 'running'
        ? ''
        : run.cancelling
          ? t('phase.cancelling')
          : run.phase === 'reading'
            ? run.total > 0
              ? t('phase.reading', { done: run.done, total: run.total })
              : t('source.loading')
            : t(`phase.${run.phase}`);
  return (
    <section className={sections.section} aria-label={t('run')}>
      <div className={styles.buttons}>
        <Button
          data-testid="run"
          appearance="primary"
          // Focusable while blocked: keyboard users reach it and hear why (aria-describedby), focus never drops to the body.
          disabledFocusable={block !== null || run.status === 'running'}
          aria-describedby={block === null ? undefined : 'run-blocked'}
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
      {block !== null && run.status !== 'running' && (
        <Text id="run-blocked" data-testid="run-blocked">
          {blockText}
        </Text>
      )}
      {run.status === 'running' && (
        <Field validationMessage={phaseText} validationState="none">
          <ProgressBar value={run.total > 0 ? run.done / run.total : undefined} aria-label={phaseText} />
        </Field>
      )}
      <div role="status" aria-live="polite" data-testid="run-status" className="visually-hidden">
        {phaseText}
      </div>
      {run.status === 'failed' && (
        <FailureMessage
          message={run.message}
          detail={run.detail}
          language={state.language}
          t={t}
          intent={run.message === 'error.CANCELLED' ? 'info' : 'error'}
          testId="run-failed"
        />
      )}
    </section>
  );
}
