import { makeStyles, tokens } from '@fluentui/react-components';

/** Layout shared by the pane's sections: a column with even spacing, and fields that shrink to fit. */
export const useSectionStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: tokens.spacingHorizontalS },
  control: { minWidth: 0, width: '100%' },
  start: { alignSelf: 'flex-start' },
});
