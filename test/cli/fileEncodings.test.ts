import { csvRows, runCli, scratchFolder } from './cliHarness';

const files = scratchFolder('crm-encodings-');

/** Bytes from hex pairs ("D5C5 C8FD"); the GBK codes below are from the GB2312 table. */
const hex = (text: string): Buffer => Buffer.from(text.replace(/\s+/g, ''), 'hex');
const ascii = (text: string): Buffer => Buffer.from(text, 'latin1');

const GBK = {
  客户编号: hex('BFCD BBA7 B1E0 BAC5'),
  交易日期: hex('BDBB D2D7 C8D5 C6DA'),
  金额: hex('BDF0 B6EE'),
  成本: hex('B3C9 B1BE'),
  张三: hex('D5C5 C8FD'),
  李四: hex('C0EE CBC4'),
  王五: hex('CDF5 CEE5'),
  赵六: hex('D5D4 C1F9'),
};

/** A GBK CSV as Excel on Chinese Windows saves it: CRLF lines, no BOM, GBK names. */
function gbkFile(): Buffer {
  const line = (...parts: Buffer[]) => Buffer.concat([...parts, ascii('\r\n')]);
  return Buffer.concat([
    line(GBK.客户编号, ascii(','), GBK.交易日期, ascii(','), GBK.金额),
    line(GBK.张三, ascii(',2024-03-01,120')),
    line(GBK.李四, ascii(',2024-03-02,80')),
    line(GBK.王五, ascii(',2024-03-03,45.5')),
    line(GBK.赵六, ascii(',2024-03-04,300')),
    line(GBK.张三, ascii(',2024-03-05,30')),
  ]);
}

describe('files in the encodings spreadsheet programs save', () => {
  test('a GBK file with a cost column is decoded like any other GBK file (its profit is summed as it streams)', async () => {
    const line = (...parts: Buffer[]) => Buffer.concat([...parts, ascii('\r\n')]);
    const file = files.write(
      'gbk-cost.csv',
      Buffer.concat([
        line(GBK.客户编号, ascii(','), GBK.交易日期, ascii(','), GBK.金额, ascii(','), GBK.成本),
        line(GBK.张三, ascii(',2024-01-05,100,60')),
        line(GBK.李四, ascii(',2024-02-01,50,20')),
        line(GBK.张三, ascii(',2024-03-01,30,10')),
      ]),
    );
    const { code, stdout, stderr } = await runCli(['segment', file]);
    expect(stderr).toContain('as GB18030');
    expect(code).toBe(0);
    expect(csvRows(stdout).map((row) => [row.customer_id, row.monetary, row.historic_value])).toEqual([
      ['张三', '130', '60'],
      ['李四', '50', '30'],
    ]);
  });

  test('the GBK byte table of this test is what GBK decoders read', () => {
    const decoder = new TextDecoder('gbk');
    expect(Object.entries(GBK).map(([, bytes]) => decoder.decode(bytes))).toEqual(Object.keys(GBK));
  });

  test('GBK file exported by Excel on Chinese Windows keeps four customers', async () => {
    const { code, stdout, stderr } = await runCli(['segment', files.write('gbk.csv', gbkFile())]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/as GB18030 text/);
    const rows = csvRows(stdout);
    expect(rows.map((row) => row.customer_id).sort()).toEqual(['张三', '李四', '王五', '赵六'].sort());
    expect(rows.find((row) => row.customer_id === '张三')).toMatchObject({ frequency: '2', monetary: '150' });
  });

  test('--encoding gbk reads the same file the same way', async () => {
    const detected = await runCli(['segment', files.write('gbk2.csv', gbkFile())]);
    const named = await runCli(['segment', files.write('gbk3.csv', gbkFile()), '--encoding', 'gbk']);
    expect(named.code).toBe(0);
    expect(named.stdout).toBe(detected.stdout);
  });

  test('Windows-1252 file from Western European Excel keeps Müller and Mueller apart', async () => {
    const file = files.write(
      'latin.csv',
      Buffer.concat([
        ascii('customer,date,amount\r\nM'),
        hex('FC'),
        ascii('ller,2024-01-01,10\r\nMueller,2024-01-02,5\r\n'),
      ]),
    );
    const { code, stdout, stderr } = await runCli(['segment', file]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/as WINDOWS-1252 text/);
    expect(csvRows(stdout).map((row) => row.customer_id)).toEqual(['Mueller', 'Müller']);
  });

  test('UTF-16 LE with BOM (Excel "Unicode Text", tab-separated) is read', async () => {
    const text = '\uFEFFcustomer\tdate\tamount\r\n张三\t2024-01-01\t10\r\nB\t2024-01-02\t5\r\n';
    const { code, stdout } = await runCli(['segment', files.write('utf16.txt', Buffer.from(text, 'utf16le'))]);
    expect(code).toBe(0);
    expect(csvRows(stdout).map((row) => row.customer_id)).toEqual(['B', '张三']);
  });

  test('UTF-16 BE without BOM is recognised from its zero bytes', async () => {
    const little = Buffer.from('customer,date,amount\nA,2024-01-01,10\n', 'utf16le');
    const big = Buffer.from(little).swap16();
    const { code, stdout } = await runCli(['segment', files.write('utf16be.csv', big)]);
    expect(code).toBe(0);
    expect(csvRows(stdout).map((row) => row.customer_id)).toEqual(['A']);
  });

  test('bytes that no candidate decodes cleanly stop with a message naming --encoding and its choices', async () => {
    const file = files.write(
      'binary.csv',
      Buffer.concat([ascii('customer,date,amount\n'), hex('80 81 82 83 84'), ascii(',2024-01-01,1\n')]),
    );
    const { code, stdout, stderr } = await runCli(['segment', file]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/not valid UTF-8 text.*--encoding utf-8 \| utf-16le \| utf-16be \| gb18030 \| windows-1252/);
  });

  test('an unknown --encoding is a usage error listing the choices', async () => {
    const { code, stderr } = await runCli([
      'segment',
      files.write('a.csv', 'customer,date,amount\n'),
      '--encoding',
      'ebcdic',
    ]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--encoding must be one of utf-8, utf-16le/);
  });
});
