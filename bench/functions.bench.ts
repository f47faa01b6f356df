/*
 * Custom-function benchmark through the BUILT bundle (dist/functions.js in a vm, as Excel's runtime would
 * run it): RFM_SCORE filled down 20,000 rows against the same population columns versus one spilled call over
 * the same data, and the cuts route (RFM_CUTS once, RFM_SCORE_CUTS per row). Target: per-row total ≤ 3 × the
 * spilled call. Needs `npm run build` first.
 */
import { performance } from 'node:perf_hooks';
import { loadFunctionsBundle } from '../test/bundle/loadFunctionsBundle';
import { mulberry32 } from '../test/seededRandom';

const ROWS = 20_000;

/** Times 20,000 per-row RFM_SCORE (and RFM_SCORE_CUTS) calls against one spilled call and prints the ratios. */
export async function runFunctionsBench(): Promise<void> {
  const { functions } = loadFunctionsBundle();
  const rfmScore = functions.get('RFM_SCORE');
  if (rfmScore === undefined) throw new Error('RFM_SCORE is not registered by dist/functions.js');
  const seed = 20_240_305;
  const random = mulberry32(seed);
  const recency: number[][] = [];
  const frequency: number[][] = [];
  const monetary: number[][] = [];
  for (let row = 0; row < ROWS; row++) {
    recency.push([1 + Math.floor(random() * 540)]);
    frequency.push([1 + Math.floor(-Math.log(1 - random()) * 3)]);
    monetary.push([Math.round(random() * 100_000) / 100]);
  }
  console.log(`RFM_SCORE over ${ROWS} customers (seed ${seed}), through dist/functions.js`);

  const spilledStart = performance.now();
  const spilled = rfmScore(recency, frequency, monetary, null, null, null, null, null) as number[][];
  const spilledMs = performance.now() - spilledStart;

  const perRowStart = performance.now();
  let mismatches = 0;
  for (let row = 0; row < ROWS; row++) {
    const code = rfmScore([recency[row]], [frequency[row]], [monetary[row]], recency, frequency, monetary, null, null);
    if ((code as number[][])[0]?.[0] !== spilled[row]?.[0]) mismatches += 1;
  }
  const perRowMs = performance.now() - perRowStart;
  const ratio = perRowMs / spilledMs;
  console.log(`  one spilled call:           ${spilledMs.toFixed(1)} ms`);
  console.log(
    `  ${ROWS} per-row calls:      ${perRowMs.toFixed(1)} ms (${((perRowMs / ROWS) * 1000).toFixed(2)} µs per call)`,
  );
  console.log(`  ratio per-row / spilled:    ${ratio.toFixed(2)} × (target ≤ 3 ×) ${ratio <= 3 ? 'OK' : 'MISSED'}`);
  console.log(`  per-row codes that differ from the spilled column: ${mismatches}`);

  // Excel hands every call freshly deserialized arrays, so in Excel the cache is found by content (a cell-by-cell
  // comparison). Time that path on fresh copies of the three columns: copying stands in for Excel's own
  // deserialisation and is not timed, only the function call is.
  const freshCalls = 2_000;
  const copy = (column: number[][]): number[][] => column.map((cell) => [cell[0] as number]);
  let freshMs = 0;
  for (let row = 0; row < freshCalls; row++) {
    const populations = [copy(recency), copy(frequency), copy(monetary)] as const;
    const callStart = performance.now();
    rfmScore([recency[row]], [frequency[row]], [monetary[row]], ...populations, null, null);
    freshMs += performance.now() - callStart;
  }
  const freshPerCall = freshMs / freshCalls;
  const freshTotal = freshPerCall * ROWS;
  const freshRatio = freshTotal / spilledMs;
  console.log(
    `  per-row calls on fresh copies (as Excel passes them): ${(freshPerCall * 1000).toFixed(1)} µs per call over ${freshCalls} calls`,
  );
  console.log(
    `    → ${ROWS} such calls ≈ ${(freshTotal / 1000).toFixed(2)} s, ${freshRatio.toFixed(1)} × the spilled call ${freshRatio <= 3 ? 'OK' : 'MISSED (content check is one comparison per population cell per call)'}`,
  );

  // The cuts route: RFM_CUTS once, then every row scores against the small cuts table, which Excel also hands
  // each call as a fresh copy. A second bundle instance starts with an empty population cache, so RFM_CUTS
  // pays for reading and sorting the three columns as in a first recalculation.
  const cold = loadFunctionsBundle().functions;
  const rfmCuts = cold.get('RFM_CUTS');
  const rfmScoreCuts = cold.get('RFM_SCORE_CUTS');
  if (rfmCuts === undefined || rfmScoreCuts === undefined) throw new Error('RFM_CUTS / RFM_SCORE_CUTS not registered');
  const populations = [copy(recency), copy(frequency), copy(monetary)] as const;
  const cutsStart = performance.now();
  const cuts = rfmCuts(...populations, null) as unknown[][];
  const cutsMs = performance.now() - cutsStart;
  // Copies made before timing: they stand in for Excel's deserialisation, which is not ours to time.
  const cutsCopies = Array.from({ length: ROWS }, () => cuts.map((line) => [...line]));
  let cutsMismatches = 0;
  const perRowCutsStart = performance.now();
  for (let row = 0; row < ROWS; row++) {
    const code = rfmScoreCuts(recency[row]?.[0], frequency[row]?.[0], monetary[row]?.[0], cutsCopies[row], null);
    if (code !== spilled[row]?.[0]) cutsMismatches += 1;
  }
  const perRowCutsMs = performance.now() - perRowCutsStart;
  const cutsTotal = cutsMs + perRowCutsMs;
  const cutsRatio = cutsTotal / spilledMs;
  console.log(`  cuts route, one RFM_CUTS call (cold cache, fresh columns): ${cutsMs.toFixed(1)} ms`);
  console.log(
    `  ${ROWS} RFM_SCORE_CUTS calls, each on a fresh copy of the ${cuts.length} × 4 cuts range: ${perRowCutsMs.toFixed(1)} ms (${((perRowCutsMs / ROWS) * 1000).toFixed(2)} µs per call)`,
  );
  console.log(
    `    → RFM_CUTS + ${ROWS} RFM_SCORE_CUTS = ${cutsTotal.toFixed(1)} ms, ${cutsRatio.toFixed(2)} × the spilled call (target ≤ 3 ×) ${cutsRatio <= 3 ? 'OK' : 'MISSED'}; ${(freshTotal / cutsTotal).toFixed(0)} × faster than per-row RFM_SCORE on fresh copies`,
  );
  console.log(`  RFM_SCORE_CUTS codes that differ from the spilled column: ${cutsMismatches}`);
}
