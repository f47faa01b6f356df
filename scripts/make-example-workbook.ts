/*
 * Builds examples/crm-sample.xlsx: a Transactions sheet from the first rows of the public CDNOW data set
 * (with its attribution), and sheets that use every CRM function as live formulas. Each formula carries the
 * value our functions compute for it, so the file shows numbers even before the add-in loads, and it stays in
 * sync with the functions because it is regenerated from them. Run: `npx tsx scripts/make-example-workbook.ts`.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { readDataText } from '../test/data/dataFiles';
import { installCustomFunctionsStandIn } from '../test/functions/customFunctionsStandIn';

const ROOT = path.join(__dirname, '..');
const OUTPUT = path.join(ROOT, 'examples/crm-sample.xlsx');
const TRANSACTION_ROWS = 3000;

type Cell = string | number;

/** Excel serial (1900 system) of a yyyymmdd text. */
function serialOf(yyyymmdd: string): number {
  const ms = Date.UTC(Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)) - 1, Number(yyyymmdd.slice(6, 8)));
  return ms / 86_400_000 + 25_569;
}

function readTransactions(): { customer: string; serial: number; cds: number; amount: number }[] {
  const lines = readDataText('CDNOW_master.txt').split('\n').slice(1);
  const rows: { customer: string; serial: number; cds: number; amount: number }[] = [];
  for (const line of lines) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 4) continue;
    const [customer, date, cds, amount] = fields as [string, string, string, string];
    rows.push({ customer, serial: serialOf(date), cds: Number(cds), amount: Number(amount) });
    if (rows.length === TRANSACTION_ROWS) break;
  }
  return rows;
}

const col = (values: readonly Cell[]): Cell[][] => values.map((value) => [value]);

/** Writes a formula with its computed value; a 2-D result becomes an array formula over its exact range. */
function putFormula(sheet: ExcelJS.Worksheet, address: string, formula: string, result: unknown): void {
  if (Array.isArray(result)) {
    const rows = result as Cell[][];
    const top = sheet.getCell(address);
    const width = Math.max(...rows.map((row) => row.length));
    const bottomRight = sheet.getCell(Number(top.row) + rows.length - 1, Number(top.col) + width - 1).address;
    // exceljs types omit the fourth argument ('array'), which writes a CSE array formula over the range.
    (sheet.fillFormula as (range: string, formula: string, results: Cell[][], shareType: string) => void).call(
      sheet,
      `${address}:${bottomRight}`,
      formula,
      rows,
      'array',
    );
    return;
  }
  sheet.getCell(address).value = { formula, result: result as Cell } as ExcelJS.CellFormulaValue;
}

async function main(): Promise<void> {
  installCustomFunctionsStandIn();
  const library = await import('../src/functions/library');
  const cohorts = await import('../src/functions/cohortFunctions');
  const transactions = readTransactions();
  const last = transactions.length + 1;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'crm-analytics';

  const about = workbook.addWorksheet('About');
  about.getColumn(1).width = 120;
  [
    'CRM analytics add-in: sample workbook. Every formula uses a CRM.* custom function; load the add-in to recalculate.',
    'Sheets: Transactions (data), Functions (one example per function), RFM table (CRM.RFM_TABLE), Models (BG/NBD, Gamma–Gamma and RFM cuts), Cohorts (CRM.COHORT_TABLE and the sBG functions).',
    '',
    'Data attribution: the Transactions sheet holds the first 3,000 rows of the CDNOW full cohort (CDNOW_master.txt),',
    "from Bruce Hardie's data sets page (brucehardie.com/datasets), distributed by him for research and teaching.",
    'Cite: Fader, Hardie & Lee (2005), "Counting your customers the easy way: an alternative to the Pareto/NBD model",',
    'Marketing Science 24(2), 275-284; and Fader, Hardie & Lee (2005), "RFM and CLV: using iso-value curves for customer',
    'base analysis", Journal of Marketing Research 42(4), 415-430. Copy taken from GitHub CamDavidsonPilon/lifetimes.',
  ].forEach((text, index) => {
    about.getCell(index + 1, 1).value = text;
  });
  about.getCell(1, 1).font = { bold: true };

  const sheet = workbook.addWorksheet('Transactions');
  sheet.columns = [
    { header: 'customer_id', key: 'customer', width: 12 },
    { header: 'date', key: 'date', width: 12, style: { numFmt: 'yyyy-mm-dd' } },
    { header: 'number_of_cds', key: 'cds', width: 14 },
    { header: 'dollar_value', key: 'amount', width: 12, style: { numFmt: '0.00' } },
  ];
  for (const row of transactions)
    sheet.addRow({ customer: row.customer, date: row.serial, cds: row.cds, amount: row.amount });

  const customers = col(transactions.map((row) => row.customer));
  const dates = col(transactions.map((row) => row.serial));
  const amounts = col(transactions.map((row) => row.amount));
  const asOf = serialOf('19980701');
  const tx = (column: string): string => `Transactions!$${column}$2:$${column}$${last}`;

  // RFM table: the per-customer table, as an array formula over its exact size.
  const tableSheet = workbook.addWorksheet('RFM table');
  const table = library.rfmTable(customers, dates, amounts, asOf);
  putFormula(tableSheet, 'A1', `CRM.RFM_TABLE(${tx('A')},${tx('B')},${tx('D')},DATE(1998,7,1))`, table);
  const header = table[0] as string[];
  const rowsOf = (name: string): Cell[][] => table.slice(1).map((row) => [row[header.indexOf(name)] as Cell]);
  const letter = (name: string): string => tableSheet.getColumn(header.indexOf(name) + 1).letter;
  const tableRange = (name: string): string => `'RFM table'!$${letter(name)}$2:$${letter(name)}$${table.length}`;

  // Models: fits referenced by the probabilistic functions.
  const models = workbook.addWorksheet('Models');
  models.getCell('A1').value = 'BG/NBD fit (days)';
  const bgnbd = library.bgnbdFit(rowsOf('x'), rowsOf('t_x'), rowsOf('T'));
  putFormula(models, 'A2', `CRM.BGNBD_FIT(${tableRange('x')},${tableRange('t_x')},${tableRange('T')})`, bgnbd);
  models.getCell('D1').value = 'Gamma–Gamma fit';
  const gg = library.gammaGammaFit(rowsOf('x'), rowsOf('monetary_repeat_avg'));
  putFormula(models, 'D2', `CRM.GG_FIT(${tableRange('x')},${tableRange('monetary_repeat_avg')})`, gg);
  // RFM cuts: computed once here, referenced by RFM_SCORE_CUTS on the Functions sheet (the fast per-row route).
  models.getCell('G1').value = 'RFM cuts (score ≥ k when recency is below, frequency and monetary above)';
  const cuts = library.rfmCuts(rowsOf('recency_days'), rowsOf('frequency'), rowsOf('monetary'));
  putFormula(
    models,
    'G2',
    `CRM.RFM_CUTS(${tableRange('recency_days')},${tableRange('frequency')},${tableRange('monetary')})`,
    cuts,
  );
  const cutsRange = `Models!$G$2:$J$${cuts.length + 1}`;

  const functions = workbook.addWorksheet('Functions');
  functions.columns = [
    { header: 'function', width: 22 },
    { header: 'formula', width: 90 },
    { header: 'result', width: 22 },
  ];
  const first = table[1] as Cell[];
  const value = (name: string): Cell => first[header.indexOf(name)] as Cell;
  const examples: [string, string, unknown][] = [
    ['CLV', 'CRM.CLV({100;100;100},10%)', library.clv([[100], [100], [100]], 0.1)],
    ['RETENTION_CLV', 'CRM.RETENTION_CLV(150,55%,10%,100)', library.retentionClvFunction(150, 0.55, 0.1, 100)],
    [
      'RFM_SCORE',
      `CRM.RFM_SCORE('RFM table'!${letter('recency_days')}2,'RFM table'!${letter('frequency')}2,'RFM table'!${letter('monetary')}2,${tableRange('recency_days')},${tableRange('frequency')},${tableRange('monetary')})`,
      library.rfmScore(
        [[value('recency_days')]],
        [[value('frequency')]],
        [[value('monetary')]],
        rowsOf('recency_days'),
        rowsOf('frequency'),
        rowsOf('monetary'),
      )[0]?.[0],
    ],
    [
      'RFM_SCORE_CUTS',
      `CRM.RFM_SCORE_CUTS('RFM table'!${letter('recency_days')}2,'RFM table'!${letter('frequency')}2,'RFM table'!${letter('monetary')}2,${cutsRange})`,
      library.rfmScoreCuts(value('recency_days'), value('frequency'), value('monetary'), cuts),
    ],
    ['RFM_SEGMENT', 'CRM.RFM_SEGMENT(5,4)', library.rfmSegment(5, 4)],
    ['RFM_SEGMENT (zh)', 'CRM.RFM_SEGMENT(5,4,,,,"zh")', library.rfmSegment(5, 4, null, null, null, 'zh')],
    [
      'LIFECYCLE_STAGE',
      `CRM.LIFECYCLE_STAGE(${tx('B')},${tx('D')},"00002",${tx('A')},DATE(1998,7,1))`,
      library.lifecycleStage(dates, amounts, '00002', customers, asOf),
    ],
    [
      'LIFECYCLE_PATTERN',
      `CRM.LIFECYCLE_PATTERN(${tx('B')},${tx('D')},"00002",${tx('A')},DATE(1998,7,1))`,
      library.lifecyclePattern(dates, amounts, '00002', customers, asOf),
    ],
    [
      'VALUE_TIER',
      'CRM.VALUE_TIER(50,{100;50;20;10;0})',
      library.valueTier([[50]], [[100], [50], [20], [10], [0]])[0]?.[0],
    ],
    [
      'VALUE_TIER (one value)',
      `CRM.VALUE_TIER('RFM table'!${letter('historic_value')}2,${tableRange('historic_value')})`,
      library.valueTier([[value('historic_value')]], rowsOf('historic_value'))[0]?.[0],
    ],
    ['VALUE_MATRIX', 'CRM.VALUE_MATRIX(5,50,10,20)', library.valueMatrix([[5]], [[50]], 10, 20)[0]?.[0]],
    ['P_ALIVE', `CRM.P_ALIVE(Models!A2:B6,2,30,90)`, library.pAlive(bgnbd, 2, 30, 90)],
    ['EXPECTED_PURCHASES', `CRM.EXPECTED_PURCHASES(Models!A2:B6,365)`, library.expectedPurchases(bgnbd, 365)],
    [
      'PREDICTED_CLV',
      `CRM.PREDICTED_CLV(Models!A2:B6,Models!D2:E5,2,30,90,40,"days")`,
      library.predictedClvFunction(bgnbd, gg, 2, 30, 90, 40, 'days'),
    ],
    ['EXPERIENCE_GAP', 'CRM.EXPERIENCE_GAP(5,7,9)', library.experienceGapFunction([[5]], [[7]], [[9]])[0]?.[0]],
    ['DELIVERED_VALUE', 'CRM.DELIVERED_VALUE(120,80,"ratio")', library.deliveredValueFunction(120, 80, 'ratio')],
  ];
  examples.forEach(([name, formula, result], index) => {
    const row = index + 2;
    functions.getCell(row, 1).value = name;
    functions.getCell(row, 2).value = `=${formula}`;
    putFormula(functions, `C${row}`, formula, result);
  });
  // Spilled examples below the single-value ones.
  const spillRow = examples.length + 3;
  functions.getCell(spillRow, 1).value = 'spilled';
  functions.getCell(spillRow, 2).value = '=CRM.VALUE_TIER({100;50;20;10;0}) and =CRM.RFM_SCORE over the RFM table';
  putFormula(
    functions,
    `C${spillRow + 1}`,
    'CRM.VALUE_TIER({100;50;20;10;0})',
    library.valueTier([[100], [50], [20], [10], [0]]),
  );
  functions.getCell(spillRow + 1, 1).value = 'VALUE_TIER';
  functions.getCell(spillRow + 7, 1).value = 'RFM_SCORE (first 10)';
  const firstTen = (name: string): Cell[][] => rowsOf(name).slice(0, 10);
  putFormula(
    functions,
    `C${spillRow + 7}`,
    `CRM.RFM_SCORE('RFM table'!${letter('recency_days')}2:${letter('recency_days')}11,'RFM table'!${letter('frequency')}2:${letter('frequency')}11,'RFM table'!${letter('monetary')}2:${letter('monetary')}11)`,
    library.rfmScore(firstTen('recency_days'), firstTen('frequency'), firstTen('monetary')),
  );
  functions.getCell(spillRow + 18, 1).value = 'VALUE_MATRIX';
  putFormula(
    functions,
    `C${spillRow + 18}`,
    `CRM.VALUE_MATRIX('RFM table'!${letter('historic_value')}2:${letter('historic_value')}11,'RFM table'!${letter('clv')}2:${letter('clv')}11)`,
    library.valueMatrix(firstTen('historic_value'), firstTen('clv')),
  );

  // Cohorts: the triangle of the sample transactions, and the sBG model on Fader & Hardie's (2007) high-end series.
  const cohortSheet = workbook.addWorksheet('Cohorts');
  cohortSheet.getCell('A1').value = 'Cohort triangle (share of each cohort active per month since acquisition)';
  putFormula(
    cohortSheet,
    'A2',
    `CRM.COHORT_TABLE(${tx('A')},${tx('B')},${tx('D')},"month","share",DATE(1998,7,1))`,
    cohorts.cohortTableFunction(customers, dates, amounts, 'month', 'share', asOf),
  );
  const survivorsRow = 10;
  cohortSheet.getCell(survivorsRow, 1).value =
    'Contract renewals: survivors per 1,000 at years 0-7, "high end" segment of Fader & Hardie (2007)';
  const highEnd = [1000, 869, 743, 653, 593, 551, 517, 491];
  highEnd.forEach((count, index) => {
    cohortSheet.getCell(survivorsRow + 1, index + 1).value = count;
  });
  const survivorsRange = `A${survivorsRow + 1}:H${survivorsRow + 1}`;
  const sbg = cohorts.sbgFitFunction([highEnd]);
  cohortSheet.getCell(survivorsRow + 3, 1).value = 'sBG fit';
  putFormula(cohortSheet, `A${survivorsRow + 4}`, `CRM.SBG_FIT(${survivorsRange})`, sbg);
  const sbgRange = `$A$${survivorsRow + 4}:$B$${survivorsRow + 11}`;
  const sbgExamples: [string, string, unknown][] = [
    ['SBG_SURVIVAL (year 12)', `CRM.SBG_SURVIVAL(${sbgRange},12)`, cohorts.sbgSurvivalFunction(sbg, 12)],
    ['SBG_RETENTION (year 8)', `CRM.SBG_RETENTION(${sbgRange},8)`, cohorts.sbgRetentionFunction(sbg, 8)],
    ['SBG_DERL (n = 8, 10 %)', `CRM.SBG_DERL(${sbgRange},10%,7)`, cohorts.sbgDerlFunction(sbg, 0.1, 7)],
  ];
  sbgExamples.forEach(([name, formula, result], index) => {
    cohortSheet.getCell(survivorsRow + 4 + index, 4).value = name;
    putFormula(cohortSheet, `E${survivorsRow + 4 + index}`, formula, result);
  });
  cohortSheet.getCell(survivorsRow + 8, 4).value = 'SBG_CLV (margin 100, 10 %, 7 renewals)';
  putFormula(
    cohortSheet,
    `D${survivorsRow + 9}`,
    `CRM.SBG_CLV(${sbgRange},100,10%,7)`,
    cohorts.sbgClvFunction(sbg, 100, 0.1, 7),
  );

  await workbook.xlsx.writeFile(OUTPUT);
  console.log(
    `wrote ${path.relative(ROOT, OUTPUT)}: ${transactions.length} transactions, ${table.length - 1} customers`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
