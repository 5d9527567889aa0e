/**
 * `programme/reschedule` over the protocol: the edits come from the document as the server has
 * it now, so a drop the preview computed on version N and sent after an edit (N+1) changes the
 * slot it named (found again by its identity) or nothing; never the text at N's offsets.
 */
import * as assert from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { serverWith } from '../support/lspClient';
import { EXAMPLE_TEXT } from '../support/fixtures';
import { RESCHEDULE_METHOD, RescheduleParams, RescheduleResultView, SCHEDULE_METHOD, ScheduleResult } from '../../server/src/protocol';

const WC = 'Write-combine on non-x86 architectures';

suite('programme/reschedule: the server computes the edit of a dropped slot', () => {
  const uri = 'file:///reschedule.programme.yaml';
  const server = serverWith(uri, EXAMPLE_TEXT);

  test('a drop computed for version 1 and delivered after an edit (version 2) changes the right slot', async () => {
    const view = (await server.client.request<ScheduleResult>(SCHEDULE_METHOD, { uri }))!;
    assert.strictEqual(view.version, 1);
    const seen = view.days[0].slots.find((s) => s.title === WC)!;
    const drop: RescheduleParams = { uri, slot: { key: seen.key, id: seen.id, title: seen.title }, to: { start: '2021-09-21T09:15:00-07:00' } };

    // Before the drop arrives, a slot is inserted above it: every line below moves by two.
    const at = EXAMPLE_TEXT.indexOf('      - title: /dev/ioasid uAPI proposal');
    const before = TextDocument.create(uri, 'programme', 1, EXAMPLE_TEXT);
    const insert = '      - title: Lightning talks\n        duration: 5m\n';
    const version = await server.client.change(uri, [{ range: { start: before.positionAt(at), end: before.positionAt(at) }, text: insert }]);
    assert.strictEqual(version, 2);
    const now = TextDocument.create(uri, 'programme', 2, EXAMPLE_TEXT.slice(0, at) + insert + EXAMPLE_TEXT.slice(at));

    const result = await server.client.request<RescheduleResultView>(RESCHEDULE_METHOD, drop);
    assert.strictEqual(result.error, undefined);
    assert.strictEqual(result.version, 2, 'the edits are for the document as it is now');
    const after = TextDocument.applyEdits(now, result.edits);
    const lines = now.getText().split('\n');
    const changed = after.split('\n').flatMap((line, i) => (line === lines[i] ? [] : [[i, lines[i], line]]));
    const startLine = lines.indexOf('        start: 2021-09-21 08:45');
    assert.deepStrictEqual(changed, [[startLine, '        start: 2021-09-21 08:45', '        start: 2021-09-21 09:15']]);
    assert.strictEqual(lines[startLine - 1], `      - title: ${WC}`);
  });

  test('the slot deleted meanwhile: no edit, and the answer says why', async () => {
    const slotText = `      - title: ${WC}\n        start: 2021-09-21 08:45\n        duration: 20m\n        topics: [vfio/write-combine]\n        speakers: [benjamin-herrenschmidt]\n`;
    const other = 'file:///reschedule-deleted.programme.yaml';
    await server.client.open(other, EXAMPLE_TEXT);
    const view = (await server.client.request<ScheduleResult>(SCHEDULE_METHOD, { uri: other }))!;
    const seen = view.days[0].slots.find((s) => s.title === WC)!;
    const doc = TextDocument.create(other, 'programme', 1, EXAMPLE_TEXT);
    const at = EXAMPLE_TEXT.indexOf(slotText);
    await server.client.change(other, [{ range: { start: doc.positionAt(at), end: doc.positionAt(at + slotText.length) }, text: '' }]);
    const result = await server.client.request<RescheduleResultView>(RESCHEDULE_METHOD, {
      uri: other,
      slot: { key: seen.key, title: seen.title },
      to: { shift: 30 },
    } satisfies RescheduleParams);
    assert.strictEqual(result.version, 2);
    assert.deepStrictEqual(result.edits, []);
    assert.match(result.error ?? '', /no longer in the file/);
  });

  test('malformed requests are refused with a reason, not a crash', async () => {
    for (const params of [{ uri }, { uri, slot: { key: 1 }, to: {} }, { uri, slot: { key: 'vfio#0', title: 'x' }, to: { room: 5 } }]) {
      const result = await server.client.request<RescheduleResultView>(RESCHEDULE_METHOD, params);
      assert.deepStrictEqual(result.edits, []);
      assert.ok(result.error);
    }
    const unknown = await server.client.request<RescheduleResultView>(RESCHEDULE_METHOD, {
      uri: 'file:///nope.programme.yaml',
      slot: { key: 'a#0', title: 'x' },
      to: { shift: 5 },
    });
    assert.match(unknown.error ?? '', /not open/);
  });
});
