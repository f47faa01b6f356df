export { StandinError } from './standinError';
export type { StandinErrorCode } from './standinError';
export { StandinWorkbook, PAYLOAD_LIMIT_BYTES, READ_CELL_LIMIT, cellKey } from './standinWorkbook';
export type {
  CellValue,
  SheetModel,
  TableModel,
  ChartModel,
  OperationRecord,
  ColorScaleCriterion,
  ConditionalFormatModel,
} from './standinWorkbook';
export { StandinRequestContext } from './standinContext';
export { asExcelContext } from './asExcelContext';
export { columnLetters, formatAddress, parseAddress, MAX_ROWS, MAX_COLUMNS } from './address';
export type { CellRect } from './address';
export { sheetNameProblem } from './sheetName';
export { installStandinGlobals } from './installStandinGlobals';
export type { StandinOfficeInfo } from './installStandinGlobals';
