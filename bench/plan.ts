/**
 * `npm run bench:plan` (also run by `npm run bench`): how long `programme plan` takes to place
 * generated committee cases with a planted optimum (test/support/committee.ts) at 18, 30 and 60
 * tracks, in process with the HiGHS solver the CLI uses, and whether it reached the known
 * optimum. Prints a table and writes bench/results/plan.json.
 *
 * Options (environment): BENCH_PLAN_RUNS=3 runs per case.
 */
import { mkdirSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { committeeCase, type CommitteeOptions } from '../test/support/committee';
import { analyze, planProgramme } from '../server/src/core';
import { highsSolver } from '../server/src/solver/highs';

const ROOT = path.resolve(__dirname, '../..');
const RUNS = Number(process.env.BENCH_PLAN_RUNS) || 3;

const CASES: { name: string; o: CommitteeOptions }[] = [
  { name: '18 tracks, 3 rooms x 6 half-days, optimum 0', o: { rooms: 3, halfDays: 6, tracks: 18, seed: 1 } },
  { name: '18 tracks, 3 rooms x 6 half-days, one person in 7 tracks: optimum 1', o: { rooms: 3, halfDays: 6, tracks: 18, seed: 2, crowded: 7 } },
  { name: '30 tracks, 4 rooms x 8 half-days, optimum 0', o: { rooms: 4, halfDays: 8, tracks: 30, seed: 3 } },
  { name: '60 tracks, 6 rooms x 12 half-days, optimum 0', o: { rooms: 6, halfDays: 12, tracks: 60, seed: 4 } },
];

async function main(): Promise<void> {
  const warm = Date.now();
  // Loads and compiles the WebAssembly module once, as the CLI does on its first plan.
  await highsSolver.solve('Minimize\n obj: x\nSubject To\n c: x >= 1\nEnd\n', { timeLimitSeconds: 10 });
  const loadMs = Date.now() - warm;
  const rows: object[] = [];
  console.log(`HiGHS load: ${loadMs} ms`);
  console.log('| case | variables | constraints | clashes (optimum) | proven | seconds: median / max |');
  console.log('|---|---|---|---|---|---|');
  for (const c of CASES) {
    const k = committeeCase(c.o);
    const times: number[] = [];
    let last: Awaited<ReturnType<typeof planProgramme>> | undefined;
    for (let i = 0; i < RUNS; i++) {
      const t0 = process.hrtime.bigint();
      last = await planProgramme(analyze(k.text), highsSolver, { timeLimitSeconds: 300 });
      times.push(Number(process.hrtime.bigint() - t0) / 1e9);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)],
      max = times[times.length - 1];
    const row = {
      case: c.name,
      tracks: c.o.tracks,
      variables: last!.stats.variables,
      constraints: last!.stats.constraints,
      clashes: last!.clashes.length,
      optimum: k.optimum,
      optimal: last!.optimal,
      seconds: times.map((t) => Math.round(t * 100) / 100),
    };
    rows.push(row);
    console.log(
      `| ${c.name} | ${row.variables} | ${row.constraints} | ${row.clashes} (${k.optimum}) | ${row.optimal ? 'yes' : 'no'} | ${median.toFixed(1)} / ${max.toFixed(1)} |`,
    );
  }
  const out = path.join(ROOT, 'bench/results');
  mkdirSync(out, { recursive: true });
  writeFileSync(
    path.join(out, 'plan.json'),
    `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, load: os.loadavg(), loadMs, runs: RUNS, rows }, null, 2)}\n`,
  );
}

void main();
