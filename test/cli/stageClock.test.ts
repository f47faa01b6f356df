import { runCli, scratchFolder } from './cliHarness';

const files = scratchFolder('crm-timings-');
const ORDERS = 'customer,date,amount\na,2024-01-05,5\nb,2024-02-01,7\na,2024-03-01,2\n';

describe('CRM_ANALYTICS_TIMINGS', () => {
  const saved = process.env.CRM_ANALYTICS_TIMINGS;
  afterEach(() => {
    if (saved === undefined) delete process.env.CRM_ANALYTICS_TIMINGS;
    else process.env.CRM_ANALYTICS_TIMINGS = saved;
  });

  test('set: segment prints the CPU and wall time of each stage on stderr, in the order they ran', async () => {
    process.env.CRM_ANALYTICS_TIMINGS = '1';
    const { code, stdout, stderr } = await runCli(['segment', files.write('orders.csv', ORDERS)]);
    expect(code).toBe(0);
    const stages = [...stderr.matchAll(/^timing (.+) (\d+\.\d{3}) s CPU (\d+\.\d{3}) s wall$/gm)].map(
      (match) => match[1],
    );
    expect(stages[0]).toBe('read');
    expect(stages).toContain('core: lifecycle');
    expect(stages.slice(-2)).toEqual(['format', 'write']);
    // The output is unchanged: the timings go to stderr only.
    expect(stdout.split('\n')[0]).toMatch(/^customer_id,/);
    expect(stdout).not.toContain('timing');
  });

  test.each(['', '0'])('unset or %j: nothing is printed', async (setting) => {
    process.env.CRM_ANALYTICS_TIMINGS = setting;
    const { code, stderr } = await runCli(['segment', files.write('orders.csv', ORDERS)]);
    expect(code).toBe(0);
    expect(stderr).not.toContain('timing');
  });
});
