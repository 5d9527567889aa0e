/**
 * The MILP solver the CLI and the language server give the core's planner: HiGHS, compiled to
 * WebAssembly (the `highs` package). The WebAssembly module is loaded once per process; the
 * bundles carry `highs.wasm` beside them (scripts/build.mjs copies it into dist/).
 */
import * as fs from 'fs';
import * as path from 'path';
import loadHighs from 'highs';
import type { MilpResult, MilpSolver } from '../core';

type Highs = Awaited<ReturnType<typeof loadHighs>>;

let loading: Promise<Highs> | undefined;

function highs(): Promise<Highs> {
  if (!loading) {
    // Bundled (dist/): the binary sits beside the bundle. Unbundled, the package finds its own.
    const beside = path.join(__dirname, 'highs.wasm');
    loading = loadHighs(fs.existsSync(beside) ? { locateFile: (file: string) => path.join(__dirname, file) } : {});
  }
  return loading;
}

export const highsSolver: MilpSolver = {
  async solve(lp, { timeLimitSeconds }): Promise<MilpResult> {
    let solver: Highs;
    try {
      solver = await highs();
    } catch (e) {
      return { status: 'failed', values: {}, message: `the HiGHS solver could not be loaded: ${(e as Error).message}` };
    }
    try {
      const result = solver.solve(lp, {
        output_flag: false,
        time_limit: timeLimitSeconds,
        // The objective is a whole number: a gap under 1 proves the optimum.
        mip_rel_gap: 0,
        mip_abs_gap: 0.5,
        // More effort on finding placements early: committee cases are tight packings.
        mip_heuristic_effort: 0.3,
      });
      const values: Record<string, number> = {};
      const columns = (result as { Columns?: Record<string, { Primal?: number }> }).Columns ?? {};
      for (const [name, col] of Object.entries(columns)) if (typeof col.Primal === 'number') values[name] = col.Primal;
      if (result.Status === 'Optimal') return { status: 'optimal', values, message: 'HiGHS: optimal' };
      if (result.Status === 'Time limit reached' && Object.keys(values).length) {
        return {
          status: 'feasible',
          values,
          message: `HiGHS: stopped at the time limit (${timeLimitSeconds} s) with the best placement found, not proven optimal`,
        };
      }
      return { status: 'failed', values: {}, message: `HiGHS: ${result.Status}` };
    } catch (e) {
      return { status: 'failed', values: {}, message: `HiGHS: ${(e as Error).message}` };
    }
  },
};
