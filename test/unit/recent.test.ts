import * as assert from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { EXAMPLE_TEXT as EXAMPLE } from '../support/fixtures';
import { createProgrammeService, hover } from '../../server/src/core';

const URI = 'file:///recent.programme.yaml';

/** A service that answers from an earlier analysis whatever it cost (the default waits for analyses under 100 ms). */
const eager = () => createProgrammeService({ staleAfterMs: 0 });

/** `text` with `insert` put before the first `before`, and the edit as the service is told of it. */
function insertBefore(text: string, before: string, insert: string) {
  const at = text.indexOf(before);
  assert.ok(at >= 0, `${before} not found`);
  return { text: text.slice(0, at) + insert + text.slice(at), edit: { start: at, end: at, length: insert.length } };
}

const PERSON = '  new-person:\n    name: New Person\n';

suite('requests answered from an earlier analysis', () => {
  test('a hover below an edit answers from the earlier analysis, its range where the text now is', () => {
    const service = eager();
    service.get(TextDocument.create(URI, 'programme', 1, EXAMPLE));
    const { text, edit } = insertBefore(EXAMPLE, '  alex-williamson:', PERSON);
    service.edited(URI, edit);
    const current = TextDocument.create(URI, 'programme', 2, text);
    const at = text.indexOf('speakers: [jason-gunthorpe]') + 14;
    const recent = service.recent(current, [at]);
    assert.strictEqual(recent.stale, true);
    assert.strictEqual(recent.document.getText(), EXAMPLE);
    const old = recent.fromCurrent(at)!;
    assert.strictEqual(EXAMPLE.slice(old, old + 15), text.slice(at, at + 15));
    const h = hover(recent.file.analysis, recent.document, old)!;
    assert.match((h.contents as { value: string }).value, /\*\*Jason Gunthorpe\*\*/);
    // The answer's range, mapped back, covers the id in the current text.
    const start = recent.toCurrent(recent.document.offsetAt(h.range!.start));
    const end = recent.toCurrent(recent.document.offsetAt(h.range!.end));
    assert.strictEqual(text.slice(start, end), 'jason-gunthorpe');
  });

  test('a position above the edit keeps its offset; one inside the inserted text waits for the newest version', () => {
    const service = eager();
    service.get(TextDocument.create(URI, 'programme', 1, EXAMPLE));
    const { text, edit } = insertBefore(EXAMPLE, '  alex-williamson:', PERSON);
    service.edited(URI, edit);
    const current = TextDocument.create(URI, 'programme', 2, text);
    const above = text.indexOf('timezone:');
    assert.strictEqual(service.recent(current, [above]).fromCurrent(above), above);
    const inside = text.indexOf('New Person');
    const recent = service.recent(current, [inside]);
    assert.strictEqual(recent.stale, false);
    assert.strictEqual(recent.document.getText(), text);
    assert.ok(recent.file.analysis!.model.people.has('new-person'));
  });

  test('several edits: a position between two of them maps around both', () => {
    const service = eager();
    service.get(TextDocument.create(URI, 'programme', 1, EXAMPLE));
    const first = insertBefore(EXAMPLE, '  alex-williamson:', PERSON);
    service.edited(URI, first.edit);
    // A second edit further down: the title of the last slot loses its last character.
    const titleEnd = first.text.lastIndexOf('title: ') + first.text.slice(first.text.lastIndexOf('title: ')).indexOf('\n');
    const text = first.text.slice(0, titleEnd - 1) + first.text.slice(titleEnd);
    service.edited(URI, { start: titleEnd - 1, end: titleEnd, length: 0 });
    const current = TextDocument.create(URI, 'programme', 3, text);
    const between = text.indexOf('speakers: [jason-gunthorpe]');
    const recent = service.recent(current, [between]);
    assert.strictEqual(recent.stale, true);
    const old = recent.fromCurrent(between)!;
    assert.strictEqual(old, between - PERSON.length);
    assert.strictEqual(recent.toCurrent(old), between);
    // Past both edits: shifted by their sum.
    assert.strictEqual(recent.fromCurrent(text.length), EXAMPLE.length);
  });

  test('without the edits told, the texts are compared: the same answers', () => {
    const service = eager();
    service.get(TextDocument.create(URI, 'programme', 1, EXAMPLE));
    const { text } = insertBefore(EXAMPLE, '  alex-williamson:', PERSON);
    const current = TextDocument.create(URI, 'programme', 2, text);
    const at = text.indexOf('speakers: [jason-gunthorpe]');
    const recent = service.recent(current, [at]);
    assert.strictEqual(recent.stale, true);
    assert.strictEqual(recent.fromCurrent(at), at - PERSON.length);
    assert.strictEqual(recent.fromCurrent(text.indexOf('New Person')), undefined);
  });

  test('what an editor keeps until the next edit comes from an earlier version only while edits keep coming', () => {
    const service = eager();
    service.get(TextDocument.create(URI, 'programme', 1, EXAMPLE));
    const { text, edit } = insertBefore(EXAMPLE, '  alex-williamson:', PERSON);
    service.edited(URI, edit);
    const current = TextDocument.create(URI, 'programme', 2, text);
    // The edit was told just now: within a minute, not within less than no time.
    assert.strictEqual(service.recent(current, [], { editedWithinMs: 60_000 }).stale, true);
    const settled = service.recent(current, [], { editedWithinMs: -1 });
    assert.strictEqual(settled.stale, false);
    assert.ok(settled.file.analysis!.model.people.has('new-person'));
  });

  test('a document that analyses quickly is always answered from its newest version', () => {
    const service = createProgrammeService();
    service.get(TextDocument.create(URI, 'programme', 1, EXAMPLE));
    // Analysed again (a new version, the same text): what it costs now is what an edit costs.
    service.get(TextDocument.create(URI, 'programme', 2, EXAMPLE));
    const { text, edit } = insertBefore(EXAMPLE, '  alex-williamson:', PERSON);
    service.edited(URI, edit);
    const recent = service.recent(TextDocument.create(URI, 'programme', 3, text), [text.indexOf('speakers: [')]);
    assert.strictEqual(recent.stale, false);
    assert.ok(recent.file.analysis!.model.people.has('new-person'));
  });
});
