/**
 * `npm run bench:drop` (also run by `npm run bench`): drop-to-repaint in the preview, on a
 * seeded generated programme of 2,000 slots. Each drop goes the way the editor takes it: the
 * `programme/reschedule` request (the server computes the edit from the document), the edit
 * applied and sent as a change (didChange), the `programme/schedule` request for the new
 * version (with the version held, as the extension asks: the answer is what changed, applied to
 * the view held), and the new schedule posted as what changed since the preview's view (as the
 * preview panel posts it) to the preview script in Chromium until the next frame
 * is painted. Prints one table and writes bench/results/drop.json.
 *
 * Options (environment): BENCH_DROP_SLOTS=200,2000 for the sizes, BENCH_DROP_RUNS=30 drops per size.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Browser, Page } from 'playwright-core';
import { generateProgramme } from './generate';
import { BenchClient } from './client';
import { launch, stubVsCodeApi } from '../test/browser/chromium';
import { SERVER_LAUNCH } from '../server/src/launch';
import {
  applyScheduleDelta,
  encodeScheduleDelta,
  isScheduleDelta,
  RESCHEDULE_METHOD,
  RescheduleParams,
  RescheduleResultView,
  SCHEDULE_METHOD,
  ScheduleDeltaResult,
  ScheduleView,
} from '../server/src/protocol';

const ROOT = path.resolve(__dirname, '../..');
const SERVER = path.join(ROOT, 'dist/server.js');
const SIZES = (process.env.BENCH_DROP_SLOTS ?? '2000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_DROP_RUNS) || 30;

interface Stat {
  median: number;
  p95: number;
}

function stat(xs: number[]): Stat {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number): number => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
  return { median: Math.round(at(0.5) * 10) / 10, p95: Math.round(at(0.95) * 10) / 10 };
}

/** The preview page as the extension writes it (see test/browser/webview.test.ts), with a stand-in for the VS Code API. */
async function openPreview(browser: Browser, dir: string, view: ScheduleView): Promise<Page> {
  const dist = pathToFileURL(path.join(ROOT, 'dist')).href;
  const state = JSON.stringify({ uri: view.uri }).replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  const file = path.join(dir, 'preview.html');
  writeFileSync(
    file,
    `<!DOCTYPE html><html><head><meta charset="utf-8"><link rel="stylesheet" href="${dist}/webview.css"></head>
<body><div id="app" data-state="${state}"></div><script src="${dist}/webview.js"></script></body></html>`,
  );
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await stubVsCodeApi(page);
  await page.goto(pathToFileURL(file).href);
  await paint(page, view);
  return page;
}

/** What the preview panel posts for `view`: what changed since `sent` (the view the webview has), else the whole view. */
function update(view: ScheduleView, sent: ScheduleView | undefined): object {
  const delta = sent ? encodeScheduleDelta(view, sent) : undefined;
  return delta ? { type: 'update', source: view.uri, delta, editable: true } : { type: 'update', source: view.uri, view, editable: true };
}

/**
 * Posts the schedule to the preview script (as JSON, as VS Code's postMessage carries it) and
 * resolves once the frame after its render is painted: [ms in the preview's message handler
 * (parse and render), ms from there to the painted frame].
 */
function paint(page: Page, view: ScheduleView, sent?: ScheduleView): Promise<number[]> {
  return page.evaluate(
    (json) =>
      new Promise<number[]>((resolve) => {
        const message = JSON.parse(json) as object;
        const t0 = performance.now();
        let t1 = 0;
        // Registered after the preview's own listener: runs once it has rendered.
        window.addEventListener(
          'message',
          () => {
            t1 = performance.now();
            requestAnimationFrame(() => setTimeout(() => resolve([t1 - t0, performance.now() - t1]), 0));
          },
          { once: true },
        );
        window.postMessage(message, '*');
      }),
    JSON.stringify(update(view, sent)),
  );
}

interface Row {
  slots: number;
  drops: number;
  reschedule: Stat;
  change: Stat;
  schedule: Stat;
  post: Stat;
  render: Stat;
  paint: Stat;
  total: Stat;
}

async function measure(browser: Browser, dir: string, slots: number): Promise<Row> {
  const text = generateProgramme({ slots, seed: 1 });
  const file = path.join(dir, `drop-${slots}.programme.yaml`);
  writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  const client = new BenchClient({ script: SERVER, launch: SERVER_LAUNCH });
  try {
    await client.initialize(null);
    await client.open(uri, text);
    await client.waitDiagnostics(uri, 1, 120_000);
    let document = TextDocument.create(uri, 'programme', 1, text);
    const first = (await client.request<ScheduleView | null>(SCHEDULE_METHOD, { uri }))!;
    let held = first;
    /** The view the preview has: the next update is sent as what changed since it. */
    let sent = first;
    const page = await openPreview(browser, dir, first);
    const movable = first.days.flatMap((d) => d.slots).filter((s) => s.kind !== 'break');
    const times = {
      reschedule: [] as number[],
      change: [] as number[],
      schedule: [] as number[],
      post: [] as number[],
      render: [] as number[],
      paint: [] as number[],
      total: [] as number[],
    };
    for (let i = 0; i < RUNS + 2; i++) {
      // Each slot goes 5 minutes later, then back: the document stays the same size.
      const slot = movable[(Math.floor(i / 2) * 37) % movable.length];
      const params: RescheduleParams = { uri, slot: { key: slot.key, id: slot.id, title: slot.title }, to: { shift: i % 2 ? -5 : 5 } };
      const t0 = performance.now();
      const result = await client.request<RescheduleResultView>(RESCHEDULE_METHOD, params);
      if (result.error || !result.edits.length || result.version !== document.version) throw new Error(`drop ${i} not computed: ${result.error ?? 'no edit'}`);
      const t1 = performance.now();
      const version = document.version + 1;
      const changes = result.edits.map((e) => ({ range: e.range, text: e.newText }));
      document = TextDocument.create(uri, 'programme', version, TextDocument.applyEdits(document, result.edits));
      await client.change(uri, changes);
      const t2 = performance.now();
      // As the extension asks: with the version it holds, the answer being what changed.
      const answer = await client.request<ScheduleDeltaResult>(SCHEDULE_METHOD, { uri, have: held.version });
      const view = isScheduleDelta(answer) ? applyScheduleDelta(answer, held) : answer;
      if (!view) throw new Error('no schedule');
      held = view;
      if (view.version !== version) throw new Error(`the schedule is of version ${view.version}, not ${version}`);
      const t3 = performance.now();
      const [render, painted] = await paint(page, view, sent);
      sent = view;
      const t4 = performance.now();
      if (i < 2) continue; // warm-up
      times.reschedule.push(t1 - t0);
      times.change.push(t2 - t1);
      times.schedule.push(t3 - t2);
      times.post.push(t4 - t3 - render - painted);
      times.render.push(render);
      times.paint.push(painted);
      times.total.push(t4 - t0);
    }
    await page.close();
    return {
      slots,
      drops: RUNS,
      reschedule: stat(times.reschedule),
      change: stat(times.change),
      schedule: stat(times.schedule),
      post: stat(times.post),
      render: stat(times.render),
      paint: stat(times.paint),
      total: stat(times.total),
    };
  } finally {
    await client.shutdown();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'programme-bench-drop-'));
  let browser: Browser | undefined;
  try {
    browser = await launch();
    const rows: Row[] = [];
    const f = (s: Stat): string => `${s.median} / ${s.p95}`;
    console.log('\nDrop to repaint in the preview (ms, median / p95):');
    console.log('| slots | drops | programme/reschedule | change sent | programme/schedule | post to the preview | render | paint | drop to repaint |');
    console.log('|---|---|---|---|---|---|---|---|---|');
    for (const slots of SIZES) {
      const row = await measure(browser, dir, slots);
      rows.push(row);
      console.log(
        `| ${slots} | ${row.drops} | ${f(row.reschedule)} | ${f(row.change)} | ${f(row.schedule)} | ${f(row.post)} | ${f(row.render)} | ${f(row.paint)} | ${f(row.total)} |`,
      );
    }
    const out = path.join(ROOT, 'bench/results');
    mkdirSync(out, { recursive: true });
    writeFileSync(
      path.join(out, 'drop.json'),
      `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, load: os.loadavg(), rows }, null, 2)}\n`,
    );
  } finally {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
