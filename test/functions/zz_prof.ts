import './customFunctionsStandIn';
import { rfmScore } from '../../src/functions/functions';
const N = 20000;
const r: number[][] = [], f: number[][] = [], m: number[][] = [];
for (let i = 0; i < N; i++) { r.push([1 + (i * 7919) % 540]); f.push([1 + (i % 7)]); m.push([((i * 104729) % 100000) / 100]); }
const copy = (c: number[][]) => c.map((x) => [x[0] as number]);
let t = performance.now();
for (let k = 0; k < 30; k++) rfmScore([r[k]!], [f[k]!], [m[k]!], copy(r), copy(f), copy(m));
console.log('fresh per call ms', (performance.now() - t) / 30);
t = performance.now();
for (let k = 0; k < N; k++) rfmScore([r[k]!], [f[k]!], [m[k]!], r, f, m);
console.log('identity total ms', performance.now() - t);
t = performance.now();
rfmScore(r, f, m);
console.log('spilled ms', performance.now() - t);
