// Entry point that VS Code's extension host calls (extensionTestsPath): runs every
// suite/*.test.js next to this file with mocha (ui tdd) and reports each test both on the
// console and in a JSON file that the launchers read (PROGRAMME_E2E_RESULTS, else
// test-results/e2e-results.json at the repository root).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RELOAD_SUITE, reloadMark } from './reload';

// mocha 12 is an ES module; its CommonJS build loads the same way in every extension host.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Mocha: typeof import('mocha') = require('mocha/lib/mocha.cjs');

export interface TestResult {
  title: string;
  fullTitle: string;
  file?: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

export interface Results {
  host: string;
  vscodeVersion?: string;
  startedAt: string;
  finishedAt?: string;
  done: boolean;
  passed: number;
  failed: number;
  pending: number;
  tests: TestResult[];
}

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');

function resultsFile(): string {
  return process.env.PROGRAMME_E2E_RESULTS || path.join(REPO_ROOT, 'test-results', 'e2e-results.json');
}

function write(file: string, results: Results): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(results, null, 2));
  fs.renameSync(`${file}.tmp`, file);
}

function errorText(error: unknown): string {
  if (error instanceof Error) {
    let text = error.stack || `${error.name}: ${error.message}`;
    if (!text.includes(error.message)) text = `${error.message}\n${text}`;
    return text;
  }
  return String(error);
}

export async function run(): Promise<void> {
  const file = resultsFile();
  let vscodeVersion: string | undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    vscodeVersion = (require('vscode') as typeof import('vscode')).version;
  } catch {
    vscodeVersion = undefined;
  }
  // After the reload test reloaded the window: the same run goes on, with only the suite that checks what came back.
  const mark = reloadMark();
  const resumed = mark && fs.existsSync(mark) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Results) : undefined;
  const results: Results = resumed ?? {
    host: process.env.PROGRAMME_E2E_HOST || 'vscode',
    vscodeVersion,
    startedAt: new Date().toISOString(),
    done: false,
    passed: 0,
    failed: 0,
    pending: 0,
    tests: [],
  };
  write(file, results);

  const mocha = new Mocha({
    ui: 'tdd',
    color: false,
    timeout: Number(process.env.PROGRAMME_E2E_TEST_TIMEOUT_MS) || 60_000,
    grep: resumed ? RELOAD_SUITE : process.env.PROGRAMME_E2E_GREP || undefined,
    reporter: 'spec',
  });

  // Load the test files the way mocha's own loadFiles does, with this host's require (which is
  // the one that knows the `vscode` module).
  const testFiles = fs
    .readdirSync(__dirname)
    .filter((name) => name.endsWith('.test.js'))
    .sort()
    .map((name) => path.join(__dirname, name));
  for (const testFile of testFiles) {
    mocha.suite.emit('pre-require', globalThis, testFile, mocha);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mocha.suite.emit('require', require(testFile), testFile, mocha);
    mocha.suite.emit('post-require', globalThis, testFile, mocha);
  }

  const record = (test: Mocha.Test, state: TestResult['state'], error?: unknown): void => {
    results.tests.push({
      title: test.title,
      fullTitle: test.fullTitle(),
      file: test.file ? path.basename(test.file) : undefined,
      state,
      durationMs: test.duration,
      error: error === undefined ? undefined : errorText(error),
    });
    results[state] += 1;
    write(file, results);
  };

  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', (test) => record(test, 'passed'));
    runner.on('fail', (runnable, error) => {
      if (runnable.type === 'test') {
        record(runnable as Mocha.Test, 'failed', error);
      } else {
        // A failing hook: report it as a failure under its own title.
        results.tests.push({
          title: runnable.title,
          fullTitle: runnable.fullTitle(),
          file: runnable.file ? path.basename(runnable.file) : undefined,
          state: 'failed',
          error: errorText(error),
        });
        results.failed += 1;
        write(file, results);
      }
    });
    runner.on('pending', (test) => record(test, 'pending'));
  });

  results.done = true;
  results.finishedAt = new Date().toISOString();
  write(file, results);
  // Failures are in the results; the launchers turn them into the exit code. Throwing here
  // as well makes @vscode/test-electron exit non-zero.
  if (results.failed > 0) {
    throw new Error(`${results.failed} end-to-end test(s) failed`);
  }
}
