import { Button, MessageBar, MessageBarBody, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { SkipList } from './DataSection';
import { useSectionStyles } from './sectionStyles';
import { warningText } from '../i18n/warningText';
import type { Translate, UiLanguage } from '../i18n/translator';
import type { RunSummary } from '../state/runSummary';

const useStyles = makeStyles({
  figures: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 6.5rem), 1fr))',
    gap: tokens.spacingHorizontalS,
  },
  figure: { display: 'flex', flexDirection: 'column' },
  // The border keeps the bar visible in forced colours (Windows high contrast), where backgrounds are dropped.
  bar: {
    height: '12px',
    backgroundColor: tokens.colorBrandBackground,
    border: `1px solid ${tokens.colorBrandStroke1}`,
    boxSizing: 'border-box',
    borderRadius: tokens.borderRadiusSmall,
  },
  track: { backgroundColor: tokens.colorNeutralBackground3, borderRadius: tokens.borderRadiusSmall },
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(4em, 8em) 1fr 3.5em',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  heading: { margin: 0 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

/** After a run: headline figures, a small tier chart, buttons to the output sheets, skipped rows. */
export function ResultSection(props: {
  summary: RunSummary;
  language: UiLanguage;
  t: Translate;
  onOpenSheet: (sheet: string) => void;
}): JSX.Element {
  const sections = useSectionStyles();
  const { summary, t, language } = props;
  const styles = useStyles();
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 });
  const open = props.onOpenSheet;
  // When a result appears, focus moves to its heading and it scrolls into view: at 350 px it is below the fold.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
    heading.current?.scrollIntoView({ block: 'start' });
  }, [summary]);
  return (
    <section className={sections.section} aria-labelledby="result-title" data-testid="result">
      <h2 id="result-title" ref={heading} tabIndex={-1} className={styles.heading}>
        <Subtitle2>{t('result.title')}</Subtitle2>
      </h2>
      <div className={styles.figures}>
        <div className={styles.figure}>
          <Text size={200}>{t('result.customers')}</Text>
          <Text weight="semibold" data-testid="result-customers">
            {number.format(summary.customers)}
          </Text>
        </div>
        <div className={styles.figure}>
          <Text size={200}>{t('result.revenue')}</Text>
          <Text weight="semibold" data-testid="result-revenue">
            {number.format(summary.revenue)}
          </Text>
        </div>
        <div className={styles.figure}>
          <Text size={200}>{t('result.asOf')}</Text>
          <Text weight="semibold">{summary.asOf}</Text>
        </div>
      </div>
      <Text>{t('result.rows', { used: summary.rowsUsed, read: summary.rowsRead })}</Text>
      <figure aria-label={t('result.tiers')} className={sections.section} style={{ margin: 0 }}>
        <Subtitle2 as="h3">{t('result.tiers')}</Subtitle2>
        {summary.tiers.map((tier) => (
          <div key={tier.label} className={styles.row}>
            <Text>{tier.label}</Text>
            <div className={styles.track}>
              <div className={styles.bar} style={{ width: `calc(${tier.revenueShare} * 100%)` }} />
            </div>
            <Text>{percent.format(tier.revenueShare)}</Text>
          </div>
        ))}
      </figure>
      {summary.holdout && (
        <Text data-testid="result-holdout">
          {summary.holdout.status === 'fitted'
            ? t('result.holdoutFitted', {
                calibrationEnd: summary.holdout.calibrationEnd,
                weeks: summary.holdout.weeks,
                actual: number.format(summary.holdout.actual),
                predicted: number.format(summary.holdout.predicted),
              })
            : t('result.holdoutSkipped', { reason: t(`holdout.${summary.holdout.reason}`) })}
        </Text>
      )}
      <div className={styles.buttons}>
        <Button data-testid="open-segments" onClick={() => open(summary.segmentsSheet)}>
          {t('result.openSegments', { sheet: summary.segmentsSheet })}
        </Button>
        <Button data-testid="open-summary" onClick={() => open(summary.summarySheet)}>
          {t('result.openSummary', { sheet: summary.summarySheet })}
        </Button>
        {summary.cohortSheet !== undefined && (
          <Button data-testid="open-cohorts" onClick={() => open(summary.cohortSheet ?? '')}>
            {t('result.openSummary', { sheet: summary.cohortSheet })}
          </Button>
        )}
      </div>
      <Subtitle2 as="h3">{t('result.skipped')}</Subtitle2>
      {summary.skipped.length === 0 ? (
        <Text>{t('result.noneSkipped')}</Text>
      ) : (
        <SkipList skipped={summary.skipped} t={t} testId="result-skipped" />
      )}
      {/* Warnings in a warning bar, not under "Skipped rows"; each in the pane's language (one function renders them). */}
      {summary.warnings.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="result-warnings">
          <MessageBarBody>
            <Text weight="semibold">{t('result.warnings')}</Text>
            <ul className={styles.list}>
              {summary.warnings.map((warning, index) => (
                <li key={`${warning.code}-${index}`}>{warningText(t, language, warning)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
