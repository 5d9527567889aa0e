// A window reload ends the extension host that runs the tests. The reload test leaves a mark
// in the bridge folder before reloading; the workbench then runs the tests module again, and
// index.ts, seeing the mark, carries on the same results with only the suite below.
import * as path from 'node:path';

export const RELOAD_SUITE = 'Preview after a window reload';

/** The mark's file (with what the test expects back), or undefined outside code-server. */
export function reloadMark(): string | undefined {
  const bridge = process.env.PROGRAMME_E2E_BRIDGE;
  return bridge ? path.join(bridge, 'reloaded.json') : undefined;
}
