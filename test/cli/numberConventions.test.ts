import { csvRows, runCli, scratchFolder } from './cliHarness';

const files = scratchFolder('crm-numbers-');

const monetaryOf = (stdout: string): Record<string, string> =>
  Object.fromEntries(csvRows(stdout).map((row) => [row.customer_id, row.monetary]));

describe('number conventions of the files people export', () => {
  test('semicolon export from German Excel: 1.234,50 is one thousand two hundred thirty-four and a half', async () => {
    const file = files.write(
      'de.csv',
      'Kunde;Datum;Betrag\nA;2024-01-05;1.234,50\nB;2024-01-06;3,5\nC;2024-01-07;1.234\n',
    );
    const { code, stdout } = await runCli([
      'segment',
      file,
      '--customer',
      'Kunde',
      '--date',
      'Datum',
      '--amount',
      'Betrag',
    ]);
    expect(code).toBe(0);
    expect(monetaryOf(stdout)).toEqual({ A: '1234.5', B: '3.5', C: '1234' });
  });

  test('a decimal-comma file whose first amounts fit both readings (1.234) is read with the comma throughout', async () => {
    // Comma-separated, so a decimal point is assumed until row 4 shows a decimal comma: the file is read again.
    const file = files.write(
      'late.csv',
      'customer,date,amount\nA,2024-01-05,1.234\nB,2024-01-06,7\nC,2024-01-07,"2,5"\n',
    );
    const { code, stdout } = await runCli(['segment', file]);
    expect(code).toBe(0);
    expect(monetaryOf(stdout)).toEqual({ A: '1234', B: '7', C: '2.5' });
  });

  test('a file that mixes 3,5 and 2.50 stops, naming both rows and --decimal', async () => {
    const file = files.write('mixed.csv', 'customer;date;amount\nA;2024-01-05;3,5\nB;2024-01-06;2.50\n');
    const { code, stdout, stderr } = await runCli(['segment', file]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      /mixes decimal marks: row 3 has "2.50" \(decimal point\) but row 2 \("3,5"\) uses a decimal comma.*--decimal/,
    );
  });

  test('--decimal . reads a semicolon file written with decimal points', async () => {
    const file = files.write('dot.csv', 'customer;date;amount\nA;2024-01-05;1.234\nB;2024-01-06;2.5\n');
    const { code, stdout } = await runCli(['segment', file, '--decimal', '.']);
    expect(code).toBe(0);
    expect(monetaryOf(stdout)).toEqual({ A: '1.234', B: '2.5' });
    expect((await runCli(['segment', file, '--decimal', 'comma'])).code).toBe(2);
  });

  test('hexadecimal, binary and octal codes (0x1F, 0b101, 0o17) are not amounts: the rows are skipped and reported', async () => {
    const file = files.write(
      'hex.csv',
      'customer,date,amount\nA,2024-01-05,0x1F\nA,2024-01-06,0b101\nA,2024-01-07,0o17\nB,2024-01-08,5\n',
    );
    const { code, stdout, stderr } = await runCli(['segment', file]);
    expect(code).toBe(0);
    expect(monetaryOf(stdout)).toEqual({ B: '5' });
    expect(stderr).toMatch(/non-numeric amount 3 \(first at rows 2, 3, 4, the first is '0x1F'\)/);
  });

  test('customer 17850 written as 17850.0 by another tool is the same customer', async () => {
    const file = files.write('ids.csv', 'customer,date,amount\n17850,2024-01-05,10\n17850.0,2024-01-06,5\n');
    const { code, stdout } = await runCli(['segment', file]);
    expect(code).toBe(0);
    expect(csvRows(stdout).map((row) => [row.customer_id, row.frequency, row.monetary])).toEqual([
      ['17850', '2', '15'],
    ]);
  });

  test('amounts whose sum overflows stop with a message naming the row, not "Infinity"', async () => {
    const file = files.write('huge.csv', 'customer,date,amount\nA,2024-01-05,1e308\nA,2024-01-06,1e308\n');
    const { code, stderr } = await runCli(['segment', file]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/The amounts of customer 'A' add up to more than the largest number .* at row 3/);
    expect(stderr).not.toMatch(/Infinity/);
  });
});

describe('files with margin or cost columns', () => {
  test('a margin column: historic value is the sum of margins', async () => {
    const file = files.write('margin.csv', 'customer,date,amount,margin\nA,2024-01-05,100,30\nA,2024-02-05,50,10\n');
    const { code, stdout } = await runCli(['segment', file]);
    expect(code).toBe(0);
    expect(csvRows(stdout).map((row) => [row.customer_id, row.monetary, row.historic_value])).toEqual([
      ['A', '150', '40'],
    ]);
  });

  test('a semicolon file with decimal commas in its cost column: costs are read with the decimal comma', async () => {
    const file = files.write(
      'cost-comma.csv',
      'customer;date;amount;cost\nA;2024-01-05;10,50;4,25\nA;2024-02-05;3,5;1,5\n',
    );
    const { code, stdout } = await runCli(['segment', file]);
    expect(code).toBe(0);
    expect(csvRows(stdout).map((row) => [row.monetary, row.historic_value])).toEqual([['14', '8.25']]);
  });

  test('an error cell in the cost column skips its row as an error value, as in every other column', async () => {
    const file = files.write('cost-error.csv', 'customer,date,amount,cost\nA,2024-01-05,10,4\nA,2024-02-05,5,#N/A\n');
    const { code, stdout, stderr } = await runCli(['segment', file]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/1 row skipped: Excel error value \(#N\/A, #REF! …\) 1 \(first at row 3\)/);
    expect(csvRows(stdout).map((row) => [row.monetary, row.historic_value])).toEqual([['10', '6']]);
  });
});
