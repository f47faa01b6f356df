/*
 * Test helper: reads Bruce Hardie's CDNOW sample (test/data/CDNOW_sample.txt) into BTYD summaries on
 * its own, so the golden tests do not depend on the project's transaction parser.
 * Conventions of Fader, Hardie & Lee (2005): customer = the second column; one purchase per customer-day;
 * calibration = weeks 1–39 (1997-01-01 .. 1997-09-30 inclusive); holdout = weeks 40–78 (to 1998-06-30);
 * T = (1997-09-30 − first purchase) / 7, so a first purchase on 1997-01-01 has T = 38.86 as in Hardie's
 * cdnowSummary (the convention T = (1997-10-01 − first) / 7 gives LL −9589.89 instead of the published −9582.43).
 */
import { readFileSync } from 'node:fs';
import { dataFilePath } from '../../data/dataFiles';

export const CDNOW_SAMPLE_PATH = dataFilePath('CDNOW_sample.txt');

export interface CdnowCustomer {
  id: string;
  x: number;
  tx: number;
  T: number;
  /** Mean value of the repeat purchase days in the calibration period (0 when x = 0). */
  meanSpend: number;
  /** Repeat purchase days in the holdout weeks 40–78. */
  holdoutPurchases: number;
}

function dayNumber(yyyymmdd: string): number {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

export const CALIBRATION_END = dayNumber('19970930');
export const HOLDOUT_END = dayNumber('19980630');

/** Per-customer summaries of the CDNOW sample, in weeks. */
export function readCdnowSample(): CdnowCustomer[] {
  const byCustomer = new Map<string, Map<number, number>>();
  for (const line of readFileSync(CDNOW_SAMPLE_PATH, 'utf8').split('\n')) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 5) continue;
    const [, id, date, , value] = fields as [string, string, string, string, string];
    const days = byCustomer.get(id) ?? new Map<number, number>();
    const day = dayNumber(date);
    days.set(day, (days.get(day) ?? 0) + Number(value));
    byCustomer.set(id, days);
  }
  const out: CdnowCustomer[] = [];
  for (const [id, days] of byCustomer) {
    const sorted = [...days.entries()].sort((p, q) => p[0] - q[0]);
    const calibration = sorted.filter(([day]) => day <= CALIBRATION_END);
    const first = calibration[0];
    if (first === undefined) continue;
    const last = calibration[calibration.length - 1] ?? first;
    const repeats = calibration.slice(1);
    out.push({
      id,
      x: repeats.length,
      tx: (last[0] - first[0]) / 7,
      T: (CALIBRATION_END - first[0]) / 7,
      meanSpend: repeats.length === 0 ? 0 : repeats.reduce((s, [, v]) => s + v, 0) / repeats.length,
      holdoutPurchases: sorted.filter(([day]) => day > CALIBRATION_END && day <= HOLDOUT_END).length,
    });
  }
  return out;
}
