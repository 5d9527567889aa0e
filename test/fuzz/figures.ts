/**
 * Settings and figures of the long fuzz run (`npm run fuzz`): sizes and seed from the
 * environment, a summary line per property printed at the end.
 */
import fc from 'fast-check';

/** FUZZ_SEED, else a random seed (printed, so a failure can be replayed). */
export const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);

export function size(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
}

export interface Figure {
  property: string;
  cases: number;
  failures: number;
  seconds: number;
  counterexample?: string;
}

export const figures: Figure[] = [];

/** Runs a property, records its figure and returns the failure report (or undefined). */
export async function measure<T>(property: string, prop: fc.IRawProperty<T>, numRuns: number): Promise<string | undefined> {
  const started = Date.now();
  const details = await fc.check(prop, { seed: SEED, numRuns, endOnFailure: true });
  const figure: Figure = { property, cases: details.numRuns, failures: details.failed ? 1 : 0, seconds: (Date.now() - started) / 1000 };
  if (details.failed) figure.counterexample = fc.defaultReportMessage(details) ?? 'failed';
  figures.push(figure);
  return figure.counterexample;
}

export function printFigures(): void {
  const total = figures.reduce((a, f) => ({ cases: a.cases + f.cases, failures: a.failures + f.failures, seconds: a.seconds + f.seconds }), {
    cases: 0,
    failures: 0,
    seconds: 0,
  });
  const lines = figures.map((f) => `  ${f.property}: ${f.cases} cases, ${f.failures} failures, ${f.seconds.toFixed(1)} s`);
  console.log(`\nfuzz figures (seed ${SEED}):\n${lines.join('\n')}\n  total: ${total.cases} cases, ${total.failures} failures, ${total.seconds.toFixed(1)} s`);
  console.log(`replay: FUZZ_SEED=${SEED} npm run fuzz`);
}
