/**
 * The long language-server fuzz run: FUZZ_SESSIONS sessions (default 500) of up to 30 steps,
 * with FUZZ_SEED or a random seed. Run with `npm run fuzz`.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { actions, runSession, Servers, startServers, stopServers } from './session';
import { measure, printFigures, size } from './figures';

const SESSIONS = size('FUZZ_SESSIONS', 500);

suite('Fuzz (language server, long run)', () => {
  let servers: Servers | undefined;
  suiteSetup(async () => {
    servers = await startServers();
  });
  suiteTeardown(async () => {
    printFigures();
    await stopServers(servers);
  });

  test('edit sessions', async function () {
    this.timeout(0);
    const failure = await measure(
      'lsp sessions',
      fc.asyncProperty(actions(servers!.requests.length, 30), (steps) => runSession(servers!, steps)),
      SESSIONS,
    );
    assert.equal(failure, undefined, failure);
  });
});
