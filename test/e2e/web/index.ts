// Entry point that VS Code's web worker extension host calls (extensionTestsPath) when the
// extension runs as a web extension (its package.json `browser` entry): runs, with mocha's
// browser build, the tests of what works on the web (diagnostics, language features, the
// preview) and reports each test in the results file the launcher follows, as suite/index.ts
// does in the Node extension host.
//
// A web worker has no environment and no Node file system: the launcher writes the run's
// settings to e2e-config.json beside the workspace folder, and the results go through
// vscode.workspace.fs to the machine that runs VS Code's server.
import * as vscode from 'vscode';
import type { Results, TestResult } from '../suite/index';

interface WebConfig {
  host: string;
  /** Absolute paths on the server's machine. */
  results: string;
  bridge: string;
  grep?: string;
  testTimeoutMs?: number;
}

// The tests of the web subset: that the extension runs here, then tests that are also part of
// the Node run. Loaded after mocha.setup().
const TESTS: Array<[string, () => unknown]> = [
  ['0-web-host.test', () => require('./0-web-host.test')],
  ['1-diagnostics.test', () => require('../suite/1-diagnostics.test')],
  ['2-language-features.test', () => require('../suite/2-language-features.test')],
  ['3-preview.test', () => require('../suite/3-preview.test')],
  ['4-reschedule.test', () => require('../suite/4-reschedule.test')],
];

function errorText(error: unknown): string {
  if (error instanceof Error) {
    let text = error.stack || `${error.name}: ${error.message}`;
    if (!text.includes(error.message)) text = `${error.message}\n${text}`;
    return text;
  }
  return String(error);
}

async function readConfig(workspace: vscode.Uri): Promise<WebConfig> {
  const file = vscode.Uri.joinPath(workspace, '..', 'e2e-config.json');
  return JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))) as WebConfig;
}

export async function run(): Promise<void> {
  const workspace = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!workspace) throw new Error('VS Code was started without a workspace folder');
  const config = await readConfig(workspace);
  (globalThis as { __programmeE2e?: { copies: number; requests: number; bridge?: string } }).__programmeE2e = {
    copies: 0,
    requests: 0,
    bridge: config.bridge,
  };

  const resultsUri = workspace.with({ path: config.results });
  const results: Results = {
    host: config.host,
    vscodeVersion: vscode.version,
    startedAt: new Date().toISOString(),
    done: false,
    passed: 0,
    failed: 0,
    pending: 0,
    tests: [],
  };
  // Writes one after the other, each through a temporary file (the launcher reads at any time).
  let writing: Promise<void> = Promise.resolve();
  const write = (): Promise<void> => {
    const text = JSON.stringify(results, null, 2);
    writing = writing.then(async () => {
      const temporary = resultsUri.with({ path: `${resultsUri.path}.tmp` });
      await vscode.workspace.fs.writeFile(temporary, new TextEncoder().encode(text));
      await vscode.workspace.fs.rename(temporary, resultsUri, { overwrite: true });
    });
    return writing;
  };
  await write();

  // mocha's browser build: defines the global `mocha`, whose setup() defines suite() and test().
  require('mocha/mocha.js');
  const { mocha, Mocha } = globalThis as unknown as {
    mocha: BrowserMocha;
    Mocha: { prototype: { run(this: BrowserMocha, done: (failures: number) => void): Mocha.Runner } };
  };
  mocha.setup({ ui: 'tdd', reporter: 'spec', color: false, timeout: config.testTimeoutMs ?? 60_000 });
  if (config.grep) mocha.grep(config.grep);
  for (const [name, load] of TESTS) {
    const before = mocha.suite.suites.length;
    load();
    for (const suite of mocha.suite.suites.slice(before)) suite.eachTest((test) => (test.file = name));
  }

  const record = (runnable: Mocha.Runnable, state: TestResult['state'], error?: unknown): void => {
    results.tests.push({
      title: runnable.title,
      fullTitle: runnable.fullTitle(),
      file: runnable.file,
      state,
      durationMs: runnable.duration,
      error: error === undefined ? undefined : errorText(error),
    });
    results[state] += 1;
    void write();
  };
  await new Promise<void>((resolve) => {
    // Mocha's own run(): the browser build's mocha.run() reads the page's location, which the
    // extension host's worker does not have.
    const runner = Mocha.prototype.run.call(mocha, () => resolve());
    runner.on('pass', (test) => record(test, 'passed'));
    // A failing hook is reported as a failure under its own title, as a test would be.
    runner.on('fail', (runnable, error) => record(runnable, 'failed', error));
    runner.on('pending', (test) => record(test, 'pending'));
  });

  results.done = true;
  results.finishedAt = new Date().toISOString();
  await write();
  if (results.failed > 0) throw new Error(`${results.failed} end-to-end test(s) failed`);
}

interface BrowserMocha {
  setup(options: { ui: 'tdd'; reporter: string; color: boolean; timeout: number }): void;
  grep(pattern: string): void;
  suite: Mocha.Suite;
}
