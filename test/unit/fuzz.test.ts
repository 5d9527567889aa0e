/**
 * The core fuzz properties at CI size: a fixed seed and a small number of runs, so a failure
 * reproduces exactly. The long run with a random seed is `npm run fuzz` (test/fuzz/).
 */
import fc from 'fast-check';
import { CORE_PROPERTIES } from '../fuzz/properties';

const SEED = 20210920;
const RUNS = 60;

suite('Fuzz (core, CI size)', () => {
  for (const [name, property] of Object.entries(CORE_PROPERTIES)) {
    test(`${name}: no exception escapes, problems lie inside the text, incremental equals fresh`, function () {
      this.timeout(120_000);
      fc.assert(property(), { seed: SEED, numRuns: RUNS, endOnFailure: true });
    });
  }
});
