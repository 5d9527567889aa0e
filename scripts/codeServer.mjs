#!/usr/bin/env node
// Installs code-server (a real VS Code, served to a browser) into .vscode-test/code-server/
// without running any install step that downloads from outside the npm registry, and starts,
// waits for and stops it. Used by `npm start` (scripts/start.mjs) and by the end-to-end
// tests (test/e2e/runCodeServer.ts).
//
//   node scripts/codeServer.mjs install     install when missing (second run: instant)
//   node scripts/codeServer.mjs install --force
//   node scripts/codeServer.mjs install --floor   the oldest VS Code engines.vscode allows
//   node scripts/codeServer.mjs path        print the code-server entry point
//
// code-server's own postinstall fetches a ripgrep binary from the internet, so the package is
// installed with scripts off and its postinstall steps are done here by hand, using Debian's
// packages for what it would have downloaded.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
/**
 * The floor: code-server 4.93.1 is VS Code 1.93, the oldest VS Code that package.json's
 * engines.vscode (^1.93.0) allows; the end-to-end suite runs on it too. (The npm registry has
 * no code-server between 4.90.3, VS Code 1.90, and 4.93.1.)
 */
export const FLOOR_CODE_SERVER_VERSION = '4.93.1';
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CACHE_DIR = path.join(REPO_ROOT, '.vscode-test');
export const INSTALL_DIR = path.join(CACHE_DIR, 'code-server');
export const CHROMIUM = '/usr/bin/chromium';

/** Where one version of code-server lives: the current one in code-server/, others in code-server-VERSION/. */
export function installation(version = CODE_SERVER_VERSION) {
  const dir = version === CODE_SERVER_VERSION ? INSTALL_DIR : path.join(CACHE_DIR, `code-server-${version}`);
  const packageDir = path.join(dir, 'node_modules', 'code-server');
  return {
    version,
    dir,
    marker: path.join(dir, `.installed-${version}`),
    packageDir,
    vscodeDir: path.join(packageDir, 'lib', 'vscode'),
    entry: path.join(packageDir, 'out', 'node', 'entry.js'),
  };
}

const DEBIAN_PACKAGES = [
  // kerberos, a native module of VS Code's server, is compiled against it
  'libkrb5-dev',
  // VS Code's search runs rg; @vscode/ripgrep would download it
  'ripgrep',
  // the browser the end-to-end tests drive through playwright-core
  'chromium',
];
const NATIVE_MODULES = ['@parcel/watcher', '@vscode/spdlog', 'kerberos', 'native-watchdog', 'node-pty', '@vscode/deviceid'];

export const ENTRY = installation().entry;

function log(message) {
  process.stderr.write(`[code-server] ${message}\n`);
}

function run(command, args, cwd, extraEnv = {}) {
  log(`${path.relative(REPO_ROOT, cwd) || '.'}$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    cwd,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      npm_config_yes: 'true',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
      ...extraEnv,
    },
  });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`\`${command} ${args.join(' ')}\` in ${cwd} failed with exit code ${result.status}`);
  }
}

function isDebianPackageInstalled(name) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && /install ok installed/.test(result.stdout);
}

/** Installs the Debian packages that are missing; throws with a clear message when it cannot. */
export function ensureDebianPackages(packages = DEBIAN_PACKAGES) {
  const haveDpkg = spawnSync('dpkg-query', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!haveDpkg) {
    // Not Debian: accept the tools if they are simply there.
    const missing = [];
    if (!fs.existsSync(CHROMIUM) && packages.includes('chromium')) missing.push(`chromium (${CHROMIUM})`);
    if (!fs.existsSync('/usr/bin/rg') && packages.includes('ripgrep')) missing.push('ripgrep (/usr/bin/rg)');
    if (missing.length > 0) {
      throw new Error(`This is not a Debian system and these are missing: ${missing.join(', ')}.`);
    }
    return;
  }
  const missing = packages.filter((name) => !isDebianPackageInstalled(name));
  if (missing.length === 0) return;
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new Error(
      `These Debian packages are needed and missing: ${missing.join(' ')}.\n` +
        `Install them as root, then run this again:\n` +
        `  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing.join(' ')}`,
    );
  }
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update'], REPO_ROOT, env);
  run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], REPO_ROOT, env);
  const still = missing.filter((name) => !isDebianPackageInstalled(name));
  if (still.length > 0) throw new Error(`apt-get did not install: ${still.join(' ')}`);
}

export function isCodeServerInstalled(version = CODE_SERVER_VERSION) {
  const { marker, entry } = installation(version);
  return fs.existsSync(marker) && fs.existsSync(entry);
}

function symlink(target, linkPath) {
  try {
    const current = fs.readlinkSync(linkPath);
    if (current === target) return;
    fs.rmSync(linkPath, { force: true, recursive: true });
  } catch (error) {
    if (error.code === 'EINVAL') fs.rmSync(linkPath, { force: true, recursive: true });
    else if (error.code !== 'ENOENT') throw error;
  }
  fs.symlinkSync(target, linkPath);
}

async function withLock(version, fn) {
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const lock = path.join(CACHE_DIR, version === CODE_SERVER_VERSION ? 'code-server.install-lock' : `code-server-${version}.install-lock`);
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      // A lock whose owner is gone is stale.
      let owner = NaN;
      try {
        owner = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
      } catch {
        // being written or removed right now
      }
      let alive;
      if (Number.isInteger(owner) && owner > 0) {
        try {
          process.kill(owner, 0);
          alive = true;
        } catch {
          alive = false;
        }
      } else {
        alive = true; // give its owner the chance to write the pid
      }
      if (!alive) {
        fs.rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`Timed out waiting for another install (${lock}).`);
      if (isCodeServerInstalled(version)) return fn(false);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    return await fn(true);
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Installs the Debian packages and code-server into .vscode-test/code-server/ when missing
 * (with `browser: false`, Chromium is left out). Returns code-server's entry point (run it
 * with node).
 */
export async function ensureCodeServer({ force = false, browser = true, version = CODE_SERVER_VERSION, progress = log } = {}) {
  const { dir: INSTALL_DIR, marker: MARKER, vscodeDir: VSCODE_DIR, entry: ENTRY } = installation(version);
  // libkrb5-dev and ripgrep serve the install only; chromium only those who drive a browser.
  const needed = [];
  if (force || !isCodeServerInstalled(version)) needed.push('libkrb5-dev', 'ripgrep');
  if (browser) needed.push('chromium');
  ensureDebianPackages(needed);
  if (!force && isCodeServerInstalled(version)) return ENTRY;
  return withLock(version, async () => {
    if (!force && isCodeServerInstalled(version)) return ENTRY;
    const started = Date.now();
    let stepStarted = Date.now();
    let steps = 0;
    /** Each step says what it does, and when it is done, how long it took. */
    const step = (what, fn) => {
      steps += 1;
      progress(`step ${steps}/7: ${what}...`);
      stepStarted = Date.now();
      fn();
      progress(`step ${steps}/7: done in ${Math.round((Date.now() - stepStarted) / 1000)} s`);
    };
    fs.rmSync(MARKER, { force: true });
    fs.mkdirSync(INSTALL_DIR, { recursive: true });
    // Its own package.json keeps npm from walking up to the project's.
    fs.writeFileSync(path.join(INSTALL_DIR, 'package.json'), JSON.stringify({ name: 'code-server-cache', private: true }, null, 2) + '\n');

    // 1. The package, without its scripts (they download ripgrep).
    step(`code-server ${version} from npm`, () => run('npm', ['install', '--ignore-scripts', '--save-exact', `code-server@${version}`], INSTALL_DIR));
    // 2. argon2 is hoisted beside code-server.
    step('compiling argon2', () => run('npm', ['rebuild', 'argon2'], INSTALL_DIR));
    // 3. VS Code's server modules, and the native ones compiled for this Node.
    // --legacy-peer-deps: VS Code pins prereleases (@xterm/xterm 5.6.0-beta) that its own
    // addons' peer ranges do not name (code-server 4.93.1's npm install stops on it otherwise).
    step("VS Code's server modules", () => run('npm', ['install', '--omit=dev', '--ignore-scripts', '--legacy-peer-deps'], VSCODE_DIR));
    const natives = NATIVE_MODULES.filter((name) => fs.existsSync(path.join(VSCODE_DIR, 'node_modules', name)));
    step(`compiling native modules (${natives.join(', ')}): the longest step`, () => run('npm', ['rebuild', ...natives], VSCODE_DIR));
    // 4. Debian's rg where @vscode/ripgrep would have put its download.
    const rgSource = ['/usr/bin/rg', '/bin/rg'].find((candidate) => fs.existsSync(candidate));
    if (!rgSource) throw new Error('rg not found in /usr/bin (Debian package ripgrep).');
    const rgDir = path.join(VSCODE_DIR, 'node_modules', '@vscode', 'ripgrep', 'bin');
    fs.mkdirSync(rgDir, { recursive: true });
    fs.copyFileSync(rgSource, path.join(rgDir, 'rg'));
    fs.chmodSync(path.join(rgDir, 'rg'), 0o755);
    // 5. The links VS Code's postinstall would make.
    symlink('node_modules', path.join(VSCODE_DIR, 'node_modules.asar'));
    symlink('code-linux.sh', path.join(VSCODE_DIR, 'bin', 'remote-cli', 'code-server'));
    symlink('browser-linux.sh', path.join(VSCODE_DIR, 'bin', 'helpers', 'browser.sh'));
    progress('step 5/7: ripgrep and the links of the postinstall: done');
    steps = 5;
    // 6. The built-in extensions' own dependencies.
    step("the built-in extensions' modules", () => run('npm', ['install', '--omit=dev', '--ignore-scripts'], path.join(VSCODE_DIR, 'extensions')));

    if (!fs.existsSync(ENTRY)) throw new Error(`code-server entry point missing after install: ${ENTRY}`);
    fs.writeFileSync(MARKER, `${new Date().toISOString()}\n`);
    progress(`step 7/7: installed code-server ${version} in ${Math.round((Date.now() - started) / 1000)} s`);
    return ENTRY;
  });
}

// ---------------------------------------------------------------------------------------------
// Running it

/** Whether `port` is free on loopback. */
export function canListenOnLoopback(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** A free loopback port: `preferred` and the ones after it first when given, else any. */
export async function findFreePort(preferred) {
  if (preferred) {
    for (let port = preferred; port < preferred + 100 && port < 65536; port++) {
      if (await canListenOnLoopback(port)) return port;
    }
  }
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1' }, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function httpStatus(url) {
  return new Promise((resolve) => {
    const request = http.get(url, { timeout: 2000 }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.once('timeout', () => request.destroy());
    request.once('error', () => resolve(0));
  });
}

/** Polls `url` until it answers 2xx/3xx; rejects when `isDead()` says so or at the deadline. */
export async function waitForHttp(url, { timeoutMs = 60_000, isDead = () => undefined } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await httpStatus(url);
    if (status >= 200 && status < 400) return;
    const dead = isDead();
    if (dead) throw new Error(dead);
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Fresh --user-data-dir / --extensions-dir and user settings for one run: in
 * .vscode-test/profiles/NAME, or in the folder given by an absolute path.
 */
export function makeProfile(name, settings = {}) {
  const dir = path.isAbsolute(name) ? name : path.join(CACHE_DIR, 'profiles', name);
  fs.rmSync(dir, { recursive: true, force: true });
  const userDataDir = path.join(dir, 'user-data');
  const extensionsDir = path.join(dir, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.mkdirSync(path.join(dir, 'data'), { recursive: true });
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'workbench.welcomePage.walkthroughs.openOnInstall': false,
        'security.workspace.trust.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'extensions.ignoreRecommendations': true,
        'git.enabled': false,
        'npm.autoDetect': 'off',
        'typescript.tsc.autoDetect': 'off',
        'chat.commandCenter.enabled': false,
        'chat.disableAIFeatures': true,
        ...settings,
      },
      null,
      2,
    ) + '\n',
  );
  return { dir, userDataDir, extensionsDir, dataDir: path.join(dir, 'data') };
}

/**
 * Starts code-server on 127.0.0.1:port (a free one when not given) and waits until it answers.
 * Returns { port, url, process, stop() }. The server and all its children are in their own
 * process group, which stop() ends (TERM, then KILL after a grace period).
 */
export async function startCodeServer({
  port,
  folder,
  profile = makeProfile('default'),
  env = {},
  logFile,
  timeoutMs = 90_000,
  quiet = false,
  version = CODE_SERVER_VERSION,
} = {}) {
  const { entry: ENTRY } = installation(version);
  if (!fs.existsSync(ENTRY)) throw new Error(`code-server ${version} is not installed: run \`node scripts/codeServer.mjs install\`.`);
  port = port ?? (await findFreePort());
  const configFile = path.join(profile.dir, 'config.yaml');
  fs.writeFileSync(configFile, 'auth: none\ncert: false\n');
  const args = [
    ENTRY,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--config',
    configFile,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir',
    profile.userDataDir,
    '--extensions-dir',
    profile.extensionsDir,
  ];
  if (folder) args.push(folder);
  const output = logFile ? fs.openSync(logFile, 'w') : 'ignore';
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    detached: true, // own process group, so that stop() reaches the extension host and pty host too
    stdio: ['ignore', quiet ? output : 'pipe', quiet ? output : 'pipe'],
    env: {
      ...process.env,
      // keep code-server's own state (coder.json, heartbeat) out of the user's home
      XDG_DATA_HOME: profile.dataDir,
      XDG_CONFIG_HOME: path.join(profile.dir, 'config'),
      ...env,
    },
  });
  if (!quiet) {
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (chunk) => {
        if (logFile) fs.writeSync(output, chunk);
        process.stderr.write(chunk);
      });
    }
  }
  let exited;
  child.once('exit', (code, signal) => {
    exited = `code-server exited early (code ${code}, signal ${signal})` + (logFile ? `; see ${logFile}` : '');
  });

  let stopped;
  const stop = () => {
    if (!stopped) stopped = stopProcessGroup(child);
    return stopped;
  };
  const onExit = () => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  process.once('exit', onExit);

  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${url}/healthz`, { timeoutMs, isDead: () => exited });
  } catch (error) {
    await stop();
    throw error;
  }
  return { port, url, process: child, stop, remoteAuthority: `127.0.0.1:${port}` };
}

/** Ends a detached child's whole process group: TERM, then KILL if it has not gone in 5 s. */
export async function stopProcessGroup(child, graceMs = 5000) {
  if (child.exitCode !== null || child.signalCode !== null) {
    killGroup(child.pid, 'SIGKILL'); // children may outlive the leader
    return;
  }
  const gone = new Promise((resolve) => child.once('exit', resolve));
  killGroup(child.pid, 'SIGTERM');
  const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), graceMs);
  await gone;
  clearTimeout(timer);
  killGroup(child.pid, 'SIGKILL');
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** The `payload` query value that loads an extension under development (and tests) into VS Code. */
export function workbenchUrl({ url, remoteAuthority, folder, extensionDevelopmentPath, extensionDevelopmentKind, extensionTestsPath, openFile }) {
  const remote = (p) => `vscode-remote://${remoteAuthority}${encodePath(p)}`;
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  // 'web' runs the extension under development in the web worker extension host.
  if (extensionDevelopmentKind) payload.push(['extensionDevelopmentKind', extensionDevelopmentKind]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  if (openFile) payload.push(['openFile', remote(openFile)]);
  payload.push(['skipWelcome', 'true']);
  const query = [];
  if (folder) query.push(`folder=${encodeURIComponent(folder)}`);
  if (payload.length > 0) query.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  return `${url}/${query.length ? `?${query.join('&')}` : ''}`;
}

function encodePath(p) {
  return p.split('/').map(encodeURIComponent).join('/');
}

// ---------------------------------------------------------------------------------------------

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const [command = 'install', ...rest] = process.argv.slice(2);
  try {
    if (command === 'install') {
      const started = Date.now();
      const version = rest.includes('--floor') ? FLOOR_CODE_SERVER_VERSION : CODE_SERVER_VERSION;
      const entry = await ensureCodeServer({ force: rest.includes('--force'), version });
      log(`ready (${((Date.now() - started) / 1000).toFixed(1)} s): ${path.relative(REPO_ROOT, entry)}`);
    } else if (command === 'path') {
      process.stdout.write(`${installation(rest.includes('--floor') ? FLOOR_CODE_SERVER_VERSION : CODE_SERVER_VERSION).entry}\n`);
    } else {
      throw new Error(`unknown command ${command}; use install [--force] or path`);
    }
  } catch (error) {
    log(`error: ${error.message}`);
    process.exit(1);
  }
}
