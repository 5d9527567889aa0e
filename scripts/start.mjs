#!/usr/bin/env node
// `npm start`: builds the extension, then serves a real VS Code (code-server, installed into
// .vscode-test/ when missing, each install step printed with its time) with the extension
// under development loaded, opened on a scratch copy of the LPC 2021 example
// (.vscode-test/playground/, never the tracked file: code-server saves as you type). Open the
// printed short address in a browser (it redirects to the workbench); Ctrl-C stops it.
//
//   npm start
//   npm start -- --open path/to/file.programme.yaml     a file (its folder is opened) or a folder
//   npm start -- --port 9000                            else PORT, else 8080 or the next free port
//   npm start -- --no-build                             skip `npm run build`
//   PROGRAMME_OPEN=path/to/folder npm start
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { CACHE_DIR, REPO_ROOT, canListenOnLoopback, ensureCodeServer, findFreePort, makeProfile, startCodeServer, workbenchUrl } from './codeServer.mjs';

const DEFAULT_OPEN = path.join('examples', 'lpc2021-vfio-iommu-pci.programme.yaml');

function fail(message) {
  process.stderr.write(`[start] ${message}\n`);
  process.exit(1);
}

function parseArgs(argv) {
  const options = { open: process.env.PROGRAMME_OPEN || undefined, port: process.env.PORT || undefined, build: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) fail(`${arg} needs a value`);
      return next;
    };
    if (arg === '--open') options.open = value();
    else if (arg.startsWith('--open=')) options.open = arg.slice('--open='.length);
    else if (arg === '--port') options.port = value();
    else if (arg.startsWith('--port=')) options.port = arg.slice('--port='.length);
    else if (arg === '--no-build') options.build = false;
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write('npm start [-- --open FILE|FOLDER] [--port N] [--no-build]\n');
      process.exit(0);
    } else fail(`unknown argument ${arg} (use --open FILE|FOLDER, --port N, --no-build)`);
  }
  return options;
}

const options = parseArgs(process.argv.slice(2));

// What to open: relative paths are taken from where the command was typed (npm runs scripts
// from the package root and keeps the original folder in INIT_CWD).
let folder;
let openFile;
if (options.open) {
  const target = path.resolve(process.env.INIT_CWD || process.cwd(), options.open);
  if (!fs.existsSync(target)) fail(`--open: ${target} does not exist`);
  if (fs.statSync(target).isDirectory()) folder = target;
  else {
    openFile = target;
    folder = path.dirname(target);
  }
} else {
  // A copy to play with, kept across starts (delete the folder to start over).
  folder = path.join(CACHE_DIR, 'playground');
  openFile = path.join(folder, path.basename(DEFAULT_OPEN));
  if (!fs.existsSync(openFile)) {
    fs.mkdirSync(folder, { recursive: true });
    fs.copyFileSync(path.join(REPO_ROOT, DEFAULT_OPEN), openFile);
  }
}

let port;
if (options.port !== undefined) {
  port = Number(options.port);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) fail(`not a port: ${options.port}`);
  if (!(await canListenOnLoopback(port))) fail(`port ${port} is in use on 127.0.0.1`);
}

if (options.build) {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  if (manifest.scripts?.build) {
    process.stderr.write('[start] $ npm run build\n');
    const result = spawnSync('npm', ['run', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
    if (result.status !== 0) fail('`npm run build` failed');
  } else {
    process.stderr.write('[start] warning: package.json has no "build" script; using whatever dist/ holds\n');
  }
}

try {
  const started = Date.now();
  // The first start installs code-server: its steps and their times are printed as they go.
  await ensureCodeServer({ browser: false, progress: (line) => process.stderr.write(`[start] ${line}\n`) }); // the browser is the user's own
  process.stderr.write(`[start] code-server ready (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
} catch (error) {
  fail(error.message);
}

port ??= await findFreePort(8080);
const profile = makeProfile(`start-${port}`); // one per port: two servers may run side by side
const logFile = path.join(profile.dir, 'code-server.log');
let server;
try {
  // code-server on a port of its own; the short address on `port` redirects to it.
  server = await startCodeServer({ port: await findFreePort(), folder, profile, quiet: true, logFile });
} catch (error) {
  fail(error.message);
}
const url = workbenchUrl({
  url: server.url,
  remoteAuthority: server.remoteAuthority,
  folder,
  extensionDevelopmentPath: REPO_ROOT,
  openFile,
});

// The workbench address carries the extension's path and the file to open (a few hundred
// characters): the short one redirects to it.
const shortUrl = `http://127.0.0.1:${port}/`;
const redirect = http.createServer((request, response) => {
  response.writeHead(302, { Location: url, 'Cache-Control': 'no-store' });
  response.end();
});
await new Promise((resolve, reject) => {
  redirect.once('error', reject);
  redirect.listen(port, '127.0.0.1', resolve);
}).catch((error) => fail(`cannot listen on ${shortUrl}: ${error.message}`));

process.stdout.write(
  `\nVS Code (code-server) with the Conference Programme extension under development:\n\n` +
    `  ${shortUrl}\n\n` +
    `Folder: ${folder}\n` +
    (openFile ? `File:   ${openFile}\n` : '') +
    `Log:    ${path.relative(REPO_ROOT, logFile)}\n` +
    'After rebuilding (npm run build), reload the page. Ctrl-C stops the server.\n',
);

let stopping = false;
const stop = async (signal) => {
  if (stopping) return;
  stopping = true;
  process.stderr.write(`\n[start] ${signal}: stopping code-server\n`);
  redirect.close();
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
server.process.once('exit', async (code, signal) => {
  if (stopping) return;
  await server.stop(); // its extension host and helpers may outlive it
  fail(`code-server stopped on its own (code ${code}, signal ${signal}); see ${path.relative(REPO_ROOT, logFile)}`);
});
