import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { LspClient, serverWith } from '../support/lspClient';
import {
  applyScheduleDelta,
  EXPORT_METHOD,
  ExportResult,
  IMPORT_METHOD,
  ImportResultView,
  isScheduleDelta,
  SCHEDULE_METHOD,
  ScheduleDeltaResult,
  ScheduleView,
} from '../../server/src/protocol';

const EXAMPLE = path.resolve(__dirname, '../../../examples/lpc2021-vfio-iommu-pci.programme.yaml');

suite('custom requests: the preview and export commands ask the server', () => {
  const uri = 'file:///example.programme.yaml';
  const text = fs.readFileSync(EXAMPLE, 'utf8');
  const server = serverWith(uri, text);

  test('programme/schedule: the example as the preview shows it', async () => {
    const view = (await server.client.request<ScheduleView | null>(SCHEDULE_METHOD, { uri }))!;
    assert.strictEqual(view.version, 1);
    assert.deepStrictEqual(
      view.days.map((d) => d.date),
      ['2021-09-21'],
    );
    assert.deepStrictEqual(
      view.days[0].columns.map((c) => c.title),
      ['Microconference2'],
    );
    assert.strictEqual(view.days[0].slots[0].title, 'Welcome and state of the sub-systems');
    assert.strictEqual(view.days[0].slots.length, 8);
    assert.deepStrictEqual(
      view.unscheduled.map((s) => s.title),
      ['IOMMU core and the device-driver core'],
    );
  });

  test("programme/schedule: a client that holds the last version's view gets what changed, and makes the same view of it", async () => {
    const edited = 'file:///edited.programme.yaml';
    await server.client.open(edited, text);
    await server.client.waitDiagnostics(edited, 1);
    const first = (await server.client.request<ScheduleView | null>(SCHEDULE_METHOD, { uri: edited }))!;
    const at = text.split('\n').findIndex((l) => l.includes('title: Welcome and state of the sub-systems'));
    const character = text.split('\n')[at].indexOf('Welcome');
    const version = await server.client.change(edited, [{ range: { start: { line: at, character }, end: { line: at, character } }, text: 'A ' }]);
    await server.client.waitDiagnostics(edited, version);
    const delta = await server.client.request<ScheduleDeltaResult>(SCHEDULE_METHOD, { uri: edited, have: first.version });
    const whole = (await server.client.request<ScheduleView | null>(SCHEDULE_METHOD, { uri: edited }))!;
    assert.ok(isScheduleDelta(delta), 'a delta against the version the client has');
    assert.strictEqual(delta.base, 1);
    assert.deepStrictEqual(applyScheduleDelta(delta, first), whole);
    assert.strictEqual(whole.days[0].slots[0].title, 'A Welcome and state of the sub-systems');
    // Against a version the server did not answer last, the whole view.
    const stale = await server.client.request<ScheduleDeltaResult>(SCHEDULE_METHOD, { uri: edited, have: 99 });
    assert.ok(!isScheduleDelta(stale));
    assert.deepStrictEqual(stale, whole);
  });

  test('programme/schedule: null for a document the server does not have', async () => {
    assert.strictEqual(await server.client.request(SCHEDULE_METHOD, { uri: 'file:///nope.programme.yaml' }), null);
  });

  test('programme/export: the iCalendar text of the open document, one event per scheduled slot', async () => {
    const r = await server.client.request<ExportResult>(EXPORT_METHOD, { uri, format: 'ics' });
    assert.strictEqual(r.errors, undefined);
    assert.strictEqual((r.content!.match(/^BEGIN:VEVENT/gm) ?? []).length, 8);
  });

  test('programme/export: refuses a document with errors unless forced, and names them', async () => {
    const broken = 'file:///broken.programme.yaml';
    await server.client.open(broken, text.replace('speakers: [jason-gunthorpe]', 'speakers: [jason-gunthorp]'));
    await server.client.waitDiagnostics(broken, 1);
    const refused = await server.client.request<ExportResult>(EXPORT_METHOD, { uri: broken, format: 'schedule-json' });
    assert.strictEqual(refused.content, undefined);
    assert.deepStrictEqual(
      refused.errors!.map((e) => e.split(': ').slice(0, 2).join(': ')),
      ['104:20: unknown-person'],
    );
    const forced = await server.client.request<ExportResult>(EXPORT_METHOD, { uri: broken, format: 'schedule-json', force: true });
    assert.ok(JSON.parse(forced.content!).schedule, 'a schedule.json document');
  });

  test("programme/export: the user's severities decide what blocks it, as in `programme export`", async () => {
    const lenient = new LspClient();
    lenient.configuration = { diagnostics: { severity: { 'unknown-person': 'warning' } } };
    const strict = new LspClient();
    strict.configuration = { diagnostics: { severity: { 'timezone-alias': 'error' } } };
    try {
      await Promise.all([lenient.initialize(), strict.initialize()]);
      const broken = 'file:///severities/broken.programme.yaml';
      await lenient.open(broken, text.replace('speakers: [jason-gunthorpe]', 'speakers: [jason-gunthorp]'));
      await lenient.waitDiagnostics(broken, 1);
      const exported = await lenient.request<ExportResult>(EXPORT_METHOD, { uri: broken, format: 'schedule-json' });
      assert.strictEqual(exported.errors, undefined, 'an unknown person lowered to a warning does not block the export');
      assert.ok(JSON.parse(exported.content!).schedule);
      await strict.open(uri, text);
      await strict.waitDiagnostics(uri, 1);
      const refused = await strict.request<ExportResult>(EXPORT_METHOD, { uri, format: 'ics' });
      assert.strictEqual(refused.content, undefined, 'a legacy zone raised to an error blocks the export');
      assert.deepStrictEqual(
        refused.errors!.map((e) => e.split(': ')[1]),
        ['timezone-alias'],
      );
    } finally {
      await Promise.all([lenient.shutdown(), strict.shutdown()]);
    }
  });

  test('programme/export: an unknown format is an error, not a crash', async () => {
    const r = await server.client.request<ExportResult>(EXPORT_METHOD, { uri, format: 'pdf' });
    assert.match(r.errors![0], /unknown format `pdf`/);
  });

  test('programme/import: a schedule.xml becomes a programme, with what was left out and the zone used', async () => {
    const xml = fs.readFileSync(path.resolve(__dirname, '../../../test/fixtures/real-schedules/giggity-debconf23.xml'), 'utf8');
    const r = await server.client.request<ImportResultView>(IMPORT_METHOD, { text: xml, fileName: 'debconf23.xml' });
    assert.strictEqual(r.error, undefined);
    assert.match(r.content!, /^# Imported from debconf23\.xml \(a schedule\.xml \(wafer\)\)/);
    assert.match(r.content!, /timezone: Asia\/Kolkata\n\s+day-change: 03:00\n/);
    assert.deepStrictEqual([r.format, r.zone, r.events, r.slots], ['a schedule.xml (wafer)', 'Asia/Kolkata', 117, 117]);
    const imported = 'file:///debconf23.programme.yaml';
    await server.client.open(imported, r.content!);
    const diagnostics = await server.client.waitDiagnostics(imported, 1);
    assert.deepStrictEqual(
      diagnostics.filter((d) => d.severity === 1),
      [],
    );
  });

  test('programme/import: a file import cannot read is an error that says what it is', async () => {
    const r = await server.client.request<ImportResultView>(IMPORT_METHOD, { text: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n', fileName: 'x.ics' });
    assert.strictEqual(r.content, undefined);
    assert.match(r.error!, /this is an iCalendar file/);
    const zone = await server.client.request<ImportResultView>(IMPORT_METHOD, {
      text: fs.readFileSync(path.resolve(__dirname, '../../../test/fixtures/real-schedules/ccc-35c3.json'), 'utf8'),
      fileName: '35c3.json',
      timezone: 'Mars/Olympus',
    });
    assert.match(zone.error!, /--timezone: `Mars\/Olympus` is not an IANA time zone/);
  });
});
