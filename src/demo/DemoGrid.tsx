import { Tab, TabList, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { columnLetters, formatAddress } from '../standin';
import type { StandinWorkbook } from '../standin';
import { ChartSvg } from './ChartSvg';
import { chartData } from './chartData';
import type { CellPosition } from './gridSelection';
import { contains, movedBy, spanOf } from './gridSelection';
import { formatCell } from './formatCell';

/** Rows drawn per sheet; the grid is a view, the stand-in holds everything. */
const VISIBLE_ROWS = 200;

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    minWidth: 0,
    minHeight: 0,
    flex: 1,
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  scroller: { overflow: 'auto', flex: 1 },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, fontVariantNumeric: 'tabular-nums' },
  cell: { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: '2px 6px', whiteSpace: 'nowrap' },
  head: { backgroundColor: tokens.colorNeutralBackground3, position: 'sticky', top: 0 },
  // The selection as Excel shows it: a tint and a border that stays visible in forced colours.
  selected: {
    outline: `2px solid ${tokens.colorBrandStroke1}`,
    outlineOffset: '-2px',
    backgroundColor: tokens.colorBrandBackground2,
  },
  tabs: { overflowX: 'auto', flexShrink: 0 },
  grid: { outline: 'none', ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
  footer: { padding: tokens.spacingHorizontalS },
  charts: {
    display: 'flex',
    flexWrap: 'wrap',
    maxHeight: '50%',
    overflowY: 'auto',
    flexShrink: 0,
    gap: tokens.spacingHorizontalS,
    listStyle: 'none',
    margin: 0,
    padding: tokens.spacingHorizontalS,
  },
});

/** A read-only spreadsheet view of the stand-in workbook; each sheet is a tab, redrawn after every sync. */
export function DemoGrid(props: { book: StandinWorkbook; attribution: string }): JSX.Element {
  const { book } = props;
  const styles = useStyles();
  const [, setVersion] = useState(0);
  useEffect(() => book.subscribe(() => setVersion((version) => version + 1)), [book]);
  // Where a mouse drag or Shift+arrow selection started and where it is now.
  const anchor = useRef<CellPosition | null>(null);
  const focus = useRef<CellPosition>({ row: 0, column: 0 });
  const dragging = useRef(false);
  const sheet = book.activeSheet ?? book.sheets[0];
  if (!sheet) return <div />;
  const used = book.usedRect(sheet);
  const rowCount = used ? used.row + used.rowCount : 0;
  const columnCount = used ? used.column + used.columnCount : 0;
  const shown = Math.min(rowCount, VISIBLE_ROWS);
  // Columns in a collapsed outline group (Range.group + hideGroupDetails) are hidden as Excel hides them: one
  // narrow "+" column stands where the group starts.
  const collapsedAt = (column: number): 'start' | 'inside' | null => {
    const group = sheet.outline.find(
      (entry) =>
        entry.by === 'ByColumns' && entry.hidden && column >= entry.start && column < entry.start + entry.count,
    );
    return group === undefined ? null : column === group.start ? 'start' : 'inside';
  };
  const selection = book.selection?.sheet === sheet ? book.selection.rect : null;
  // Keys continue from the selection the user sees, even one made by the pane or before the grid had focus.
  if (anchor.current === null && selection) {
    anchor.current = { row: selection.row, column: selection.column };
    focus.current = {
      row: Math.min(selection.row + selection.rowCount - 1, Math.max(0, shown - 1)),
      column: selection.column + selection.columnCount - 1,
    };
  }
  const selectSpan = (to: CellPosition, extend: boolean): void => {
    if (!extend || anchor.current === null) anchor.current = to;
    focus.current = to;
    book.select(sheet.name, spanOf(anchor.current, to));
    setVersion((version) => version + 1);
  };
  const values = book.readCells(sheet, {
    row: 0,
    column: 0,
    rowCount: Math.max(1, shown),
    columnCount: Math.max(1, columnCount),
  });
  return (
    <section className={styles.root} aria-label="Workbook">
      <TabList
        className={styles.tabs}
        selectedValue={sheet.id}
        onTabSelect={(_, data) => {
          book.activeSheet = book.sheets.find((candidate) => candidate.id === data.value) ?? sheet;
          setVersion((version) => version + 1);
        }}
      >
        {book.sheets.map((candidate) => (
          <Tab key={candidate.id} value={candidate.id} data-testid={`sheet-tab-${candidate.name}`}>
            {candidate.name}
          </Tab>
        ))}
      </TabList>
      <div className={styles.scroller}>
        <table
          className={`${styles.table} ${styles.grid}`}
          data-testid="grid"
          data-sheet={sheet.name}
          data-selection={selection ? formatAddress(sheet.name, selection) : ''}
          tabIndex={0}
          aria-label={`Sheet ${sheet.name}: drag or use Shift+arrow keys to select a range`}
          onKeyDown={(event) => {
            const to = movedBy(event.key, focus.current, Math.max(1, shown), Math.max(1, columnCount));
            if (to === null) return;
            event.preventDefault();
            selectSpan(to, event.shiftKey);
          }}
          onMouseUp={() => {
            dragging.current = false;
          }}
          onMouseLeave={() => {
            dragging.current = false;
          }}
        >
          <thead>
            <tr>
              <th className={`${styles.cell} ${styles.head}`} />
              {Array.from({ length: columnCount }, (_, column) =>
                collapsedAt(column) === 'start' ? (
                  <th
                    key={column}
                    className={`${styles.cell} ${styles.head}`}
                    data-testid="collapsed-columns"
                    title="Grouped columns, collapsed (Excel shows + above them)"
                  >
                    +
                  </th>
                ) : collapsedAt(column) === 'inside' ? null : (
                  <th key={column} className={`${styles.cell} ${styles.head}`}>
                    {columnLetters(column)}
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody>
            {values.slice(0, shown).map((row, rowIndex) => (
              <tr key={rowIndex}>
                <th className={`${styles.cell} ${styles.head}`}>{rowIndex + 1}</th>
                {row.map((value, column) =>
                  collapsedAt(column) === 'start' ? (
                    <td key={column} className={styles.cell} />
                  ) : collapsedAt(column) === 'inside' ? null : (
                    <td
                      key={column}
                      className={
                        selection && contains(selection, rowIndex, column)
                          ? `${styles.cell} ${styles.selected}`
                          : styles.cell
                      }
                      aria-selected={selection ? contains(selection, rowIndex, column) : false}
                      style={{
                        backgroundColor:
                          book.conditionalFillAt(sheet, rowIndex, column) ??
                          (book.fillAt(sheet, rowIndex, column) || undefined),
                      }}
                      onMouseDown={(event) => {
                        event.preventDefault();
                        dragging.current = true;
                        selectSpan({ row: rowIndex, column }, event.shiftKey);
                      }}
                      onMouseEnter={() => {
                        if (dragging.current) selectSpan({ row: rowIndex, column }, true);
                      }}
                    >
                      {formatCell(value, book.numberFormatAt(sheet, rowIndex, column))}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {book.charts.some((chart) => chart.sheet === sheet) && (
        <ul className={styles.charts} aria-label="Charts on this sheet" data-testid="charts">
          {book.charts
            .filter((chart) => chart.sheet === sheet)
            .map((chart) => (
              <li key={chart.id} data-testid="chart" data-source={formatAddress(sheet.name, chart.source)}>
                <ChartSvg
                  type={chart.type}
                  title={chart.title}
                  data={chartData(book.readCells(sheet, chart.source), chart.seriesBy)}
                />
              </li>
            ))}
        </ul>
      )}
      <Text className={styles.footer} size={200}>
        {rowCount > shown ? `Rows 1–${shown} of ${rowCount} shown. ` : ''}
        {props.attribution}
      </Text>
    </section>
  );
}
