/**
 * Several documents open in one server, edited in turn with incremental changes: after every
 * edit the server publishes exactly what a fresh server publishes for the same text. Each
 * document's state is its own (the programme service keeps one per document), so an edit to
 * one can never show in another, and a long history gives what a fresh open gives.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { LspClient } from '../support/lspClient';

const ROOT = path.resolve(__dirname, '../../..');
const read = (rel: string): string => fs.readFileSync(path.join(ROOT, rel), 'utf8');

/** An edit: replace the first `find` (after `after`, when given) with `by`. */
interface Edit {
  find: string;
  by: string;
  after?: string;
}

interface Doc {
  uri: string;
  text: string;
  edits: Edit[];
}

const DOCS: Doc[] = [
  {
    uri: 'file:///work/a/lpc.programme.yaml',
    text: read('examples/lpc2021-vfio-iommu-pci.programme.yaml'),
    edits: [
      { find: 'name: Alex Williamson', by: 'name: Alex Williamsonx' },
      { find: 'speakers: [jason-gunthorpe]', by: 'speakers: [jason-gunthorpe, eric-auger]' },
      { find: '  eric-auger:\n    name: Eric Auger\n', by: '' },
      { find: 'start: 2021-09-21 07:10', by: 'start: 2021-09-21 07:1' },
      { find: 'start: 2021-09-21 07:1\n', by: 'start: 2021-09-21 07:15\n' },
      { find: 'people:\n', by: 'people:\n  eric-auger:\n    name: Eric Auger\n' },
      { find: 'timezone: US/Pacific', by: 'timezone: Europe/Berlin' },
      { find: 'title: Break', by: 'title: [Break' },
      { find: 'title: [Break', by: 'title: Break' },
      { find: 'timezone: Europe/Berlin', by: 'timezone: US/Pacific' },
    ],
  },
  {
    uri: 'file:///work/b/conflict.programme.yaml',
    text: read('test/fixtures/checks/speaker-conflict.bad.programme.yaml'),
    edits: [
      { find: 'speakers: [bob]', by: 'speakers: [alice]', after: 'Hallway' },
      { find: 'start: 2021-09-21 07:40', by: 'start: 2021-09-21 09:40' },
      { find: 'speakers: [alice]', by: 'speakers: [carol, bob]', after: 'Hallway' },
      { find: '  carol:\n    name: Carol Example\n', by: '' },
      { find: 'start: 2021-09-21 09:40', by: 'start: 2021-09-21 07:40' },
      { find: 'duration: 25m', by: 'duration: 2h25m', after: 'Talk' },
      { find: 'people:\n', by: 'people:\n  carol:\n    name: Carol Example\n' },
      { find: '  bof:\n', by: '  bof2:\n' },
      { find: 'room: mc1\n', by: '' },
      { find: 'room: mc3\n', by: 'room: mc2\n' },
    ],
  },
  {
    uri: 'file:///work/c/unused.programme.yaml',
    text: read('test/fixtures/checks/unused-person.bad.programme.yaml'),
    edits: [
      { find: 'leads: [alice]', by: 'leads: [alice, carol]' },
      { find: 'speakers: [bob]', by: 'speakers: [bob, dave]', after: 'Hallway' },
      { find: 'people:\n', by: 'people:\n  dave:\n    name: Dave Example\n' },
      { find: 'leads: [alice, carol]', by: 'leads: [alice]' },
      { find: 'topics: [iommu]', by: 'topics: [vfio]' },
      { find: 'start: 2021-09-21 07:50', by: 'start: 2021-09-21 07:20' },
    ],
  },
  {
    // The same text and history as the first document: two documents alike in one server
    // must not disturb each other.
    uri: 'file:///work/d/lpc-copy.programme.yaml',
    text: read('examples/lpc2021-vfio-iommu-pci.programme.yaml'),
    edits: [],
  },
];
DOCS[3].edits = DOCS[0].edits;

function change(text: string, edit: Edit): { change: TextDocumentContentChangeEvent; text: string } {
  const from = edit.after ? text.indexOf(edit.after) : 0;
  assert.ok(from >= 0, `\`${edit.after}\` is in the text`);
  const at = text.indexOf(edit.find, from);
  assert.ok(at >= 0, `\`${edit.find}\` is in the text`);
  const position = (offset: number): { line: number; character: number } => {
    const before = text.slice(0, offset);
    const line = before.split('\n').length - 1;
    return { line, character: offset - (before.lastIndexOf('\n') + 1) };
  };
  return {
    change: { range: { start: position(at), end: position(at + edit.find.length) }, text: edit.by },
    text: text.slice(0, at) + edit.by + text.slice(at + edit.find.length),
  };
}

/** Diagnostics with the document's URI taken out, to compare two documents' diagnostics. */
function normal(diagnostics: Diagnostic[], uri: string): unknown {
  return JSON.parse(JSON.stringify(diagnostics).split(JSON.stringify(uri).slice(1, -1)).join('<uri>'));
}

suite('several documents in one server, edited in turn', function () {
  this.timeout(120_000);
  let server: LspClient;
  let fresh: LspClient;
  let opened = 0;

  suiteSetup(async () => {
    server = new LspClient();
    fresh = new LspClient();
    await Promise.all([server.initialize(), fresh.initialize()]);
  });
  suiteTeardown(() => Promise.all([server.shutdown(), fresh.shutdown()]));

  /** What a fresh server publishes for `text` (a document the reference server never saw). */
  async function freshDiagnostics(text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const uri = `file:///fresh/${++opened}/doc.programme.yaml`;
    await fresh.open(uri, text);
    const diagnostics = await fresh.waitDiagnostics(uri, 1);
    await fresh.close(uri);
    return { uri, diagnostics };
  }

  test('after every edit, each document publishes what a fresh server does for its text', async () => {
    const texts = DOCS.map((d) => d.text);
    for (const [i, d] of DOCS.entries()) {
      await server.open(d.uri, d.text);
      const got = await server.waitDiagnostics(d.uri, 1);
      const want = await freshDiagnostics(texts[i]);
      assert.deepEqual(normal(got, d.uri), normal(want.diagnostics, want.uri), `${d.uri} on open`);
    }
    const rounds = Math.max(...DOCS.map((d) => d.edits.length));
    let compared = 0,
      differentFromBefore = 0;
    for (let round = 0; round < rounds; round++) {
      for (const [i, d] of DOCS.entries()) {
        const edit = d.edits[round];
        if (!edit) continue;
        const before = server.last(d.uri)!.diagnostics;
        const next = change(texts[i], edit);
        texts[i] = next.text;
        const version = await server.change(d.uri, [next.change]);
        const got = await server.waitDiagnostics(d.uri, version);
        const want = await freshDiagnostics(texts[i]);
        assert.deepEqual(normal(got, d.uri), normal(want.diagnostics, want.uri), `${d.uri} after edit ${round + 1} (${JSON.stringify(edit)})`);
        compared++;
        if (JSON.stringify(before) !== JSON.stringify(got)) differentFromBefore++;
      }
    }
    assert.equal(
      compared,
      DOCS.reduce((n, d) => n + d.edits.length, 0),
    );
    // The edits matter: most of them change what is published.
    assert.ok(differentFromBefore >= compared / 2, `${differentFromBefore} of ${compared} edits changed the diagnostics`);
  });
});
