/**
 * The long core fuzz run: FUZZ_CASES cases in all (default 100,000), shared by the
 * properties of properties.ts, with FUZZ_SEED or a random seed. Run with `npm run fuzz`.
 */
import * as assert from 'node:assert/strict';
import { CORE_PROPERTIES } from './properties';
import { measure, printFigures, size } from './figures';

const CASES = size('FUZZ_CASES', 100_000);
/** Edit sequences cost several analyses each: they get a smaller share of the cases. */
const SHARE: Record<string, number> = { edits: 0.05, 'random YAML': 0.7, mutations: 0.25 };

suite('Fuzz (core, long run)', () => {
  suiteTeardown(printFigures);
  for (const [name, property] of Object.entries(CORE_PROPERTIES)) {
    test(`${name}`, async function () {
      this.timeout(0);
      const failure = await measure(`core ${name}`, property(), Math.max(1, Math.round(CASES * SHARE[name])));
      assert.equal(failure, undefined, failure);
    });
  }
});
