/**
 * The schedule page as a person sees it, in a real Chromium: the page `programme render`
 * writes, drawn by the same renderer as the VS Code preview. Run with `npm run test:browser`.
 */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Browser, Page } from 'playwright-core';
import { programme } from '../support/fixtures';
import { launch, texts, watch as watchPage, Watch } from './chromium';

const ROOT = path.join(__dirname, '../../..');
const EXAMPLE = path.join(ROOT, 'examples/lpc2021-vfio-iommu-pci.programme.yaml');
// Under test-results/ (ignored by git): docs/preview.png is the README's picture, updated by hand.
const SCREENSHOT = path.join(ROOT, 'test-results/preview-page.png');

const XSS_TITLE = '<img src=x onerror=alert(1)>';

const HOSTILE = programme({
  top: 'rooms:\n  hall:\n    title: Main hall\n',
  track: `    room: hall
    description: |
      Read [click me](javascript:alert(2)) or [the docs](https://example.org/docs).

      <script>alert(3)</script> stays text.
`,
  slots: `      - title: Early
        start: 2021-09-21 07:00
        duration: 30m
        speakers: [alice]
      - title: Late
        start: 2021-09-21 07:20
        duration: 20m
      - title: "${XSS_TITLE}"
        start: 2021-09-21 08:00
        duration: 20m
        materials:
          - { title: Sneaky, url: "javascript:alert(4)" }
          - { title: Slides, url: "https://example.org/slides" }
`,
});

let browser: Browser;
let dir: string;

function render(name: string, text: string | undefined, source = EXAMPLE): string {
  const input = text === undefined ? source : path.join(dir, `${name}.programme.yaml`);
  if (text !== undefined) fs.writeFileSync(input, text);
  const out = path.join(dir, `${name}.html`);
  execFileSync(process.execPath, [path.join(ROOT, 'bin/programme.js'), 'render', input, '-o', out], { stdio: 'pipe' });
  return out;
}

async function open(file: string, options: { now?: string; width?: number } = {}): Promise<{ page: Page; watch: Watch }> {
  const page = await browser.newPage({ viewport: { width: options.width ?? 1280, height: 900 }, deviceScaleFactor: 1 });
  const watch = watchPage(page);
  if (options.now) await page.clock.setFixedTime(new Date(options.now));
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector('header.top h1');
  return { page, watch };
}

function assertQuiet(watch: Watch): void {
  assert.deepStrictEqual(watch, { dialogs: [], errors: [], requests: [] }, 'no dialog, no script error or CSP refusal, no network request');
}

suite('preview page in a browser', function () {
  this.timeout(60_000);

  suiteSetup(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'programme-preview-'));
    browser = await launch();
  });

  suiteTeardown(async () => {
    await browser?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('the canonical example: slots in time order, heights by duration, the unscheduled slot, the track', async () => {
    const { page, watch } = await open(render('example', undefined));
    assert.deepStrictEqual(await texts(page, '.day .slot .slot-title'), [
      'Welcome and state of the sub-systems',
      '/dev/ioasid uAPI proposal',
      'I/O page faults for passthrough devices',
      'IOMMU virtualization and nested translation',
      'Break',
      'PASID in SR-IOV virtual functions',
      'Write-combine on non-x86 architectures',
      'Closing discussion',
    ]);
    const heights = await page.$$eval('.day .slot', (els) => els.map((e) => e.getBoundingClientRect().height));
    // 10, 25, 20 and 15 minutes: a 25-minute talk is two and a half times a 10-minute opening.
    assert.ok(Math.abs((heights[1] + 3) / (heights[0] + 3) - 2.5) < 0.05, `heights ${heights.join(', ')}`);
    assert.ok(heights[2] > heights[7] && heights[7] > heights[0], `heights ${heights.join(', ')}`);
    assert.deepStrictEqual(await texts(page, '.grid-head'), ['Microconference2']);
    assert.match((await texts(page, '.day .slot .slot-meta'))[0], /^07:10–07:35 · Jason Gunthorpe$/);
    assert.deepStrictEqual(await texts(page, '.unscheduled .slot-title'), ['IOMMU core and the device-driver core']);
    const track = await page.textContent('.track');
    assert.match(track ?? '', /The PCI interconnect specification/);
    assert.match(track ?? '', /Key attendees.*Jean-Philippe Brucker/s);
    assert.match((await page.textContent('.count-chip')) ?? '', /no conflicts/);
    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    assertQuiet(watch);
    await page.close();
  });

  test('the page of `programme render` is not an editor: no resize handle, and a drag moves nothing', async () => {
    const { page, watch } = await open(render('not-editable', undefined));
    assert.strictEqual(await page.locator('.layout.editable').count(), 0);
    assert.strictEqual(await page.locator('.slot-resize').count(), 0);
    const title = 'Write-combine on non-x86 architectures';
    const before = await page.locator('.day .slot', { hasText: title }).boundingBox();
    await page.mouse.move(before!.x + 30, before!.y + 8);
    await page.mouse.down();
    await page.mouse.move(before!.x + 30, before!.y + 100, { steps: 8 });
    assert.strictEqual(await page.locator('.drop-target').count(), 0);
    await page.mouse.up();
    assert.deepStrictEqual(await page.locator('.day .slot', { hasText: title }).boundingBox(), before);
    assert.deepStrictEqual(await texts(page, '.unscheduled .slot-title'), ['IOMMU core and the device-driver core']);
    assertQuiet(watch);
    await page.close();
  });

  test('a file with blocks: a table of times by rooms, each block with its track or free, and the tracks not placed yet', async () => {
    const { page, watch } = await open(render('committee', undefined, path.join(ROOT, 'examples/committee.programme.yaml')));
    assert.deepStrictEqual(await texts(page, '.block-grid thead th'), ['', 'Hall A', 'Hall B', 'Room C']);
    assert.deepStrictEqual(await texts(page, '.block-grid tbody th'), [
      'Wed 2024-09-18 10:00–13:30 CEST',
      'Wed 2024-09-18 15:00–18:30 CEST',
      'Thu 2024-09-19 10:00–13:30 CEST',
    ]);
    assert.deepStrictEqual(await texts(page, '.block-grid tbody tr:nth-child(3) td'), ['BPF MC', 'free', 'free']);
    assert.match((await page.textContent('.blocks .unplaced')) ?? '', /^Not placed yet \(7\): VFIO\/IOMMU\/PCI MC, Rust MC, /);
    assertQuiet(watch);
    await page.close();
  });

  test('times follow the zone picked in the panel; the agenda lists the same slots', async () => {
    const { page, watch } = await open(render('zones', undefined));
    await page.selectOption('.zone-picker', 'UTC');
    assert.match((await texts(page, '.day .slot .slot-time'))[0], /^14:00–14:10$/);
    assert.strictEqual(await page.textContent('.grid-corner'), 'UTC');
    await page.click('.mode button:text("Agenda")');
    const agenda = await texts(page, '.agenda .agenda-time');
    assert.deepStrictEqual(agenda.slice(0, 2), ['14:00–14:10', '14:10–14:35']);
    assert.strictEqual((await texts(page, '.agenda .slot-title')).length, 8);
    assertQuiet(watch);
    await page.close();
  });

  test('during the event a "now" line is drawn on the day', async () => {
    const { page, watch } = await open(render('now', undefined), { now: '2021-09-21T15:30:00Z' });
    assert.strictEqual(await page.locator('.now-line').count(), 1);
    const { page: later } = await open(render('later', undefined), { now: '2022-01-01T00:00:00Z' });
    assert.strictEqual(await later.locator('.now-line').count(), 0);
    assertQuiet(watch);
    await page.close();
    await later.close();
  });

  test('a conflict is marked on both slots, with the message on hover', async () => {
    const { page, watch } = await open(render('hostile', HOSTILE));
    const late = page.locator('.day .slot', { hasText: 'Late' });
    assert.match((await late.getAttribute('class')) ?? '', /mark-error/);
    assert.match((await late.getAttribute('title')) ?? '', /'Late' .*overlaps 'Early'/);
    assert.strictEqual(await late.locator('.badge').textContent(), 'conflict');
    assert.match((await page.locator('.day .slot', { hasText: 'Early' }).getAttribute('class')) ?? '', /mark-error/);
    // Two errors: the overlap, and the `javascript:` link the schema rejects.
    assert.match((await page.textContent('.counts')) ?? '', /2 errors/);
    assertQuiet(watch);
    await page.close();
  });

  test('markup in a title is shown as text and runs nothing', async () => {
    const { page, watch } = await open(render('hostile', HOSTILE));
    assert.ok((await texts(page, '.day .slot .slot-title')).includes(XSS_TITLE));
    assert.strictEqual(await page.locator('img').count(), 0);
    assert.strictEqual(await page.locator('#app script').count(), 0);
    assert.match((await page.textContent('.track .markdown')) ?? '', /<script>alert\(3\)<\/script> stays text/);
    await page.hover('.day .slot:has-text("onerror")');
    assertQuiet(watch);
    await page.close();
  });

  test('a javascript: link is not a link; an https link is', async () => {
    const { page, watch } = await open(render('hostile', HOSTILE));
    assert.strictEqual(await page.locator('a[href^="javascript:" i]').count(), 0);
    await page.getByText('click me').click();
    await page.click('.mode button:text("Agenda")');
    assert.strictEqual(await page.locator('a[href^="javascript:" i]').count(), 0);
    assert.deepStrictEqual(
      await page.$$eval('a', (as) => as.map((a) => a.getAttribute('href'))).then((hrefs) => hrefs.filter((h) => !/^https:\/\/example\.org\//.test(h ?? ''))),
      [],
    );
    assert.strictEqual(await page.locator('a[href="https://example.org/docs"]').count(), 1);
    assert.ok(page.url().startsWith('file:'));
    assertQuiet(watch);
    await page.close();
  });

  test('a syntax error is shown in a banner with its line', async () => {
    const broken = programme() + '      - title: [unclosed\n';
    const { page, watch } = await open(render('broken', broken));
    const banner = await page.textContent('.banner.error');
    assert.match(banner ?? '', new RegExp(`line ${broken.split('\n').length - 1}:`));
    assert.deepStrictEqual(await texts(page, '.day .slot .slot-title'), ['Opening']);
    assertQuiet(watch);
    await page.close();
  });
});
