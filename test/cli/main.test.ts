import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from './cliHarness';

let directory: string;
beforeAll(() => {
  directory = mkdtempSync(path.join(tmpdir(), 'crm-cli-'));
});
afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

function file(name: string, content: string | Buffer): string {
  const target = path.join(directory, name);
  writeFileSync(target, content);
  return target;
}

/** A minimal RFC 4180 reader for the test, independent of the code under test. */
function readCsv(text: string): Record<string, string>[] {
  const [header, ...lines] = text.trim().split('\n');
  const names = (header ?? '').split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((value, index) => [names[index], value])));
}

const ORDERS = `InvoiceNo,Quantity,InvoiceDate,UnitPrice,CustomerID
1,2,2024-01-05 10:00:00,5,17850
1,1,2024-01-05 10:00:00,10,17850
2,3,2024-03-01 09:00:00,2.5,17850
3,1,2024-03-02 11:00:00,40,13047
C4,-1,2024-03-02 12:00:00,10,17850
5,1,2024-03-02 12:00:00,3,
`;

describe('crm-analytics segment <file.csv>', () => {
  test('detects Online-Retail-style headers, quantity × unit price and invoices, and writes the contract columns', async () => {
    const { code, stdout, stderr } = await runCli(['segment', file('orders.csv', ORDERS)]);
    expect(code).toBe(0);
    const rows = readCsv(stdout);
    expect(rows.map((row) => row.customer_id)).toEqual(['13047', '17850']);
    expect(rows[1]).toMatchObject({
      first_purchase: '2024-01-05',
      last_purchase: '2024-03-01',
      recency_days: '2',
      frequency: '2',
      monetary: '17.5', // 2·5 + 1·10 + 3·2.5 − 10
      x: '1',
      t_x: '56',
      T: '58',
    });
    expect(stderr).toMatch(/1 row skipped: blank customer 1 \(first at row 7\)/);
  });

  test('--format json --unit weeks --bins 3 --as-of', async () => {
    const { code, stdout } = await runCli([
      'segment',
      file('orders2.csv', ORDERS),
      '--format',
      'json',
      '--unit',
      'weeks',
      '--bins',
      '3',
      '--as-of',
      '2024-03-10',
    ]);
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as Record<string, number | string>[];
    expect(rows[1]?.T).toBeCloseTo((Date.UTC(2024, 2, 10) - Date.UTC(2024, 0, 5)) / 86_400_000 / 7, 12);
    expect(rows[1]?.recency_days).toBe(9);
    expect(rows.every((row) => Number(row.r_score) <= 3)).toBe(true);
  });

  test('semicolon, BOM, Chinese headers, decimal comma; --out FILE', async () => {
    const source = file(
      'zh.csv',
      Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from('客户编号;交易日期;金额\n A1 ;2024年3月5日;12,5\nA1;2024/3/9;1.234,5\nB2;2024-03-09;3\n'),
      ]),
    );
    const out = path.join(directory, 'zh-out.csv');
    const { code, stdout } = await runCli(['segment', source, '--out', out]);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    const rows = readCsv(readFileSync(out, 'utf8'));
    expect(rows.map((row) => [row.customer_id, row.monetary, row.frequency])).toEqual([
      ['A1', '1247', '2'],
      ['B2', '3', '1'],
    ]);
  });

  test('tab-delimited with named columns', async () => {
    const source = file('tab.tsv', 'who\twhen\thow much\nx\t2024-01-01\t5\ny\t2024-01-02\t6\n');
    const { code, stdout } = await runCli([
      'segment',
      source,
      '--customer',
      'who',
      '--date',
      'When',
      '--amount',
      'how much',
    ]);
    expect(code).toBe(0);
    expect(readCsv(stdout).map((row) => row.customer_id)).toEqual(['x', 'y']);
  });

  test('a missing named column exits 1 and lists the columns', async () => {
    const { code, stderr } = await runCli(['segment', file('a.csv', ORDERS), '--customer', 'Client']);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /No column named "Client".*The columns are: InvoiceNo, Quantity, InvoiceDate, UnitPrice, CustomerID/,
    );
  });
  test('undetectable columns exit 1 and say which', async () => {
    const { code, stderr } = await runCli(['segment', file('b.csv', 'foo,bar\n1,2\n')]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/Could not find the customer \(--customer\), date \(--date\), amount/);
  });
  test('no valid rows exits 1 with the reasons', async () => {
    const { code, stderr } = await runCli(['segment', file('c.csv', 'customer,date,amount\na,never,1\n')]);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /No usable transactions: 1 row skipped: bad date 1 \(first at row 2, the first is 'never'; dates must be yyyy-mm-dd/,
    );
  });
  test('a file that does not exist exits 1', async () => {
    const { code, stderr } = await runCli(['segment', path.join(directory, 'nope.csv')]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/Cannot open/);
  });
  test('bad options exit 2 with a clear message', async () => {
    expect((await runCli(['segment', 'x.csv', '--bins', '11'])).stderr).toMatch(
      /--bins must be a whole number from 2 to 10/,
    );
    const unit = await runCli(['segment', 'x.csv', '--unit', 'years']);
    expect(unit.code).toBe(2);
    expect((await runCli(['segment', 'x.csv', '--wat'])).stderr).toMatch(/Unknown option --wat/);
    expect((await runCli(['segment'])).code).toBe(2);
  });
  test('--help prints the usage', async () => {
    const { code, stdout } = await runCli(['segment', '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/crm-analytics segment <file.csv>/);
  });
});

describe('crm-analytics', () => {
  test('--help lists the commands; no command is a usage error', async () => {
    expect((await runCli(['--help'])).stdout).toMatch(/segment <file.csv>.*\n.*fit <file.csv>/);
    expect((await runCli([])).code).toBe(2);
    expect((await runCli(['frobnicate'])).stderr).toMatch(/unknown command "frobnicate"/);
  });
  test('fit is dispatched to the models command', async () => {
    const { stdout } = await runCli(['fit', '--help']);
    expect(stdout).toMatch(/crm-analytics fit/);
  });
});
