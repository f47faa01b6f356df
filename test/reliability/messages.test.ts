/*
 * Class 14: messages in the user's words, naming only options of the entry point that shows them.
 */
import { withOptionAdvice, AnalyticsError } from '../../src/core';
import { cli, csvFile } from './cliRun';

describe('messages', () => {
  test('amounts that add up beyond the largest number name the customer, not "Value 1 is not a finite number"', async () => {
    const file = csvFile(
      'huge.csv',
      'customer,date,amount\nbig,2024-01-01,1e308\nbig,2024-01-02,1e308\nsmall,2024-01-03,5\n',
    );
    const { code, stderr } = await cli(['segment', file]);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/The amounts of customer 'big' add up to more than the largest number a spreadsheet holds/);
    expect(stderr).not.toMatch(/Value \d+ is not/);
  });

  test('core advice that a penalty would help names no option; each entry point adds its own', () => {
    const core = new AnalyticsError('FLAT_LIKELIHOOD', 'The data do not determine the parameters.', {
      argument: 'penalty',
    });
    expect((withOptionAdvice(core, 'penalty', 'Or add a small penalty: --penalty 0.001.') as Error).message).toBe(
      'The data do not determine the parameters. Or add a small penalty: --penalty 0.001.',
    );
    const other = new AnalyticsError('BAD_ARGUMENT', 'x', { argument: 'unit' });
    expect(withOptionAdvice(other, 'penalty', 'Or …')).toBe(other);
  });

  test('segment --help never offers --penalty, which segment does not accept', async () => {
    const { stdout } = await cli(['segment', '--help']);
    expect(stdout).not.toMatch(/penalty/);
  });
});
