/**
 * The HiGHS solver in a worker thread, for the language server: a solve takes seconds and must
 * not stop diagnostics and completion meanwhile. The worker (dist/highsWorker.js) runs
 * highs.ts; where it is missing (tests run from sources) the solve runs in process.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Worker, isMainThread, parentPort } from 'worker_threads';
import type { MilpResult, MilpSolver } from '../core';
import { highsSolver } from './highs';

interface Request {
  id: number;
  lp: string;
  timeLimitSeconds: number;
}
interface Response {
  id: number;
  result: MilpResult;
}

/**
 * A solver that solves in a worker thread started from `script`, one per solve (it ends with
 * its answer, so nothing lingers between plans; loading HiGHS takes well under a second).
 */
export function workerSolver(script: string): MilpSolver {
  return {
    solve(lp, { timeLimitSeconds }) {
      if (!fs.existsSync(script)) return highsSolver.solve(lp, { timeLimitSeconds });
      return new Promise<MilpResult>((resolve) => {
        const worker = new Worker(script);
        const done = (result: MilpResult): void => {
          resolve(result);
          void worker.terminate();
        };
        worker.on('message', (m: Response) => done(m.result));
        worker.on('error', (e) => done({ status: 'failed', values: {}, message: `the solver's worker failed: ${e.message}` }));
        worker.on('exit', (code) => done({ status: 'failed', values: {}, message: `the solver's worker stopped (exit ${code})` }));
        worker.postMessage({ id: 1, lp, timeLimitSeconds } satisfies Request);
      });
    },
  };
}

/** The worker thread's side: solve each request with HiGHS and answer it. */
if (!isMainThread && parentPort && path.basename(__filename).startsWith('highsWorker')) {
  const port = parentPort;
  port.on('message', (m: Request) => {
    void highsSolver.solve(m.lp, { timeLimitSeconds: m.timeLimitSeconds }).then((result) => port.postMessage({ id: m.id, result } satisfies Response));
  });
}
