/**
 * The core fuzz properties at CI size: a fixed seed and a small number of runs, so a failure
 * reproduces exactly. The long run with a random seed is `npm run fuzz` (test/fuzz/).
 */
import fc from 'fast-check';
import { CORE_PROPERTIES } from '../fuzz/properties';

const SEED = 20210920;
/** Runs per property: edit sequences cost several analyses each, random YAML very little. */
const RUNS: Record<string, number> = { edits: 30, 'random YAML': 150, mutations: 60 };

suite('Fuzz (core, CI size)', () => {
  for (const [name, property] of Object.entries(CORE_PROPERTIES)) {
    test(`${name}: no exception escapes, problems lie inside the text, incremental equals fresh`, function () {
      this.timeout(120_000);
      fc.assert(property(), { seed: SEED, numRuns: RUNS[name] ?? 50, endOnFailure: true });
    });
  }
});
