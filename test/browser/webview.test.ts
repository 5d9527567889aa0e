/**
 * The preview script in its VS Code role, in a real Chromium: a page shaped like the one
 * client/src/preview/html.ts writes (strict CSP with a nonce, state in a data attribute), with a
 * stand-in for `acquireVsCodeApi` that records what the webview posts to the extension host.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Browser, Page } from 'playwright-core';
import { encodeScheduleDelta, type ScheduleDelta, type ScheduleView } from '../../server/src/protocol';
import type { FromWebview, ToWebview } from '../../client/webview/messages';
import { launch, texts, watch, Watch } from './chromium';
import { analyze, buildSchedule, DocumentState } from '../../server/src/core';

const ROOT = path.join(__dirname, '../../..');
const EXAMPLE_TEXT = fs.readFileSync(path.join(ROOT, 'examples/lpc2021-vfio-iommu-pci.programme.yaml'), 'utf8');
const URI = 'file:///conference/lpc.programme.yaml';

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function viewOf(text: string): ScheduleView {
  return buildSchedule(analyze(text), { uri: URI, version: 1 });
}

let browser: Browser;
let dir: string;

async function openWebview(state: object, height = 900): Promise<{ page: Page; seen: Watch; posted: () => Promise<FromWebview[]> }> {
  const dist = pathToFileURL(path.join(ROOT, 'dist')).href;
  const csp = `default-src 'none'; script-src 'nonce-dGVzdA=='; style-src file:; img-src file: https: data:; font-src file:`;
  const html = `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<link rel="stylesheet" href="${dist}/webview.css"></head>
<body class="vscode-dark"><div id="app" data-state="${escapeAttribute(JSON.stringify(state))}"></div>
<script nonce="dGVzdA==" src="${dist}/webview.js"></script></body></html>`;
  const file = path.join(dir, `webview-${Date.now()}-${Math.random().toString(36).slice(2)}.html`);
  fs.writeFileSync(file, html);
  const page = await browser.newPage({ viewport: { width: 900, height } });
  const seen = watch(page);
  await page.addInitScript(() => {
    const w = window as unknown as { __posted: unknown[]; __state: unknown; acquireVsCodeApi: () => unknown };
    w.__posted = [];
    w.acquireVsCodeApi = () => ({
      postMessage: (m: unknown) => w.__posted.push(m),
      getState: () => w.__state,
      setState: (s: unknown) => {
        w.__state = s;
      },
    });
  });
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector('#app > *');
  return { page, seen, posted: () => page.evaluate(() => (window as unknown as { __posted: FromWebview[] }).__posted) };
}

function send(page: Page, message: ToWebview): Promise<void> {
  return page.evaluate((m) => window.postMessage(m, '*'), message);
}

/** A browser and a scratch folder for the pages of the suite it is called in. */
function withBrowser(): void {
  suiteSetup(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'programme-webview-'));
    browser = await launch();
  });
  suiteTeardown(async () => {
    await browser?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
}

suite('preview webview in a browser', function () {
  this.timeout(60_000);

  withBrowser();

  test('clicking a slot asks the host to reveal its source lines', async () => {
    const view = viewOf(EXAMPLE_TEXT);
    const { page, seen, posted } = await openWebview({ uri: URI, view });
    await page.click('.day .slot:has-text("/dev/ioasid uAPI proposal")');
    const slot = view.days[0].slots[1];
    assert.deepStrictEqual(await posted(), [
      { type: 'ready', source: URI },
      { type: 'revealLine', source: URI, line: slot.lines.start, endLine: slot.lines.end },
    ]);
    assert.match(EXAMPLE_TEXT.split('\n')[slot.lines.start], /\/dev\/ioasid uAPI proposal/);
    assert.deepStrictEqual(seen, { dialogs: [], errors: [], requests: [] });
    await page.close();
  });

  test('the cursor in the editor highlights the slot under it; other documents are ignored', async () => {
    const view = viewOf(EXAMPLE_TEXT);
    const { page } = await openWebview({ uri: URI, view });
    const closing = view.days[0].slots[7];
    await send(page, { type: 'selectLine', source: 'file:///other.programme.yaml', line: closing.lines.start });
    assert.deepStrictEqual(await texts(page, '.is-current .slot-title'), []);
    await send(page, { type: 'selectLine', source: URI, line: closing.lines.start + 1 });
    assert.deepStrictEqual(await texts(page, '.is-current .slot-title'), ['Closing discussion']);
    await page.close();
  });

  test('selection settings: markEditorSelection off highlights nothing; scrollPreviewWithEditor off keeps the place', async () => {
    const view = viewOf(EXAMPLE_TEXT);
    const { page } = await openWebview({ uri: URI, view }, 300);
    const closing = view.days[0].slots[7];
    const scrollY = (): Promise<number> => page.evaluate(() => window.scrollY);
    await send(page, { type: 'selectLine', source: URI, line: closing.lines.start, mark: false, scroll: false });
    assert.deepStrictEqual(await texts(page, '.is-current .slot-title'), []);
    assert.strictEqual(await scrollY(), 0);
    await send(page, { type: 'selectLine', source: URI, line: closing.lines.start, mark: true, scroll: false });
    assert.deepStrictEqual(await texts(page, '.is-current .slot-title'), ['Closing discussion']);
    assert.strictEqual(await scrollY(), 0);
    await send(page, { type: 'selectLine', source: URI, line: closing.lines.start, mark: false, scroll: true });
    assert.deepStrictEqual(await texts(page, '.is-current .slot-title'), []);
    assert.ok((await scrollY()) > 0, 'scrolled to the slot');
    await page.close();
  });

  test('the lock is kept in the state the serializer restores', async () => {
    const { page } = await openWebview({ uri: URI, view: viewOf(EXAMPLE_TEXT), locked: true });
    const state = (): Promise<{ uri: string; locked?: boolean }> =>
      page.evaluate(() => (window as unknown as { __state: { uri: string; locked?: boolean } }).__state);
    assert.deepStrictEqual({ uri: (await state()).uri, locked: (await state()).locked }, { uri: URI, locked: true });
    await send(page, { type: 'lock', source: URI, locked: false });
    assert.strictEqual((await state()).locked, false);
    await page.close();
  });

  test('updates re-render in place; with a syntax error the last good schedule stays, under a banner', async () => {
    const { page } = await openWebview({ uri: URI, view: viewOf(EXAMPLE_TEXT) }, 400);
    await page.evaluate(() => {
      window.scrollTo(0, 250);
      (window as unknown as { track: Element | null }).track = document.querySelector('.track');
    });
    const edited = viewOf(EXAMPLE_TEXT.replace('title: Closing discussion', 'title: Farewell'));
    await send(page, { type: 'update', source: URI, view: edited });
    assert.strictEqual((await texts(page, '.day .slot .slot-title')).pop(), 'Farewell');
    assert.strictEqual(await page.evaluate(() => window.scrollY), 250, 'the reader keeps their place');
    assert.ok(
      await page.evaluate(() => document.querySelector('.track') === (window as unknown as { track: Element | null }).track),
      'parts that did not change are not rebuilt',
    );
    await send(page, { type: 'update', source: URI, view: edited, error: { message: 'unexpected end of flow sequence', line: 41 } });
    assert.match((await page.textContent('.banner.error')) ?? '', /line 42: unexpected end of flow sequence\. Showing the last schedule that parsed\./);
    assert.strictEqual((await texts(page, '.day .slot .slot-title')).length, 8);
    await page.close();
  });

  test('an update told as what changed since the view it has: applied, unchanged parts kept; against another version, it asks for the whole view', async () => {
    const state = new DocumentState();
    const first = buildSchedule(analyze(EXAMPLE_TEXT, state), { uri: URI, version: 1, cache: state.schedule });
    const { page, posted } = await openWebview({ uri: URI, view: first });
    await page.evaluate(() => {
      (window as unknown as { track: Element | null }).track = document.querySelector('.track');
    });
    const text = EXAMPLE_TEXT.replace('title: Closing discussion', 'title: Farewell');
    const second = buildSchedule(analyze(text, state), { uri: URI, version: 2, cache: state.schedule });
    const delta = encodeScheduleDelta(second, first)!;
    assert.ok(
      delta.tracks.every((t) => typeof t === 'number'),
      'the tracks are sent as their numbers',
    );
    // The editor's cursor is in the slot being edited: its mark stays when the slot is drawn again.
    const line = first.days[0].slots.find((s) => s.title === 'Closing discussion')!.lines.start;
    await send(page, { type: 'selectLine', source: URI, line, mark: true, scroll: false });
    await page.evaluate(() => {
      (window as unknown as { slots: Element[] }).slots = Array.from(document.querySelectorAll('.day .slot'));
    });
    await send(page, { type: 'update', source: URI, delta });
    assert.strictEqual((await texts(page, '.day .slot .slot-title')).pop(), 'Farewell');
    assert.ok(
      await page.evaluate(() => document.querySelector('.track') === (window as unknown as { track: Element | null }).track),
      'parts that did not change are not rebuilt',
    );
    assert.deepStrictEqual(
      await page.evaluate(() =>
        Array.from(document.querySelectorAll('.day .slot')).map((el, i) => el === (window as unknown as { slots: Element[] }).slots[i]),
      ),
      [true, true, true, true, true, true, true, false],
      'in the day, only the slot that changed is drawn again',
    );
    assert.deepStrictEqual(await texts(page, '.day .slot.is-current .slot-title'), ['Farewell']);
    await send(page, { type: 'update', source: URI, delta: { ...delta, base: 7 } });
    await send(page, { type: 'update', source: URI, delta: { ...delta, base: 2, days: [99] } as unknown as ScheduleDelta });
    assert.strictEqual((await texts(page, '.day .slot .slot-title')).pop(), 'Farewell', 'the view stays as it was');
    assert.deepStrictEqual((await posted()).filter((m) => m.type === 'ready').slice(-2), [
      { type: 'ready', source: URI },
      { type: 'ready', source: URI },
    ]);
    await page.close();
  });

  test('in the agenda too, an update redraws only the slot that changed', async () => {
    const state = new DocumentState();
    const first = buildSchedule(analyze(EXAMPLE_TEXT, state), { uri: URI, version: 1, cache: state.schedule });
    const { page } = await openWebview({ uri: URI, view: first, mode: 'agenda' });
    await page.evaluate(() => {
      (window as unknown as { items: Element[] }).items = Array.from(document.querySelectorAll('.agenda-day .agenda-item'));
    });
    const second = buildSchedule(analyze(EXAMPLE_TEXT.replace('title: Closing discussion', 'title: Farewell'), state), {
      uri: URI,
      version: 2,
      cache: state.schedule,
    });
    await send(page, { type: 'update', source: URI, delta: encodeScheduleDelta(second, first)! });
    assert.strictEqual((await texts(page, '.agenda-day .agenda-item .slot-title')).pop(), 'Farewell');
    assert.deepStrictEqual(
      await page.evaluate(() =>
        Array.from(document.querySelectorAll('.agenda-day .agenda-item')).map((el, i) => el === (window as unknown as { items: Element[] }).items[i]),
      ),
      [true, true, true, true, true, true, true, false],
    );
    await page.close();
  });

  test('links go through the host; the zone and view picked are kept in the webview state', async () => {
    const { page, posted } = await openWebview({ uri: URI, view: viewOf(EXAMPLE_TEXT) });
    await page.click('header a');
    await page.selectOption('.zone-picker', 'UTC');
    await page.click('.mode button:text("Agenda")');
    assert.deepStrictEqual((await posted()).slice(1), [{ type: 'openLink', source: URI, href: 'https://linuxplumbersconf.org/event/11/' }]);
    assert.ok(page.url().startsWith('file:'), 'the webview did not navigate');
    const state = await page.evaluate(() => (window as unknown as { __state: unknown }).__state);
    assert.deepStrictEqual(state, { uri: URI, zone: 'UTC', mode: 'agenda', scrollY: undefined });
    assert.strictEqual((await texts(page, '.agenda .agenda-time'))[0], '14:00–14:10');
    await page.close();
  });

  test('clashes: a list of the pairs of tracks at the same time with the people they share, and the timeline marks their slots', async () => {
    // A BoF at the same time as the MC, led by one of the MC's key attendees (Eric Auger) and
    // with a talk by another (Jörg Rödel).
    const text = `${EXAMPLE_TEXT}  bof:
    title: IOMMU BoF
    leads: [eric-auger]
    slots:
      - title: Hallway IOMMU chat
        start: 2021-09-21 08:00
        duration: 30m
        speakers: [joerg-roedel]
`;
    const view = viewOf(text);
    const { page, seen, posted } = await openWebview({ uri: URI, view });
    assert.deepStrictEqual(await texts(page, '.clashes .clash-tracks strong'), ['VFIO/IOMMU/PCI MC × IOMMU BoF']);
    assert.deepStrictEqual(await texts(page, '.clashes .clash-when'), [' · Tue 08:00–08:30']);
    assert.deepStrictEqual(await texts(page, '.clashes .clash-people li'), [
      'Jörg Rödel lead and key attendee of VFIO/IOMMU/PCI MC; speaker in IOMMU BoF',
      'Eric Auger key attendee of VFIO/IOMMU/PCI MC; lead of IOMMU BoF',
    ]);
    assert.match((await page.textContent('header .count-chip.clash')) ?? '', /^1 clash$/);
    // The slots of both tracks in that time (08:00–08:30) are marked; those outside it are not.
    assert.deepStrictEqual(await texts(page, '.day .slot.clash .slot-title'), [
      'IOMMU virtualization and nested translation',
      'Break',
      'PASID in SR-IOV virtual functions',
      'Hallway IOMMU chat',
    ]);
    assert.match((await page.getAttribute('.day .slot.clash >> nth=3', 'title')) ?? '', /⚡ IOMMU BoF clashes with VFIO\/IOMMU\/PCI MC/);
    await page.click('.clash-item');
    const line = text.split('\n').indexOf('  bof:');
    assert.deepStrictEqual((await posted()).slice(1), [{ type: 'revealLine', source: URI, line, endLine: line }]);
    // Without the clash there is no list and no mark.
    await send(page, { type: 'update', source: URI, view: viewOf(text.replace('start: 2021-09-21 08:00', 'start: 2021-09-21 13:00')) });
    assert.deepStrictEqual(await texts(page, '.clashes, .slot.clash'), []);
    assert.deepStrictEqual(seen, { dialogs: [], errors: [], requests: [] });
    await page.close();
  });

  test('malformed messages and state are ignored, not fatal', async () => {
    const { page, seen } = await openWebview({ uri: URI, view: { nonsense: true } });
    assert.match((await page.textContent('#app')) ?? '', /Waiting for the language server/);
    await page.evaluate(() => {
      for (const m of [
        null,
        7,
        'x',
        { type: 'update', source: 1 },
        { type: 'update', source: 'u', view: { days: 3 } },
        { type: 'selectLine', source: 'u', line: 'x' },
      ])
        window.postMessage(m, '*');
    });
    await send(page, { type: 'update', source: URI, view: viewOf(EXAMPLE_TEXT) });
    assert.strictEqual((await texts(page, '.day .slot .slot-title')).length, 8);
    assert.deepStrictEqual(seen.errors, []);
    await page.close();
  });
});

suite('preview webview: moving slots (drag, resize, keyboard)', function () {
  this.timeout(60_000);
  const WC = 'Write-combine on non-x86 architectures';
  const UNSCHEDULED = 'IOMMU core and the device-driver core';
  const PX = 2.8;

  withBrowser();

  /** A webview showing the example, editable when the host says so. */
  async function editable(on = true): Promise<{ page: Page; seen: Watch; posted: () => Promise<FromWebview[]>; moves: () => Promise<FromWebview[]> }> {
    const view = viewOf(EXAMPLE_TEXT);
    const opened = await openWebview({ uri: URI, view });
    await send(opened.page, { type: 'update', source: URI, view, editable: on });
    return { ...opened, moves: async () => (await opened.posted()).filter((m) => m.type === 'reschedule') };
  }

  /** Presses the mouse on `selector` (at `dx`, `dy` from its top left), moves by `by` in steps, and (unless `hold`) releases. */
  async function drag(
    page: Page,
    selector: string,
    to: { x: number; y: number } | ((box: { x: number; y: number }) => Promise<{ x: number; y: number }>),
    hold = false,
    at = { dx: 30, dy: 8 },
  ): Promise<void> {
    const box = (await page.locator(selector).boundingBox())!;
    const x0 = box.x + at.dx,
      y0 = box.y + at.dy;
    await page.mouse.move(x0, y0);
    await page.mouse.down();
    await page.mouse.move(x0, y0 + 5, { steps: 2 });
    const target = typeof to === 'function' ? await to({ x: x0, y: y0 }) : { x: x0 + to.x, y: y0 + to.y };
    await page.mouse.move(target.x, target.y, { steps: 8 });
    if (!hold) await page.mouse.up();
  }

  const slot = (title: string): string => `.day .slot:has(.slot-title:text-is("${title}"))`;

  test('dragging a slot 30 minutes later shows the target time and the clash, and posts the new start; the click does not reveal', async () => {
    const { page, seen, moves } = await editable();
    await drag(page, slot(WC), { x: 0, y: 30 * PX }, true);
    assert.deepStrictEqual(await texts(page, '.drop-target .drop-time'), ['09:15–09:35 PDT']);
    assert.deepStrictEqual(await texts(page, '.drop-target .drop-clash'), ['clash: room: Closing discussion']);
    await page.mouse.up();
    const view = viewOf(EXAMPLE_TEXT);
    const wc = view.days[0].slots.find((s) => s.title === WC)!;
    assert.deepStrictEqual(await moves(), [
      { type: 'reschedule', source: URI, slot: { key: wc.key, id: wc.id, title: WC }, to: { start: '2021-09-21T16:15:00.000Z' } },
    ]);
    assert.ok(!(await page.evaluate(() => (window as unknown as { __posted: FromWebview[] }).__posted.some((m) => m.type === 'revealLine'))));
    assert.deepStrictEqual(seen, { dialogs: [], errors: [], requests: [] });
    await page.close();
  });

  test('a free time shows no clash; Escape cancels the drag', async () => {
    const { page, moves } = await editable();
    await drag(page, slot('Closing discussion'), { x: 0, y: 20 * PX }, true);
    assert.deepStrictEqual(await texts(page, '.drop-target .drop-time'), ['09:25–09:40 PDT']);
    assert.deepStrictEqual(await texts(page, '.drop-target .drop-clash'), []);
    await page.keyboard.press('Escape');
    await page.mouse.up();
    assert.deepStrictEqual(await moves(), []);
    assert.deepStrictEqual(await texts(page, '.drop-target'), []);
    await page.close();
  });

  test('the bottom edge resizes: the new length is posted', async () => {
    const { page, moves } = await editable();
    const box = (await page.locator(slot(WC)).boundingBox())!;
    await drag(page, `${slot(WC)} .slot-resize`, { x: 0, y: 10 * PX }, false, { dx: 30, dy: 2 });
    assert.ok(box.height > 0);
    assert.deepStrictEqual(
      (await moves()).map((m) => (m as { to: unknown }).to),
      [{ minutes: 30 }],
    );
    await page.close();
  });

  test('a not-scheduled slot dragged onto the grid; a scheduled one dragged onto the not-scheduled list', async () => {
    const { page, moves } = await editable();
    await page.setViewportSize({ width: 900, height: 1400 });
    await drag(
      page,
      `.unscheduled [data-key]:has(.slot-title:text-is("${UNSCHEDULED}"))`,
      async () => {
        const lane = (await page.locator('.grid-lane').first().boundingBox())!;
        return { x: lane.x + lane.width / 2, y: lane.y + 140 * PX + 1 };
      },
      false,
      { dx: 30, dy: 0 },
    );
    await drag(page, slot(WC), async () => {
      const list = (await page.locator('.unscheduled-day').boundingBox())!;
      return { x: list.x + 40, y: list.y + list.height / 2 };
    });
    assert.deepStrictEqual(
      (await moves()).map((m) => [(m as { slot: { title: string } }).slot.title, (m as { to: unknown }).to]),
      [
        [UNSCHEDULED, { start: '2021-09-21T16:20:00.000Z' }],
        [WC, { start: null }],
      ],
    );
    await page.close();
  });

  test('keyboard: Alt+Down and Alt+Up move by the grid step; the slot keeps the focus after the next schedule', async () => {
    const { page, moves } = await editable();
    assert.match((await page.getAttribute(slot(WC), 'aria-keyshortcuts')) ?? '', /Alt\+ArrowDown/);
    await page.focus(slot(WC));
    await page.keyboard.press('Alt+ArrowDown');
    assert.strictEqual(await page.textContent('#programme-move-status[role="status"]'), `${WC}: 5 minutes later`);
    await page.keyboard.press('Alt+ArrowUp');
    await page.keyboard.press('Alt+PageDown');
    assert.strictEqual(await page.textContent('#programme-move-status'), `${WC}: a day later`);
    // One room: Alt+Right has no column to go to.
    await page.keyboard.press('Alt+ArrowRight');
    assert.deepStrictEqual(
      (await moves()).map((m) => (m as { to: unknown }).to),
      [{ shift: 5 }, { shift: -5 }, { days: 1 }],
    );
    const moved = viewOf(EXAMPLE_TEXT.replace('start: 2021-09-21 08:45', 'start: 2021-09-21 08:50'));
    await send(page, { type: 'update', source: URI, view: moved, editable: true });
    assert.strictEqual(await page.evaluate(() => document.activeElement?.querySelector('.slot-title')?.textContent), WC);
    await page.close();
  });

  test('with `grid: 15m` drops snap to 15 minutes and Alt+Up/Down go to the grid line before or after', async () => {
    const view = viewOf(EXAMPLE_TEXT.replace('  timezone: US/Pacific\n', '  timezone: US/Pacific\n  grid: 15m\n'));
    assert.strictEqual(view.event.grid, 15);
    const { page, posted } = await openWebview({ uri: URI, view });
    await send(page, { type: 'update', source: URI, view, editable: true });
    // 08:45 + 20 minutes: the nearest grid line is 09:00.
    await drag(page, slot(WC), { x: 0, y: 20 * PX }, true);
    assert.deepStrictEqual(await texts(page, '.drop-target .drop-time'), ['09:00–09:20 PDT']);
    await page.mouse.up();
    // 07:10 (the ioasid talk, off the 15-minute grid): down to 07:15, up to 07:00.
    await page.focus(slot('/dev/ioasid uAPI proposal'));
    await page.keyboard.press('Alt+ArrowDown');
    await page.keyboard.press('Alt+ArrowUp');
    assert.deepStrictEqual(
      (await posted()).filter((m) => m.type === 'reschedule').map((m) => (m as { to: unknown }).to),
      [{ start: '2021-09-21T16:00:00.000Z' }, { shift: 5 }, { shift: -10 }],
    );
    await page.close();
  });

  test('the agenda: a slot dragged onto another day keeps its time there; Alt+PageDown does the same', async () => {
    const view = viewOf(EXAMPLE_TEXT.replace('start: 2021-09-21 09:05', 'start: 2021-09-22 09:05'));
    assert.deepStrictEqual(
      view.days.map((d) => d.date),
      ['2021-09-21', '2021-09-22'],
    );
    const { page, posted } = await openWebview({ uri: URI, view, mode: 'agenda' });
    await send(page, { type: 'update', source: URI, view, editable: true });
    const item = `.agenda-day .agenda-item:has(.slot-title:text-is("${WC}"))`;
    await drag(
      page,
      item,
      async () => {
        const day = (await page.locator('.agenda-day').nth(1).boundingBox())!;
        return { x: day.x + 60, y: day.y + day.height - 10 };
      },
      true,
      { dx: 30, dy: 10 },
    );
    assert.deepStrictEqual(await texts(page, '.drop-day .drop-time'), ['to Wednesday, 22 September 2021, 08:45–09:05']);
    await page.mouse.up();
    await page.focus(item);
    await page.keyboard.press('Alt+PageDown');
    assert.deepStrictEqual(
      (await posted()).filter((m) => m.type === 'reschedule').map((m) => (m as { to: unknown }).to),
      [{ days: 1 }, { days: 1 }],
    );
    await page.close();
  });

  test('while dragging, the target names its clashes: a key attendee speaking elsewhere, a speaker elsewhere, the room; another column changes the room', async () => {
    const text = [
      'programme: 1',
      'event: { title: T, start: 2024-09-18, end: 2024-09-19, timezone: Europe/Vienna }',
      'rooms: { r1: { title: One }, r2: { title: Two } }',
      'people: { ada: { name: Ada }, bob: { name: Bob } }',
      'tracks:',
      '  a:',
      '    title: Track A',
      '    room: r1',
      '    key-attendees: [ada]',
      '    slots:',
      '      - { title: A1, start: 2024-09-18 10:00, duration: 30m, speakers: [bob] }',
      '  b:',
      '    title: Track B',
      '    room: r2',
      '    slots:',
      '      - { title: B1, start: 2024-09-18 11:00, duration: 30m, speakers: [ada] }',
      '      - { title: B2, start: 2024-09-18 12:00, duration: 30m, speakers: [bob] }',
      '',
    ].join('\n');
    const view = viewOf(text);
    const { page, posted } = await openWebview({ uri: URI, view });
    await send(page, { type: 'update', source: URI, view, editable: true });
    const box = (await page.locator(slot('A1')).boundingBox())!;
    const x0 = box.x + 20,
      y0 = box.y + 8;
    await page.mouse.move(x0, y0);
    await page.mouse.down();
    await page.mouse.move(x0, y0 + 60 * PX, { steps: 6 });
    assert.deepStrictEqual(await texts(page, '.drop-target .drop-time'), ['11:00–11:30 GMT+2']);
    assert.deepStrictEqual(await texts(page, '.drop-target .drop-clash'), ['clash: Ada (key attendee of Track A) speaks in B1']);
    await page.mouse.move(x0, y0 + 120 * PX, { steps: 6 });
    assert.deepStrictEqual(await texts(page, '.drop-target .drop-clash'), ['clash: speaker Bob: also in B2']);
    const other = (await page.locator('.grid-lane').nth(1).boundingBox())!;
    await page.mouse.move(other.x + 20, y0 + 120 * PX, { steps: 6 });
    assert.deepStrictEqual(await texts(page, '.drop-target .drop-clash'), ['clash: room: B2', 'clash: speaker Bob: also in B2']);
    await page.mouse.up();
    assert.deepStrictEqual(
      (await posted()).filter((m) => m.type === 'reschedule').map((m) => (m as { to: unknown }).to),
      [{ start: '2024-09-18T10:00:00.000Z', room: 'r2' }],
    );
    await page.close();
  });

  test('not editable (Restricted Mode, a read-only file, a syntax error): nothing moves, a click still reveals', async () => {
    const { page, moves, posted } = await editable(false);
    assert.strictEqual(await page.locator('.slot-resize').count(), 0);
    assert.strictEqual(await page.locator('[aria-keyshortcuts]').count(), 0);
    await drag(page, slot(WC), { x: 0, y: 30 * PX }, true);
    assert.deepStrictEqual(await texts(page, '.drop-target'), []);
    await page.mouse.up();
    await page.focus(slot(WC));
    await page.keyboard.press('Alt+ArrowDown');
    const error = { message: 'bad indentation', line: 3 };
    await send(page, { type: 'update', source: URI, view: viewOf(EXAMPLE_TEXT), editable: true, error });
    await page.focus(slot(WC));
    await page.keyboard.press('Alt+ArrowDown');
    assert.deepStrictEqual(await moves(), []);
    await page.click(slot('Closing discussion'));
    assert.ok((await posted()).some((m) => m.type === 'revealLine'));
    await page.close();
  });
});
