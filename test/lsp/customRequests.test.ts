import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { LspClient } from '../support/lspClient';
import { EXPORT_METHOD, ExportResult, SCHEDULE_METHOD, ScheduleResult } from '../../server/src/protocol';

const EXAMPLE = path.resolve(__dirname, '../../../examples/lpc2021-vfio-iommu-pci.programme.yaml');

suite('custom requests: the preview and export commands ask the server', () => {
  let client: LspClient;
  const uri = 'file:///example.programme.yaml';
  const text = fs.readFileSync(EXAMPLE, 'utf8');
  suiteSetup(async () => {
    client = new LspClient();
    await client.initialize();
    await client.open(uri, text);
    await client.waitDiagnostics(uri, 1);
  });
  suiteTeardown(async () => client.shutdown());

  test('programme/schedule: the example as the preview shows it', async () => {
    const view = (await client.request<ScheduleResult>(SCHEDULE_METHOD, { uri }))!;
    assert.strictEqual(view.version, 1);
    assert.deepStrictEqual(view.days.map((d) => d.date), ['2021-09-21']);
    assert.deepStrictEqual(view.days[0].columns.map((c) => c.title), ['Microconference2']);
    assert.strictEqual(view.days[0].slots[0].title, 'Welcome and state of the sub-systems');
    assert.strictEqual(view.days[0].slots.length, 8);
    assert.deepStrictEqual(view.unscheduled.map((s) => s.title), ['IOMMU core and the device-driver core']);
  });

  test('programme/schedule: null for a document the server does not have', async () => {
    assert.strictEqual(await client.request(SCHEDULE_METHOD, { uri: 'file:///nope.programme.yaml' }), null);
  });

  test('programme/export: the iCalendar text of the open document, one event per scheduled slot', async () => {
    const r = await client.request<ExportResult>(EXPORT_METHOD, { uri, format: 'ics' });
    assert.strictEqual(r.errors, undefined);
    assert.strictEqual((r.content!.match(/^BEGIN:VEVENT/gm) ?? []).length, 8);
  });

  test('programme/export: refuses a document with errors unless forced, and names them', async () => {
    const broken = 'file:///broken.programme.yaml';
    await client.open(broken, text.replace('speakers: [jason-gunthorpe]', 'speakers: [jason-gunthorp]'));
    await client.waitDiagnostics(broken, 1);
    const refused = await client.request<ExportResult>(EXPORT_METHOD, { uri: broken, format: 'schedule-json' });
    assert.strictEqual(refused.content, undefined);
    assert.deepStrictEqual(refused.errors!.map((e) => e.split(': ').slice(0, 2).join(': ')), ['104:20: unknown-person']);
    const forced = await client.request<ExportResult>(EXPORT_METHOD, { uri: broken, format: 'schedule-json', force: true });
    assert.ok(JSON.parse(forced.content!).schedule, 'a schedule.json document');
  });

  test('programme/export: an unknown format is an error, not a crash', async () => {
    const r = await client.request<ExportResult>(EXPORT_METHOD, { uri, format: 'pdf' });
    assert.match(r.errors![0], /unknown format `pdf`/);
  });
});
