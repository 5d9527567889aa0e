// Runs the end-to-end suite inside a real VS Code, offline: code-server (installed into
// .vscode-test/ by scripts/codeServer.mjs) driven by Debian's Chromium through playwright-core.
// The extension under development is the repository root; the tests module is
// out/test/e2e/suite/index.js; both are handed to the web workbench through its `payload`
// URL parameter. The suite writes its results to a JSON file, which this launcher follows;
// it also answers the suite's requests about what the browser shows (webview text,
// screenshots). Artifacts go to test-results/.
//
// With --web the extension runs as a web extension (its package.json `browser` entry) in the
// web worker extension host, as in vscode.dev and github.dev, and the tests are the web subset
// (out/test/e2e/web/index.js); artifacts then go to test-results/web/.
//
//   node out/test/e2e/runCodeServer.js [--grep PATTERN] [--timeout SECONDS] [--headed] [--web]
//
// Exit code: 0 when every test passed; 1 on any failure, on a timeout, or when the run broke.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Frame, type Page } from 'playwright-core';
import type { BrowserCheck as SuiteBrowserCheck } from './suite/helpers';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const WEB = process.argv.includes('--web');
// `--floor`: on the oldest VS Code engines.vscode allows; its artifacts in test-results/floor/.
const FLOOR = process.argv.includes('--floor');
const RESULTS_DIR = path.join(REPO_ROOT, 'test-results', ...(WEB ? ['web'] : []), ...(FLOOR ? ['floor'] : []));
// Everything of one run (workspace copy, profile, results, bridge) is in its own folder, so
// that two runs at once (a developer's and an editor's, say) do not trip over each other.
const RUNS_DIR = path.join(REPO_ROOT, '.vscode-test', 'e2e-runs');
const RUN_DIR = path.join(RUNS_DIR, String(process.pid));
const SUITE_INDEX = WEB ? path.join(__dirname, 'web', 'index.js') : path.join(__dirname, 'suite', 'index.js');
const WORKSPACE_SOURCE = path.join(REPO_ROOT, 'test', 'e2e', 'workspace');
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

interface Profile {
  dir: string;
  userDataDir: string;
  extensionsDir: string;
  dataDir: string;
}
interface RunningServer {
  port: number;
  url: string;
  remoteAuthority: string;
  stop(): Promise<void>;
}
interface CodeServerModule {
  CHROMIUM: string;
  CODE_SERVER_VERSION: string;
  FLOOR_CODE_SERVER_VERSION: string;
  ensureCodeServer(options?: { force?: boolean; browser?: boolean; version?: string }): Promise<string>;
  makeProfile(name: string, settings?: Record<string, unknown>): Profile;
  startCodeServer(options: {
    port?: number;
    folder?: string;
    profile?: Profile;
    env?: Record<string, string>;
    logFile?: string;
    timeoutMs?: number;
    quiet?: boolean;
    version?: string;
  }): Promise<RunningServer>;
  workbenchUrl(options: {
    url: string;
    remoteAuthority: string;
    folder?: string;
    extensionDevelopmentPath?: string;
    extensionDevelopmentKind?: 'web' | 'workspace' | 'ui';
    extensionTestsPath?: string;
    openFile?: string;
  }): string;
}

interface TestResult {
  title: string;
  fullTitle: string;
  file?: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}
interface Results {
  host: string;
  vscodeVersion?: string;
  done: boolean;
  passed: number;
  failed: number;
  pending: number;
  tests: TestResult[];
}
/** What a test asks the launcher to look at or do in the browser (helpers.ts), with the time it may take. */
type BrowserCheck = SuiteBrowserCheck & { timeoutMs?: number };

interface Options {
  grep?: string;
  timeoutMs: number;
  startTimeoutMs: number;
  headed: boolean;
  web: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Options = {
    grep: process.env.PROGRAMME_E2E_GREP || undefined,
    timeoutMs: (Number(process.env.PROGRAMME_E2E_TIMEOUT) || 480) * 1000,
    startTimeoutMs: 180_000,
    headed: false,
    web: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--grep' || arg === '-g') options.grep = value();
    else if (arg === '--timeout') options.timeoutMs = Number(value()) * 1000;
    else if (arg === '--headed') options.headed = true;
    else if (arg === '--web') options.web = true;
    else if (arg === '--floor')
      continue; // read above, into FLOOR
    else throw new Error(`unknown argument ${arg} (use --grep PATTERN, --timeout SECONDS, --headed, --web, --floor)`);
  }
  return options;
}

function log(message: string): void {
  process.stdout.write(`[e2e] ${message}\n`);
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}

function readResults(file: string): Results | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Results;
  } catch {
    return undefined; // not written yet
  }
}

function indent(text: string, prefix = '      '): string {
  return text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}

/** The message, and of the stack only the first frame in the tests' own files. */
function briefError(error: string): string {
  const lines = error.split('\n');
  const message = lines.filter((line) => !/^\s+at /.test(line));
  const ownFrame = lines.find((line) => /^\s+at /.test(line) && line.includes(path.join('out', 'test', 'e2e')));
  return [...message, ...(ownFrame ? [ownFrame.trim().replace(REPO_ROOT + path.sep, '')] : [])].join('\n');
}

function removeDeadRuns(): void {
  if (!fs.existsSync(RUNS_DIR)) return;
  for (const name of fs.readdirSync(RUNS_DIR)) {
    const pid = Number(name);
    let alive: boolean;
    try {
      process.kill(pid, 0);
      alive = true;
    } catch {
      alive = false;
    }
    if (!alive || pid === process.pid) fs.rmSync(path.join(RUNS_DIR, name), { recursive: true, force: true });
  }
}

async function loadCodeServerModule(): Promise<CodeServerModule> {
  const file = pathToFileURL(path.join(REPO_ROOT, 'scripts', 'codeServer.mjs')).href;
  return (await import(file)) as CodeServerModule;
}

function shown(file: string | undefined): string {
  return file ? path.relative(REPO_ROOT, file) : 'none';
}

/** Substring test that ignores case (CSS may transform it) and how whitespace is laid out. */
function includesLoosely(text: string, wanted: string): boolean {
  const normal = (value: string): string => value.replace(/\s+/g, ' ').trim().toLowerCase();
  return normal(text).includes(normal(wanted));
}

/** Looks through every frame of the page (webviews are nested iframes) for `expect`. */
async function checkWebviewText(page: Page, check: BrowserCheck): Promise<{ ok: boolean; message: string; text?: string; screenshot?: string }> {
  const deadline = Date.now() + (check.timeoutMs ?? 60_000);
  let webviewTexts: string[] = [];
  for (;;) {
    webviewTexts = [];
    for (const frame of page.frames()) {
      // Webviews live in iframes served from .../contrib/webview/browser/pre/ (index.html,
      // which holds the content in a nested fake.html frame); other iframes (the web worker
      // extension host) are not webviews.
      if (frame === page.mainFrame() || !frame.url().includes('/webview/')) continue;
      let text = '';
      try {
        text = await frame.evaluate(() => (document.body ? document.body.innerText : ''));
      } catch {
        continue; // detached or navigating
      }
      if (!text.trim()) continue;
      webviewTexts.push(text);
      if (check.expect.every((wanted) => includesLoosely(text, wanted))) {
        let screenshot: string | undefined;
        if (check.screenshot) {
          screenshot = path.join(RESULTS_DIR, check.screenshot);
          await page.screenshot({ path: screenshot });
        }
        return {
          ok: true,
          message: `found ${check.expect.map((t) => JSON.stringify(t)).join(', ')} in a webview (${frame.url().split('?')[0]})`,
          text,
          screenshot,
        };
      }
    }
    if (Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  let screenshot: string | undefined;
  if (check.screenshot) {
    screenshot = path.join(RESULTS_DIR, check.screenshot.replace(/\.png$/, '') + '-failed.png');
    await page.screenshot({ path: screenshot }).catch(() => undefined);
  }
  const missing = check.expect.filter((wanted) => !webviewTexts.some((text) => includesLoosely(text, wanted)));
  return {
    ok: false,
    message:
      webviewTexts.length === 0
        ? `no webview with any text appeared in the page (screenshot: ${shown(screenshot)})`
        : `no webview shows all of ${check.expect.map((t) => JSON.stringify(t)).join(', ')}; missing: ` +
          `${missing.map((t) => JSON.stringify(t)).join(', ')} (screenshot: ${shown(screenshot)})`,
    text: webviewTexts.join('\n-----\n'),
    screenshot,
  };
}

/** The preview's frame (a webview) that shows the slot titled `title`, and the slot's selector. */
async function slotFrame(page: Page, title: string, deadline: number): Promise<{ frame: Frame; selector: string } | undefined> {
  for (;;) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame() || !frame.url().includes('/webview/')) continue;
      try {
        const index = await frame.evaluate((wanted) => {
          const all = Array.from(document.querySelectorAll<HTMLElement>('[data-key]'));
          return all.findIndex((el) => el.querySelector('.slot-title')?.textContent === wanted);
        }, title);
        if (index >= 0) return { frame, selector: `[data-key] >> nth=${index}` };
      } catch {
        continue; // detached or navigating
      }
    }
    if (Date.now() > deadline) return undefined;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Drags a slot of the preview with the mouse, as a user does: by `dy` pixels, or to `toMinute`
 * of the first day's column `column`; or presses `key` with the slot focused.
 */
async function actOnSlot(page: Page, check: BrowserCheck): Promise<{ ok: boolean; message: string }> {
  const deadline = Date.now() + (check.timeoutMs ?? 30_000);
  const found = check.title ? await slotFrame(page, check.title, deadline) : undefined;
  if (!found) return { ok: false, message: `no webview shows a slot titled ${JSON.stringify(check.title)}` };
  const slot = found.frame.locator(found.selector);
  // Only slots the host allows to move have the grab cursor: wait for it (the host says so with the schedule).
  await found.frame.waitForSelector('.layout.editable', { timeout: Math.max(1000, deadline - Date.now()) }).catch(() => undefined);
  if (check.kind === 'webviewPress') {
    await slot.focus();
    await slot.press(check.key ?? 'Alt+ArrowDown');
    return { ok: true, message: `pressed ${check.key} on ${JSON.stringify(check.title)}` };
  }
  await slot.scrollIntoViewIfNeeded();
  const box = await slot.boundingBox();
  if (!box) return { ok: false, message: `the slot ${JSON.stringify(check.title)} has no box` };
  const x0 = box.x + Math.min(40, box.width / 2),
    y0 = check.edge ? box.y + box.height - 2 : box.y + Math.min(8, box.height / 2);
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  // A few pixels first: the drag starts; then (for a drop far away) the page scrolls to the target, as a wheel would.
  await page.mouse.move(x0, y0 - 6, { steps: 3 });
  let x1 = x0,
    y1 = y0 + (check.dy ?? 0);
  if (check.toMinute !== undefined) {
    const lane = found.frame
      .locator('.grid-body')
      .first()
      .locator('.grid-lane')
      .nth(check.column ?? 0);
    await lane.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const laneBox = await lane.boundingBox();
    if (!laneBox) {
      await page.mouse.up();
      return { ok: false, message: 'the timeline has no such column' };
    }
    const grab = await slot.evaluate((el) => (el.classList.contains('slot') ? 8 : 0));
    x1 = laneBox.x + laneBox.width / 2;
    y1 = laneBox.y + check.toMinute * 2.8 + 1 + Math.min(grab, box.height / 2);
  }
  if (check.onto) {
    const target = found.frame.locator(check.onto).first();
    await target.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const targetBox = await target.boundingBox();
    if (!targetBox) {
      await page.mouse.up();
      return { ok: false, message: `nothing like ${check.onto} in the preview` };
    }
    x1 = targetBox.x + Math.min(40, targetBox.width / 2);
    y1 = targetBox.y + targetBox.height / 2;
  }
  const steps = 12;
  for (let i = 1; i <= steps; i++) await page.mouse.move(x0 + ((x1 - x0) * i) / steps, y0 - 6 + ((y1 - y0 + 6) * i) / steps);
  await page.mouse.up();
  return { ok: true, message: `dragged ${JSON.stringify(check.title)} from ${Math.round(x0)},${Math.round(y0)} to ${Math.round(x1)},${Math.round(y1)}` };
}

/**
 * Keystroke → preview repaint: with the cursor in the editor inside the title of the slot
 * `title` (the suite puts it there), types `x` and Backspace in turn with the keyboard, and
 * times each from the key press to the next frame the preview paints after showing the slot's
 * new title. The times (ms) go to test-results/repaint.json for `npm run bench`.
 */
async function typingRepaint(page: Page, check: BrowserCheck): Promise<{ ok: boolean; message: string; text?: string }> {
  const deadline = Date.now() + (check.timeoutMs ?? 60_000);
  const title = check.title ?? '';
  const found = await slotFrame(page, title, deadline);
  if (!found) return { ok: false, message: `no webview shows a slot titled ${JSON.stringify(title)}` };
  const key = await found.frame.locator(found.selector).getAttribute('data-key');
  const times: number[] = [];
  const toWebview: number[] = [];
  const runs = check.runs ?? 20;
  for (let i = 0; i < runs; i++) {
    const typing = i % 2 === 0;
    // The title as it is once this keystroke is shown (the cursor is after its first character).
    const wanted = typing ? title.slice(0, 1) + 'x' + title.slice(1) : title;
    await found.frame.evaluate(
      ({ key, wanted }) => {
        const w = window as unknown as { repainted?: Promise<number>; received?: number };
        w.received = undefined;
        const got = (e: MessageEvent): void => {
          if ((e.data as { type?: string } | null)?.type !== 'update') return;
          w.received = Date.now();
          window.removeEventListener('message', got);
        };
        window.addEventListener('message', got);
        w.repainted = new Promise<number>((resolve) => {
          const shows = (): boolean => document.querySelector(`[data-key="${CSS.escape(key)}"] .slot-title`)?.textContent === wanted;
          const done = (): void => {
            requestAnimationFrame(() => setTimeout(() => resolve(Date.now()), 0));
          };
          const observer = new MutationObserver(() => {
            if (!shows()) return;
            observer.disconnect();
            done();
          });
          observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        });
      },
      { key: key ?? '', wanted },
    );
    await new Promise((resolve) => setTimeout(resolve, 150));
    const t0 = Date.now();
    await page.keyboard.press(typing ? 'x' : 'Backspace');
    const painted = await Promise.race([
      found.frame.evaluate(() => (window as unknown as { repainted: Promise<number> }).repainted),
      new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), Math.max(1000, deadline - Date.now()))),
    ]);
    if (painted === undefined) return { ok: false, message: `keystroke ${i + 1}: the preview did not show ${JSON.stringify(wanted)}` };
    times.push(painted - t0);
    const received = await found.frame.evaluate(() => (window as unknown as { received?: number }).received);
    // From the key press to the first message the preview got (the editor, the server, the host).
    if (received !== undefined) toWebview.push(received - t0);
  }
  fs.writeFileSync(path.join(RESULTS_DIR, 'repaint.json'), JSON.stringify({ title, times, toWebview }, null, 2) + '\n');
  const text = await found.frame.evaluate(() => document.body.innerText);
  return { ok: true, message: `${runs} keystrokes repainted: ${times.join(', ')} ms`, text };
}

/** Waits until VS Code's suggestion list (in the workbench page) shows every text of `expect`. */
async function checkSuggestions(page: Page, check: BrowserCheck): Promise<{ ok: boolean; message: string; text?: string }> {
  const deadline = Date.now() + (check.timeoutMs ?? 20_000);
  let rows: string[] = [];
  for (;;) {
    rows = await page
      .evaluate(() =>
        Array.from(document.querySelectorAll('.suggest-widget.visible .monaco-list-row')).map((row) => row.getAttribute('aria-label') || row.textContent || ''),
      )
      .catch(() => []);
    const missing = check.expect.filter((wanted) => !rows.some((row) => includesLoosely(row, wanted)));
    if (!missing.length) return { ok: true, message: `the suggestion list shows ${check.expect.join(', ')}`, text: rows.join('\n') };
    if (Date.now() > deadline) {
      return {
        ok: false,
        message: rows.length ? `the suggestion list does not show ${missing.join(', ')}` : 'no suggestion list is visible',
        text: rows.join('\n'),
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const started = Date.now();
  fs.mkdirSync(RESULTS_DIR, { recursive: true });

  const extensionRoot = process.env.PROGRAMME_E2E_EXTENSION || REPO_ROOT;
  const manifest = JSON.parse(fs.readFileSync(path.join(extensionRoot, 'package.json'), 'utf8')) as {
    name?: string;
    publisher?: string;
    main?: string;
    browser?: string;
  };
  const entry = options.web ? 'browser' : 'main';
  const entryFile = manifest[entry];
  if (!entryFile) log(`warning: package.json has no "${entry}": the extension under test has no code to activate${options.web ? ' as a web extension' : ''}`);
  else if (!fs.existsSync(path.join(extensionRoot, entryFile))) {
    log(`warning: ${entryFile} does not exist: run \`npm run build\` first (the tests will fail without it)`);
  }
  if (!fs.existsSync(SUITE_INDEX)) throw new Error(`${path.relative(REPO_ROOT, SUITE_INDEX)} is missing: run \`node scripts/e2eBuild.mjs\``);

  const codeServer = await loadCodeServerModule();
  const installStarted = Date.now();
  const version = FLOOR ? codeServer.FLOOR_CODE_SERVER_VERSION : codeServer.CODE_SERVER_VERSION;
  await codeServer.ensureCodeServer({ browser: true, version });
  log(`code-server ${version} ready (${seconds(installStarted)})`);

  // A fresh copy of the workspace, profile and bridge for this run; runs whose launcher is
  // gone leave their folders behind only when killed, and are removed here.
  removeDeadRuns();
  fs.rmSync(RUN_DIR, { recursive: true, force: true });
  const workspace = path.join(RUN_DIR, 'workspace');
  const bridge = path.join(RUN_DIR, 'bridge');
  fs.cpSync(WORKSPACE_SOURCE, workspace, { recursive: true });
  fs.mkdirSync(bridge, { recursive: true });
  const resultsFile = path.join(RUN_DIR, 'results.json');
  for (const name of fs.readdirSync(RESULTS_DIR)) {
    // this launcher's own screenshots from an earlier run
    if (/^(preview.*|workbench|failed-\d+-.*)\.png$/.test(name)) fs.rmSync(path.join(RESULTS_DIR, name), { force: true });
  }
  // --web: the user setting `remote.extensionKind` makes this extension a web-only one, so the
  // workbench runs it in its web worker extension host (as vscode.dev would) rather than in
  // code-server's Node one. (The payload's `extensionDevelopmentKind`, below, says the same, but
  // VS Code 1.100's web workbench does not read it.)
  const extensionId = `${manifest.publisher}.${manifest.name}`;
  const profile = codeServer.makeProfile(path.join(RUN_DIR, 'profile'), options.web ? { 'remote.extensionKind': { [extensionId]: ['web'] } } : {});
  if (options.web) {
    // A web worker has no environment: web/index.js reads the run's settings from here (beside
    // the workspace folder) through vscode.workspace.fs.
    fs.writeFileSync(
      path.join(RUN_DIR, 'e2e-config.json'),
      JSON.stringify({ host: 'code-server (web worker extension host)', results: resultsFile, bridge, grep: options.grep }),
    );
  }

  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let consoleLog: fs.WriteStream | undefined;
  let cleaning: Promise<void> | undefined;
  const cleanup = (): Promise<void> =>
    (cleaning ??= (async () => {
      await Promise.race([
        (async () => {
          await context?.close().catch(() => undefined);
          await browser?.close().catch(() => undefined);
        })(),
        new Promise((resolve) => setTimeout(resolve, 10_000)),
      ]);
      await server?.stop().catch(() => undefined);
      await new Promise<void>((resolve) => (consoleLog && !consoleLog.closed ? consoleLog.end(resolve) : resolve()));
      // Keep what tells about the run, then drop the run's folder.
      for (const [from, to] of [
        [resultsFile, 'e2e-results.json'],
        [path.join(RUN_DIR, 'code-server.log'), 'code-server.log'],
        [path.join(RUN_DIR, 'browser-console.log'), 'browser-console.log'],
        [path.join(profile.userDataDir, 'logs'), 'vscode-logs'],
      ]) {
        fs.rmSync(path.join(RESULTS_DIR, to), { recursive: true, force: true });
        if (fs.existsSync(from)) fs.cpSync(from, path.join(RESULTS_DIR, to), { recursive: true });
      }
      fs.rmSync(RUN_DIR, { recursive: true, force: true });
    })());
  const onSignal = (signal: NodeJS.Signals): void => {
    log(`${signal}: stopping code-server and Chromium`);
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    const serverStarted = Date.now();
    server = await codeServer.startCodeServer({
      folder: workspace,
      profile,
      quiet: true,
      version,
      logFile: path.join(RUN_DIR, 'code-server.log'),
      env: {
        PROGRAMME_E2E_HOST: 'code-server',
        PROGRAMME_E2E_RESULTS: resultsFile,
        PROGRAMME_E2E_BRIDGE: bridge,
        ...(options.grep ? { PROGRAMME_E2E_GREP: options.grep } : {}),
      },
    });
    log(`code-server listening on ${server.url} (${seconds(serverStarted)})`);

    browser = await chromium.launch({
      executablePath: codeServer.CHROMIUM,
      headless: !options.headed,
      args: CHROMIUM_ARGS,
    });
    context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const page = await context.newPage();
    const consoleFile = fs.createWriteStream(path.join(RUN_DIR, 'browser-console.log'));
    consoleLog = consoleFile;
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      const text = message.text();
      consoleFile.write(`[${message.type()}] ${text}\n`);
      if (message.type() === 'error') consoleErrors.push(text.replace(/%c\s*ERR color: #f33\s*/, '').split('\n')[0]);
    });
    page.on('pageerror', (error) => consoleFile.write(`[pageerror] ${error.stack ?? error.message}\n`));
    let hostExit: number | undefined;
    await page.exposeFunction('codeAutomationExit', (code: number) => {
      hostExit = code;
    });

    const url = codeServer.workbenchUrl({
      url: server.url,
      remoteAuthority: server.remoteAuthority,
      folder: workspace,
      // PROGRAMME_E2E_EXTENSION: another extension folder, for trying the harness itself
      extensionDevelopmentPath: process.env.PROGRAMME_E2E_EXTENSION || REPO_ROOT,
      // The extension under development runs where its kind says; `web` forces the web worker
      // extension host even though code-server also has a Node one.
      ...(options.web ? { extensionDevelopmentKind: 'web' as const } : {}),
      extensionTestsPath: SUITE_INDEX,
    });
    const pageStarted = Date.now();
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    log(`workbench loaded (${seconds(pageStarted)}); waiting for the tests`);

    const runStarted = Date.now();
    const reported = new Set<number>();
    const answered = new Set<string>();
    let results: Results | undefined;
    let failure: string | undefined;
    for (;;) {
      results = readResults(resultsFile);
      // Progress, test by test, and a screenshot at each failure.
      for (const [index, test] of (results?.tests ?? []).entries()) {
        if (reported.has(index)) continue;
        reported.add(index);
        const mark = test.state === 'passed' ? 'ok  ' : test.state === 'failed' ? 'FAIL' : 'skip';
        log(`${mark} ${test.fullTitle}${test.durationMs !== undefined ? ` (${test.durationMs} ms)` : ''}`);
        if (test.state === 'failed') {
          await page.screenshot({ path: path.join(RESULTS_DIR, `failed-${index + 1}-${slug(test.title)}.png`) }).catch(() => undefined);
        }
      }
      if (results?.done) break;
      // Requests from the suite about what the browser shows.
      for (const name of fs.readdirSync(bridge)) {
        const match = /^request-(\d+)\.json$/.exec(name);
        if (!match || answered.has(name)) continue;
        answered.add(name);
        const check = JSON.parse(fs.readFileSync(path.join(bridge, name), 'utf8')) as BrowserCheck;
        const answer =
          check.kind === 'webviewText'
            ? await checkWebviewText(page, check)
            : check.kind === 'suggestions'
              ? await checkSuggestions(page, check)
              : check.kind === 'webviewDrag' || check.kind === 'webviewPress'
                ? await actOnSlot(page, check)
                : check.kind === 'typingRepaint'
                  ? await typingRepaint(page, check)
                  : { ok: false, message: `unknown request kind ${check.kind}` };
        const responseFile = path.join(bridge, `response-${match[1]}.json`);
        fs.writeFileSync(`${responseFile}.tmp`, JSON.stringify(answer));
        fs.renameSync(`${responseFile}.tmp`, responseFile);
      }
      if (hostExit !== undefined) {
        // The extension host exits after run(); a last look at the results decides.
        results = readResults(resultsFile);
        if (!results?.done) failure = `the extension host exited (code ${hostExit}) before the tests finished`;
        break;
      }
      if (!results && Date.now() - runStarted > options.startTimeoutMs) {
        failure =
          `the tests did not start within ${options.startTimeoutMs / 1000} s of the workbench loading ` +
          '(see test-results/browser-console.log and test-results/code-server.log)';
        break;
      }
      if (Date.now() - runStarted > options.timeoutMs) {
        failure = `timed out after ${options.timeoutMs / 1000} s waiting for the tests to finish`;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await page.screenshot({ path: path.join(RESULTS_DIR, 'workbench.png') }).catch(() => undefined);

    // Summary
    const tests = results?.tests ?? [];
    const failed = tests.filter((test) => test.state === 'failed');
    console.log('');
    if (results?.vscodeVersion) log(`VS Code ${results.vscodeVersion} (${options.web ? 'code-server, web worker extension host' : 'code-server'})`);
    for (const test of failed) {
      console.log(`  FAIL ${test.fullTitle}`);
      if (test.error) console.log(indent(briefError(test.error)));
    }
    if (failure) {
      console.log(`  ERROR ${failure}`);
      const recent = [...new Set(consoleErrors.filter((text) => !/Failed to load resource|ENOTFOUND|ERR_NAME_NOT_RESOLVED/.test(text)))].slice(-8);
      if (recent.length) console.log(`  last errors in the browser console:\n${indent(recent.join('\n'))}`);
    }
    if (!failure && tests.length === 0) failure = 'no test ran (check --grep)';
    log(`artifacts in ${path.relative(REPO_ROOT, RESULTS_DIR)}/; whole run ${seconds(started)}`);
    const passed = tests.filter((test) => test.state === 'passed').length;
    const pending = tests.filter((test) => test.state === 'pending').length;
    console.log(`${passed} passed, ${failed.length + (failure ? 1 : 0)} failed${pending ? `, ${pending} skipped` : ''}`);
    return failed.length === 0 && !failure ? 0 : 1;
  } finally {
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[e2e] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
