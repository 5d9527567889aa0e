/**
 * A live language server fuzzed at CI size (fixed seed, a few sessions): random edits with the
 * advertised requests in between; every request is answered and the final diagnostics equal a
 * fresh open's. The long run is `npm run fuzz` (test/fuzz/lsp.test.ts).
 */
import fc from 'fast-check';
import { actions, runSession, Servers, startServers, stopServers } from '../fuzz/session';

const SEED = 20210921;
const SESSIONS = 10;

suite('Fuzz (language server, CI size)', () => {
  let servers: Servers | undefined;
  suiteSetup(async () => {
    servers = await startServers();
  });
  suiteTeardown(() => stopServers(servers));

  test('edit sessions: every request answered, final diagnostics equal a fresh open', async function () {
    this.timeout(300_000);
    await fc.assert(
      fc.asyncProperty(actions(servers!.requests.length), (steps) => runSession(servers!, steps)),
      { seed: SEED, numRuns: SESSIONS, endOnFailure: true },
    );
  });
});
