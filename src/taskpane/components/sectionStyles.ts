import { makeStyles, tokens } from '@fluentui/react-components';

/**
 * Layout shared by the pane's sections: a column with even spacing, and fields that shrink to fit. The grid puts
 * two fields side by side only where each gets at least 11.5rem: a pane narrower than about 400 px gets one
 * column, so dropdown values are not cut (the pane's width, not the window's, decides: no media query).
 */
export const useSectionStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 11.5rem), 1fr))',
    gap: tokens.spacingHorizontalS,
  },
  control: { minWidth: 0, width: '100%' },
  start: { alignSelf: 'flex-start' },
});
