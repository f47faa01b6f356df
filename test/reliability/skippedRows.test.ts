/*
 * Class 6: nothing vanishes unreported. fit prints the same skip report as segment.
 */
import { cdnowWith, cli } from './cliRun';

/** The CDNOW sample with three unusable rows added at its end (file rows 6921–6923). */
const BAD_LINES = ',1997-01-06,1,99\n0002,soon,1,20\n0003,1997-03-01,1,n/a\n';

describe('skip reports', () => {
  test('fit and segment print the same skip report on standard error', async () => {
    const file = cdnowWith('skips.csv', BAD_LINES);
    const segment = await cli(['segment', file, '--as-of', '1998-06-30']);
    const fit = await cli(['fit', file, '--as-of', '1998-06-30', '--unit', 'weeks']);
    const report = (stderr: string): string | undefined =>
      stderr.split('\n').find((line) => line.includes('rows skipped'));
    expect(report(segment.stderr)).toBe(
      "3 rows skipped: blank customer 1 (first at row 6921); bad date 1 (first at row 6922, the first is 'soon'; dates must be yyyy-mm-dd [hh:mm[:ss]], yyyy/m/d, yyyy年m月d日, yyyymmdd or a date cell); non-numeric amount 1 (first at row 6923, the first is 'n/a').",
    );
    expect(report(fit.stderr)).toBe(report(segment.stderr));
    const json = JSON.parse(fit.stdout) as { skippedRows: { total: number } };
    expect(json.skippedRows.total).toBe(3);
  });
});
