#!/usr/bin/env node
// `npm run test:e2e`: builds the extension (npm run build) and the end-to-end tests, then runs
// them inside a real VS Code.
//
//   npm run test:e2e                          code-server + Chromium, offline (installs both when missing)
//   npm run test:e2e -- --grep hover          only the tests whose title matches
//   npm run test:e2e -- --electron            desktop VS Code via @vscode/test-electron
//                                             (VSCODE_EXECUTABLE=/path/to/code, else it downloads one)
//   npm run test:e2e -- --no-build            skip `npm run build` (the e2e files are always rebuilt)
//   npm run test:e2e -- --floor               on the oldest VS Code engines.vscode allows (code-server 4.93.1)
//   npm run test:e2e -- --timeout 600         seconds the tests may take once VS Code is up
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildE2e, E2E_OUT } from './e2eBuild.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function step(command, args) {
  process.stderr.write(`[e2e] $ ${command} ${args.join(' ')}\n`);
  const result = spawnSync(command, args, { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    process.stderr.write(`[e2e] \`${command} ${args.join(' ')}\` failed (exit code ${result.status})\n`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

const args = process.argv.slice(2);
const electron = args.includes('--electron');
const build = !args.includes('--no-build');
const passThrough = args.filter((arg) => arg !== '--electron' && arg !== '--no-build');

if (build) {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  if (manifest.scripts?.build) step('npm', ['run', 'build']);
  else process.stderr.write('[e2e] warning: package.json has no "build" script; testing whatever dist/ holds\n');
}
step(process.execPath, [path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join('test', 'e2e', 'tsconfig.json')]);
await buildE2e();

const launcher = path.join(E2E_OUT, electron ? 'runElectron.js' : 'runCodeServer.js');
const child = spawn(process.execPath, [launcher, ...passThrough], { cwd: REPO_ROOT, stdio: 'inherit' });
// Ctrl-C reaches the launcher too (same process group); it stops VS Code and the browser.
const ignore = () => undefined;
process.on('SIGINT', ignore);
process.on('SIGTERM', () => child.kill('SIGTERM'));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
