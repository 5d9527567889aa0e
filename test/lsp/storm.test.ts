/**
 * A seeded storm of 400 edits on a document that can only be parsed whole (growing to about
 * 1.8 MB), with hover, completion and outline requests sent in between without waiting: every
 * request is answered, a hover answered from an earlier analysis points where the text it was
 * asked about is, and the last version's diagnostics are what a fresh server publishes. How long
 * the requests wait is measured by the benchmark (`npm run bench`, "Edit storm").
 */
import * as assert from 'node:assert/strict';
import type { Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient } from '../support/lspClient';
import { runStorm } from '../support/storm';
import { generateProgramme } from '../../bench/generate';

const normal = (diagnostics: Diagnostic[], uri: string): unknown => JSON.parse(JSON.stringify(diagnostics).split(uri).join('<uri>'));

suite('an edit storm on a document parsed whole', function () {
  this.timeout(300_000);
  let server: LspClient;
  let fresh: LspClient;
  suiteSetup(async () => {
    server = new LspClient();
    fresh = new LspClient();
    await Promise.all([server.initialize(), fresh.initialize()]);
  });
  suiteTeardown(() => Promise.all([server.shutdown(), fresh.shutdown()]));

  test('every request is answered, hovers point into the text they were asked about, the last diagnostics are a fresh open’s', async () => {
    const uri = 'file:///storm/storm.programme.yaml';
    const storm = await runStorm(server, uri, generateProgramme({ slots: 50 }), { edits: 400, seed: 18 });
    assert.equal(storm.waits.length, storm.sent);
    assert.ok(storm.sent >= 50, `${storm.sent} requests sent`);

    let pointed = 0;
    for (const h of storm.hovers) {
      const hover = h.result as Hover | null;
      if (!hover?.range) continue;
      const doc = TextDocument.create(uri, 'programme', 0, h.text);
      const [start, at, end] = [doc.offsetAt(hover.range.start), doc.offsetAt(h.position), doc.offsetAt(hover.range.end)];
      assert.ok(start <= at && at <= end, `hover range ${start}–${end} holds ${at}`);
      // The hover is on the speaker id at the position, in the text of its version.
      assert.match(h.text.slice(start, end), /^[a-z0-9-]+$/);
      assert.match(JSON.stringify(hover.contents), new RegExp(`\\*\\*`));
      pointed++;
    }
    assert.ok(pointed >= storm.hovers.length - 1, `${pointed} of ${storm.hovers.length} hovers answered with a range`);

    const got = await server.waitDiagnostics(uri, storm.version, 120_000);
    const freshUri = 'file:///fresh/storm.programme.yaml';
    await fresh.open(freshUri, storm.text);
    const want = await fresh.waitDiagnostics(freshUri, 1, 120_000);
    assert.ok(want.length > 0);
    assert.deepEqual(normal(got, uri), normal(want, freshUri));
  });
});
