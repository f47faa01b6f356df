import { Field, MessageBar, MessageBarBody, Select, Subtitle2, Text } from '@fluentui/react-components';
import type { ColumnMapping, ColumnRole } from '../../core';
import { isSummaryHeader } from '../../core';
import { useSectionStyles } from './sectionStyles';
import type { Translate } from '../i18n/translator';
import { mappingProblems } from '../state/mappingProblems';
import type { PaneEvent } from '../state/paneReducer';

const ROLES: readonly ColumnRole[] = ['customer', 'date', 'amount', 'order', 'quantity', 'unitPrice', 'margin', 'cost'];

/** Step 2: the detected column for each role, each changeable; problems shown before anything runs. */
export function ColumnsSection(props: {
  /** The picked data's headers; undefined before data is picked (the step then says so). */
  headers: readonly string[] | undefined;
  mapping: ColumnMapping;
  t: Translate;
  dispatch: (event: PaneEvent) => void;
}): JSX.Element {
  const sections = useSectionStyles();
  const { headers, mapping, t, dispatch } = props;
  if (headers === undefined) {
    return (
      <section className={sections.section} aria-labelledby="step-columns">
        <Subtitle2 as="h2" id="step-columns">
          {t('step.columns')}
        </Subtitle2>
        <Text>{t('columns.waiting')}</Text>
      </section>
    );
  }
  const problems = mappingProblems(mapping, headers);
  const summary = isSummaryHeader(headers);
  return (
    <section className={sections.section} aria-labelledby="step-columns">
      <Subtitle2 as="h2" id="step-columns">
        {t('step.columns')}
      </Subtitle2>
      <div className={sections.grid}>
        {ROLES.map((role) => (
          <Field key={role} label={t(`role.${role}`)}>
            <Select
              className={sections.control}
              data-testid={`column-${role}`}
              value={mapping[role] === undefined ? '' : String(mapping[role])}
              onChange={(_, data) =>
                dispatch({ type: 'mappingChanged', role, column: data.value === '' ? undefined : Number(data.value) })
              }
            >
              <option value="">{t('column.none')}</option>
              {headers.map((header, index) => (
                <option key={index} value={String(index)}>
                  {header === '' ? `#${index + 1}` : header}
                </option>
              ))}
            </Select>
          </Field>
        ))}
      </div>
      {summary && (
        <MessageBar intent="info" data-testid="summary-source">
          <MessageBarBody>{t('columns.summarySource')}</MessageBarBody>
        </MessageBar>
      )}
      {problems.length > 0 && (
        <MessageBar intent="warning" data-testid="mapping-problems">
          <MessageBarBody>{problems.map((problem) => t(problem)).join(' ')}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
