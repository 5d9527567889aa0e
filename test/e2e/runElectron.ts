// Runs the same end-to-end suite in desktop VS Code through @vscode/test-electron. It needs a
// VS Code: the one named by VSCODE_EXECUTABLE (a local install, e.g. /usr/share/code/code),
// else @vscode/test-electron downloads one (VSCODE_VERSION, default "stable"), which needs the
// internet. On a machine without a display, run it under xvfb-run. The preview test checks
// only that the webview opens here: its content is checked in the code-server run.
//
//   VSCODE_EXECUTABLE=/path/to/code node out/test/e2e/runElectron.js [--grep PATTERN]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const RESULTS_DIR = path.join(REPO_ROOT, 'test-results');
const RUN_DIR = path.join(REPO_ROOT, '.vscode-test', 'e2e-runs', `electron-${process.pid}`);

interface TestResult {
  fullTitle: string;
  state: 'passed' | 'failed' | 'pending';
  error?: string;
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  let grep = process.env.PROGRAMME_E2E_GREP;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--grep' || argv[i] === '-g') grep = argv[++i];
    else throw new Error(`unknown argument ${argv[i]} (use --grep PATTERN)`);
  }
  fs.rmSync(RUN_DIR, { recursive: true, force: true });
  const workspace = path.join(RUN_DIR, 'workspace');
  fs.cpSync(path.join(REPO_ROOT, 'test', 'e2e', 'workspace'), workspace, { recursive: true });
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const resultsFile = path.join(RESULTS_DIR, 'e2e-results.json');
  fs.rmSync(resultsFile, { force: true });

  let exitCode: number;
  try {
    exitCode = await runTests({
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
      version: process.env.VSCODE_VERSION || undefined,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      extensionTestsEnv: {
        PROGRAMME_E2E_HOST: 'electron',
        PROGRAMME_E2E_RESULTS: resultsFile,
        ...(grep ? { PROGRAMME_E2E_GREP: grep } : {}),
      },
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--user-data-dir',
        path.join(RUN_DIR, 'user-data'),
        '--extensions-dir',
        path.join(RUN_DIR, 'extensions'),
      ],
    });
  } catch (error) {
    console.error(`[e2e] VS Code run failed: ${error instanceof Error ? error.message : String(error)}`);
    exitCode = 1;
  }

  fs.rmSync(RUN_DIR, { recursive: true, force: true });
  let tests: TestResult[] = [];
  let done = false;
  try {
    const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as { done: boolean; tests: TestResult[] };
    tests = results.tests;
    done = results.done;
  } catch {
    console.error('[e2e] the suite wrote no results');
  }
  const failed = tests.filter((test) => test.state === 'failed');
  for (const test of failed) console.log(`  FAIL ${test.fullTitle}\n${test.error ?? ''}`);
  const passed = tests.filter((test) => test.state === 'passed').length;
  const broken = !done || tests.length === 0 || (exitCode !== 0 && failed.length === 0) ? 1 : 0;
  console.log(`${passed} passed, ${failed.length + broken} failed`);
  return failed.length > 0 || broken ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
